/**
 * Resource types whose destruction loses data, or what reads or decrypts it,
 * and which Terraform cannot give back by recreating them: databases, caches,
 * tables, buckets, queues (messages in flight), image repositories, keys,
 * secrets, generated credentials and log groups (audit,
 * database and VPC flow logs are the record an incident review needs).
 *
 * One list for everything that guards against deletion: the policy rule
 * `Terraform.PreventDestroyInProd` requires `prevent_destroy` on each of them
 * in production and staging, and a plan gate refusing `delete` actions on
 * these types would read the same list. No imports, so any script can load it.
 *
 * Not listed, on purpose:
 * - `aws_secretsmanager_secret_version`: destroying one only moves its staging
 *   labels (the secret keeps its current value), and replacing it is how a new
 *   value is written (`secret_string` and `secret_string_wo_version` force
 *   replacement), so protecting it would block every rotation and any change of
 *   how the value is passed; the secret itself is listed.
 * - Cluster members (`aws_rds_cluster_instance`, `aws_neptune_cluster_instance`):
 *   Aurora and Neptune keep data in the cluster volume, not in instances.
 */
export const STATEFUL_RESOURCE_TYPES = [
  "aws_acmpca_certificate_authority",
  "aws_backup_vault",
  "aws_cloudwatch_log_group",
  "aws_db_instance",
  "aws_docdb_cluster",
  "aws_dynamodb_table",
  "aws_ebs_volume",
  "aws_ecr_repository",
  "aws_efs_file_system",
  "aws_elasticache_replication_group",
  "aws_elasticache_serverless_cache",
  "aws_kms_key",
  "aws_kms_replica_key",
  "aws_memorydb_cluster",
  "aws_neptune_cluster",
  "aws_opensearch_domain",
  "aws_rds_cluster",
  "aws_s3_bucket",
  "aws_secretsmanager_secret",
  "aws_sqs_queue",
  "random_password",
  // The cluster holds the workloads' Kubernetes state (etcd: secrets, deployments, service accounts), which no apply recreates.
  "aws_eks_cluster",
] as const;
