/**
 * Resource types that hold data a re-create does not bring back: destroying
 * or replacing one loses data (a database, a bucket's objects, a key and
 * everything encrypted with it, a secret's value, a queue's messages, audit
 * logs) or breaks what depends on its identity. The plan gate
 * (`scripts/ops/ci/gate.ts`, docs/delivery.md "Plan gate") stops a plan that
 * would delete or replace one of these in a gated stack.
 *
 * Add a type here when a layer starts creating a new kind of store. Types
 * that are cheap to re-create from code (security groups, subnets, roles,
 * parameter groups, subnet groups, aliases) are deliberately absent: the gate
 * is only useful while it fires rarely.
 */
export const STATEFUL_RESOURCE_TYPES: ReadonlySet<string> = new Set([
  // Relational and graph databases: the data itself.
  "aws_db_instance",
  "aws_rds_cluster",
  "aws_rds_cluster_instance",
  "aws_rds_global_cluster",
  "aws_neptune_cluster",
  "aws_neptune_cluster_instance",
  "aws_docdb_cluster",
  "aws_docdb_cluster_instance",
  // Caches and key-value stores: sessions, locks and queues kept in them.
  "aws_elasticache_replication_group",
  "aws_elasticache_cluster",
  "aws_elasticache_serverless_cache",
  "aws_memorydb_cluster",
  "aws_dynamodb_table",
  "aws_dynamodb_global_table",
  // Object and file storage.
  "aws_s3_bucket",
  "aws_efs_file_system",
  "aws_fsx_lustre_file_system",
  "aws_fsx_ontap_file_system",
  "aws_fsx_openzfs_file_system",
  "aws_fsx_windows_file_system",
  "aws_ebs_volume",
  "aws_backup_vault",
  "aws_ecr_repository",
  // Keys and secrets: data encrypted with a deleted key is gone; a replaced
  // password or secret value locks clients out of the store it opens.
  "aws_kms_key",
  "aws_secretsmanager_secret",
  "aws_secretsmanager_secret_version",
  "aws_ssm_parameter",
  "random_password",
  // Messages in flight and retained streams.
  "aws_sqs_queue",
  "aws_sns_topic",
  "aws_kinesis_stream",
  "aws_msk_cluster",
  "aws_opensearch_domain",
  // Logs: flow logs and database audit logs are evidence; a new group starts empty.
  "aws_cloudwatch_log_group",
  // Cloudflare: a zone's settings and records go with it.
  "cloudflare_zone",
  "cloudflare_r2_bucket",
  "cloudflare_workers_kv_namespace",
]);

/** Whether a resource type holds data that a destroy or replace loses. */
export function isStateful(type: string): boolean {
  return STATEFUL_RESOURCE_TYPES.has(type);
}
