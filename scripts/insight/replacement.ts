/**
 * Arguments whose change makes Terraform destroy and recreate a resource
 * (ForceNew in the AWS provider), for the types where that loses data or
 * breaks what depends on the resource. Derived from the CloudFormation
 * registry's `causesReplacement` flags (`@aws-cdk/aws-service-spec`) mapped
 * to the Terraform argument names, then checked per type against the
 * provider's schema: Terraform splits and renames properties, so the lists
 * differ from CloudFormation's (e.g. a DB instance's subnet group is updated
 * in place by Terraform, an RDS cluster's is not). Add a type here when a
 * layer starts emitting it. `terraform plan` stays the authority; this list
 * lets the pull-request summary warn before any credentials exist.
 */
export const FORCES_REPLACEMENT: Readonly<Record<string, readonly string[]>> = {
  aws_db_instance: ["identifier", "engine", "kms_key_id", "storage_encrypted", "db_name", "username", "character_set_name", "availability_zone", "snapshot_identifier", "timezone"],
  aws_rds_cluster: ["cluster_identifier", "engine", "engine_mode", "kms_key_id", "storage_encrypted", "database_name", "master_username", "db_subnet_group_name", "availability_zones", "snapshot_identifier"],
  aws_rds_cluster_instance: ["identifier", "cluster_identifier", "engine", "db_subnet_group_name", "availability_zone"],
  aws_neptune_cluster: ["cluster_identifier", "engine", "kms_key_arn", "storage_encrypted", "neptune_subnet_group_name", "availability_zones", "snapshot_identifier"],
  aws_neptune_cluster_instance: ["identifier", "cluster_identifier", "engine", "neptune_subnet_group_name", "availability_zone"],
  aws_elasticache_replication_group: ["replication_group_id", "at_rest_encryption_enabled", "kms_key_id", "subnet_group_name", "snapshot_arns", "snapshot_name"],
  aws_dynamodb_table: ["name", "hash_key", "range_key"],
  aws_s3_bucket: ["bucket", "bucket_prefix", "object_lock_enabled"],
  aws_sqs_queue: ["name", "name_prefix", "fifo_queue"],
  aws_sns_topic: ["name", "name_prefix", "fifo_topic"],
  aws_kms_key: ["multi_region", "key_usage", "customer_master_key_spec"],
  aws_secretsmanager_secret: ["name", "name_prefix"],
  aws_cloudwatch_log_group: ["name", "name_prefix"],
  aws_backup_vault: ["name", "kms_key_arn"],
  aws_ecr_repository: ["name"],
  aws_efs_file_system: ["creation_token", "encrypted", "kms_key_id", "performance_mode"],
  aws_db_subnet_group: ["name"],
  aws_elasticache_subnet_group: ["name"],
  aws_neptune_subnet_group: ["name"],
  aws_cloudwatch_event_bus: ["name"],
  aws_vpc: ["cidr_block", "instance_tenancy"],
  aws_subnet: ["cidr_block", "availability_zone", "vpc_id"],
  random_password: ["length", "special", "upper", "lower", "numeric", "override_special", "keepers"],
};
