/**
 * What Checkov 3.3.13 and Trivy 0.70.0 (its embedded checks) flag, for the
 * checks our skip files name, computed from a synthesized `cdk.tf.json`.
 * Each function returns the addresses the scanner would report, following
 * the check's source (checkov/terraform/checks/..., trivy-checks
 * checks/cloud/aws/...) closely enough to tell "fires" from "passes" on our
 * stacks. security-baseline.test.ts uses them to fail on a skip that no
 * longer skips anything, and on a finding no skip covers. A skip of a check
 * without a function here fails too: add one, or explain in the test why
 * the JSON cannot tell.
 */

/** A synthesized stack, loosely typed. */
export interface StackJson {
  readonly resource?: Readonly<Record<string, Readonly<Record<string, Record<string, any>>>>>;
}

type Check = (json: StackJson) => string[];

const resourcesOf = (json: StackJson, type: string): [string, Record<string, any>][] => Object.entries(json.resource?.[type] ?? {});

/** Addresses of the resources of `types` whose configuration references `<type>.<name>.` (a graph connection). */
function referrers(json: StackJson, type: string, name: string, types?: readonly string[]): string[] {
  const needle = `${type}.${name}.`;
  return Object.entries(json.resource ?? {})
    .filter(([t]) => !types || types.includes(t))
    .flatMap(([t, byName]) => Object.entries(byName).filter(([n, r]) => `${t}.${n}` !== `${type}.${name}` && JSON.stringify(r).includes(needle)).map(([n]) => `${t}.${n}`));
}

/** Resources of `type` that no resource of `connected` references: Checkov's `connection exists` failing. */
const unconnected = (type: string, connected: readonly string[]): Check => (json) => resourcesOf(json, type).filter(([name]) => referrers(json, type, name, connected).length === 0).map(([name]) => `${type}.${name}`);

/** Resources of `type` whose `attribute` is not `true` (missing counts as false, as in Checkov's value checks). */
const notTrue = (type: string, attribute: string): Check => (json) => resourcesOf(json, type).filter(([, r]) => String(r[attribute]).toLowerCase() !== "true").map(([name]) => `${type}.${name}`);

// SGAttachedToResource.yaml (CKV2_AWS_5): resource types a security group counts as attached to.
const SG_ATTACHABLE = ["aws_alb", "aws_apprunner_vpc_connector", "aws_appstream_fleet", "aws_batch_compute_environment", "aws_cloudwatch_event_target", "aws_codebuild_project", "aws_codestarconnections_host", "aws_dax_cluster", "aws_db_instance", "aws_dms_replication_instance", "aws_dms_replication_config", "aws_docdb_cluster", "aws_docdbelastic_cluster", "aws_ec2_client_vpn_endpoint", "aws_ec2_client_vpn_network_association", "aws_ec2_spot_fleet_request", "aws_ecs_service", "aws_efs_mount_target", "aws_eks_cluster", "aws_eks_node_group", "aws_elasticache_cluster", "aws_elasticache_replication_group", "aws_elasticache_serverless_cache", "aws_elasticsearch_domain", "aws_elb", "aws_emr_cluster", "aws_emr_studio", "aws_glue_dev_endpoint", "aws_instance", "aws_lambda_function", "aws_launch_configuration", "aws_launch_template", "aws_lb", "aws_memorydb_cluster", "aws_mq_broker", "aws_msk_cluster", "aws_mskconnect_connector", "aws_mwaa_environment", "aws_neptune_cluster", "aws_network_interface", "aws_opensearch_domain", "aws_opensearch_vpc_endpoint", "aws_quicksight_vpc_connection", "aws_rds_cluster", "aws_redshift_cluster", "aws_route53_resolver_endpoint", "aws_sagemaker_notebook_instance", "aws_transfer_server", "aws_vpc_endpoint", "aws_vpclattice_service_network_vpc_association", "aws_fsx_windows_file_system", "aws_fsx_ontap_file_system", "aws_grafana_workspace", "aws_apigatewayv2_vpc_link", "aws_fsx_lustre_file_system", "aws_imagebuilder_infrastructure_configuration", "aws_fsx_openzfs_file_system", "aws_fsx_file_cache", "aws_redshiftserverless_workgroup", "aws_ec2_instance_connect_endpoint", "aws_opensearchserverless_vpc_endpoint", "aws_verifiedaccess_endpoint", "aws_m2_environment", "aws_vpclattice_resource_gateway", "aws_spot_instance_request", "aws_msk_vpc_connection"];

/** Checkov check id → the addresses it fails on. */
export const CHECKOV: Readonly<Record<string, Check>> = {
  // S3BucketLogging.yaml: a `logging` block, or an aws_s3_bucket_logging connected.
  CKV_AWS_18: (json) => unconnected("aws_s3_bucket", ["aws_s3_bucket_logging"])(json).filter((a) => !resourcesOf(json, "aws_s3_bucket").find(([n]) => a.endsWith(`.${n}`))?.[1].logging),
  // S3BucketReplicationConfiguration.yaml: an enabled replication rule, inline or connected.
  CKV_AWS_144: (json) => unconnected("aws_s3_bucket", ["aws_s3_bucket_replication_configuration"])(json).filter((a) => !resourcesOf(json, "aws_s3_bucket").find(([n]) => a.endsWith(`.${n}`))?.[1].replication_configuration),
  // S3BucketEventNotifications.yaml
  CKV2_AWS_62: unconnected("aws_s3_bucket", ["aws_s3_bucket_notification"]),
  // CloudWatchLogGroupRetentionYear.py: retention 0 (never expire) or >= 365 passes; unset fails.
  CKV_AWS_338: (json) => resourcesOf(json, "aws_cloudwatch_log_group").filter(([, r]) => !(r.retention_in_days === 0 || r.retention_in_days >= 365)).map(([n]) => `aws_cloudwatch_log_group.${n}`),
  // AbsSecurityGroupUnrestrictedEgress.py (port -1): an egress rule resource is judged only when it has from_port/to_port.
  CKV_AWS_382: (json) => [
    ...resourcesOf(json, "aws_vpc_security_group_egress_rule").filter(([, r]) => ("from_port" in r || "to_port" in r) && r.cidr_ipv4 === "0.0.0.0/0").map(([n]) => `aws_vpc_security_group_egress_rule.${n}`),
    ...resourcesOf(json, "aws_security_group").filter(([, r]) => (r.egress ?? []).some((e: any) => (e.cidr_blocks ?? []).includes("0.0.0.0/0") && (e.protocol === "-1" || (e.from_port <= -1 && e.to_port >= -1)))).map(([n]) => `aws_security_group.${n}`),
  ],
  // APIGatewayAuthorization.py: a method other than OPTIONS with authorization NONE and no API key required.
  CKV_AWS_59: (json) => resourcesOf(json, "aws_api_gateway_method")
    .filter(([, r]) => r.http_method !== "OPTIONS" && r.authorization === "NONE" && String(r.api_key_required).toLowerCase() !== "true").map(([n]) => `aws_api_gateway_method.${n}`),
  // SecretsAreRotated.yaml
  CKV2_AWS_57: unconnected("aws_secretsmanager_secret", ["aws_secretsmanager_secret_rotation"]),
  // RDSClusterHasBackupPlan.yaml
  CKV2_AWS_8: unconnected("aws_rds_cluster", ["aws_backup_selection"]),
  // RDSDeletionProtection.py, RDSInstanceDeletionProtection.py, RDSMultiAZEnabled.py
  CKV_AWS_139: notTrue("aws_rds_cluster", "deletion_protection"),
  CKV_AWS_293: notTrue("aws_db_instance", "deletion_protection"),
  CKV_AWS_157: notTrue("aws_db_instance", "multi_az"),
  // DBInstanceMinorUpgrade.py: auto_minor_version_upgrade unset (AWS's default, true) passes, false fails.
  CKV_AWS_226: (json) => ["aws_db_instance", "aws_rds_cluster_instance"].flatMap((type) =>
    resourcesOf(json, type).filter(([, r]) => String(r.auto_minor_version_upgrade).toLowerCase() === "false").map(([n]) => `${type}.${n}`)),
  // NeptuneDeletionProtectionEnabled.yaml, ElastiCacheRedisConfiguredAutomaticFailOver.yaml
  CKV2_AWS_58: notTrue("aws_neptune_cluster", "deletion_protection"),
  CKV2_AWS_50: notTrue("aws_elasticache_replication_group", "automatic_failover_enabled"),
  // SGAttachedToResource.yaml: within one stack; groups used by other stacks look unattached.
  CKV2_AWS_5: unconnected("aws_security_group", SG_ATTACHABLE),
  // PostgresRDSHasQueryLoggingEnabled.yaml: the cluster parameter group names log_statement and log_min_duration_statement.
  CKV2_AWS_27: (json) => resourcesOf(json, "aws_rds_cluster").filter(([, r]) => r.engine === "aurora-postgresql").filter(([, r]) => {
    const group = /aws_rds_cluster_parameter_group\.([^.]+)\./.exec(String(r.db_cluster_parameter_group_name ?? ""))?.[1];
    const names = (json.resource?.aws_rds_cluster_parameter_group?.[group ?? ""]?.parameter ?? []).map((p: { name: string }) => p.name);
    return !(names.includes("log_statement") && names.includes("log_min_duration_statement"));
  }).map(([n]) => `aws_rds_cluster.${n}`),
};

/** Trivy misconfiguration id → its severity and the addresses it reports. */
export const TRIVY: Readonly<Record<string, { readonly severity: "LOW" | "MEDIUM" | "HIGH" | "CRITICAL"; readonly check: Check }>> = {
  // s3/enable_logging.rego
  "AVD-AWS-0089": { severity: "LOW", check: (json) => resourcesOf(json, "aws_s3_bucket").filter(([n, r]) => !r.logging && referrers(json, "aws_s3_bucket", n, ["aws_s3_bucket_logging"]).length === 0).map(([n]) => `aws_s3_bucket.${n}`) },
  // ec2/no_public_egress_sgr.rego: any egress CIDR that allows all addresses.
  "AVD-AWS-0104": {
    severity: "CRITICAL",
    check: (json) => resourcesOf(json, "aws_vpc_security_group_egress_rule").filter(([, r]) => r.cidr_ipv4 === "0.0.0.0/0" || r.cidr_ipv6 === "::/0").map(([n]) => `aws_vpc_security_group_egress_rule.${n}`),
  },
  // rds/enable_deletion_protection.rego (aws_db_instance only; cluster instances are not "instances" there)
  "AVD-AWS-0177": { severity: "MEDIUM", check: notTrue("aws_db_instance", "deletion_protection") },
  // rds/enable_cluster_deletion_protection.rego
  "AVD-AWS-0343": { severity: "MEDIUM", check: notTrue("aws_rds_cluster", "deletion_protection") },
};
