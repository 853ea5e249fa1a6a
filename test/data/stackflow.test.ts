import { describe, expect, it } from "vitest";
import { byAttr, matching, only, onlyRef, policy, refBy, resources, stack, StackJson, upstreamEntry } from "../support/synth";

const prod = () => stack("stackflow-prod-data");
const dev = () => stack("stackflow-dev-data");
const keyArn = (s: StackJson) => onlyRef(s, "aws_kms_key", "arn");
const cluster = (s: StackJson, id: string) => byAttr(s, "aws_rds_cluster", "cluster_identifier", id);
const instancesOf = (s: StackJson, clusterId: string) =>
  matching(s, "aws_rds_cluster_instance", (i) => i.cluster_identifier === refBy(s, "aws_rds_cluster", "cluster_identifier", clusterId, "cluster_identifier"));
/** The ports a store's security group admits, and from where. */
const ingressOf = (s: StackJson, groupName: string) =>
  matching(s, "aws_vpc_security_group_ingress_rule", (r) => r.security_group_id === refBy(s, "aws_security_group", "name", groupName, "id"))
    .map((r) => [r.from_port, r.referenced_security_group_id]);
const app = upstreamEntry("stackflow-prod-network", "workload_security_group_ids", "app");

describe("stackflow-prod data key (seed 000: one multi-Region CMK for every data store)", () => {
  it("is a rotating multi-Region key", () => {
    expect(only(prod(), "aws_kms_key")).toMatchObject({ multi_region: true, enable_key_rotation: true, lifecycle: { prevent_destroy: true } });
    expect(only(prod(), "aws_kms_alias").name).toBe("alias/stackflow-prod-data");
  });

  it("grants kms:* to the account root only, and use of the key to the system's roles", () => {
    const statements = policy(only(prod(), "aws_kms_key").policy).Statement;
    expect(statements.filter((st) => st.Action === "kms:*" || (st.Action as string[]).includes?.("kms:*")).map((st) => st.Sid)).toEqual(["AccountRootAdministers"]);
    expect(statements[1]).toMatchObject({
      Sid: "SystemRolesUse",
      Condition: { ArnLike: { "aws:PrincipalArn": "arn:${data.aws_partition.Partition.partition}:iam::${data.aws_caller_identity.Caller.account_id}:role/stackflow-prod-*" } },
    });
    expect(statements[1].Action).toEqual(["kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey"]);
  });

  it("encrypts every data store and secret", () => {
    const key = keyArn(prod());
    for (const c of Object.values(resources(prod(), "aws_rds_cluster"))) expect(c).toMatchObject({ storage_encrypted: true, kms_key_id: key });
    expect(only(prod(), "aws_neptune_cluster")).toMatchObject({ storage_encrypted: true, kms_key_arn: key });
    expect(only(prod(), "aws_elasticache_replication_group")).toMatchObject({ at_rest_encryption_enabled: "true", kms_key_id: key });
    for (const secret of Object.values(resources(prod(), "aws_secretsmanager_secret"))) expect(secret.kms_key_id).toBe(key);
    for (const i of Object.values(resources(prod(), "aws_rds_cluster_instance"))) expect(i.performance_insights_kms_key_id).toBe(key);
  });
});

describe("stackflow-prod Aurora PostgreSQL 16 main cluster", () => {
  it("serves database stackflow on 5432 with IAM auth", () => {
    expect(cluster(prod(), "stackflow-main-prod")).toMatchObject({
      engine: "aurora-postgresql", engine_mode: "provisioned", engine_version: "16.11", database_name: "stackflow", port: 5432,
      iam_database_authentication_enabled: true, enabled_cloudwatch_logs_exports: ["postgresql"],
    });
  });

  it("is Multi-AZ: a writer in us-east-1a and a reader in us-east-1b", () => {
    expect(instancesOf(prod(), "stackflow-main-prod").map((i) => [i.identifier, i.availability_zone, i.promotion_tier, (i.tags as Record<string, string>).role]))
      .toEqual([["stackflow-main-prod-2", "us-east-1b", 1, "reader"], ["stackflow-main-prod-1", "us-east-1a", 0, "writer"]]);
    for (const i of instancesOf(prod(), "stackflow-main-prod")) {
      expect(i).toMatchObject({
        instance_class: "db.r7g.large", publicly_accessible: false, ca_cert_identifier: "rds-ca-rsa2048-g1",
        performance_insights_enabled: true, performance_insights_retention_period: 7, monitoring_interval: 60,
      });
    }
  });

  it("forces TLS and logs DDL and statements over one second through its cluster parameter group", () => {
    expect(byAttr(prod(), "aws_rds_cluster_parameter_group", "name", "stackflow-main-prod-params")).toMatchObject({
      family: "aurora-postgresql16",
      parameter: [{ name: "rds.force_ssl", value: "1" }, { name: "log_statement", value: "ddl" }, { name: "log_min_duration_statement", value: "1000" }],
    });
  });

  it("backs up both Aurora clusters and Neptune with AWS Backup: daily for 35 days, monthly for a year, in a protected vault under the data key", () => {
    expect(only(prod(), "aws_backup_vault")).toMatchObject({ name: "stackflow-prod-data", kms_key_arn: onlyRef(prod(), "aws_kms_key", "arn"), force_destroy: false, lifecycle: { prevent_destroy: true } });
    const vault = onlyRef(prod(), "aws_backup_vault", "name");
    expect(only(prod(), "aws_backup_plan").rule).toEqual([
      { rule_name: "daily", target_vault_name: vault, schedule: "cron(0 5 * * ? *)", start_window: 60, completion_window: 360, lifecycle: { delete_after: 35 } },
      { rule_name: "monthly", target_vault_name: vault, schedule: "cron(0 5 1 * ? *)", start_window: 60, completion_window: 720, lifecycle: { delete_after: 365 } },
    ]);
    const role = byAttr(prod(), "aws_iam_role", "name", "stackflow-prod-data-backup");
    expect(policy(role.assume_role_policy)).toEqual({ Version: "2012-10-17", Statement: [{
      Effect: "Allow", Principal: { Service: "backup.amazonaws.com" }, Action: "sts:AssumeRole",
      Condition: { StringEquals: { "aws:SourceAccount": "${data.aws_caller_identity.Caller.account_id}" } },
    }] });
    expect(only(prod(), "aws_backup_selection")).toMatchObject({
      plan_id: onlyRef(prod(), "aws_backup_plan", "id"),
      iam_role_arn: refBy(prod(), "aws_iam_role", "name", "stackflow-prod-data-backup", "arn"),
      resources: [
        refBy(prod(), "aws_rds_cluster", "cluster_identifier", "stackflow-main-prod", "arn"),
        refBy(prod(), "aws_rds_cluster", "cluster_identifier", "stackflow-req-prod", "arn"),
        refBy(prod(), "aws_neptune_cluster", "cluster_identifier", "stackflow-knowledge-graph", "arn"),
      ],
    });
    expect(resources(dev(), "aws_backup_plan")).toEqual({});
  });

  it("gives Redis a parameter group of its own, of the engine's family", () => {
    const group = byAttr(prod(), "aws_elasticache_parameter_group", "name", "stackflow-redis-prod-params");
    expect(group).toMatchObject({ family: "redis7" });
    expect(only(prod(), "aws_elasticache_replication_group").parameter_group_name).toBe(refBy(prod(), "aws_elasticache_parameter_group", "name", "stackflow-redis-prod-params", "name"));
  });

  it("is protected: deletion protection, final snapshot, prevent_destroy, 14-day backups", () => {
    expect(cluster(prod(), "stackflow-main-prod")).toMatchObject({
      deletion_protection: true, skip_final_snapshot: false, final_snapshot_identifier: "stackflow-main-prod-final",
      lifecycle: { prevent_destroy: true }, backup_retention_period: 14, copy_tags_to_snapshot: true,
      preferred_backup_window: "03:00-04:00", preferred_maintenance_window: "sun:04:00-sun:05:00",
    });
  });

  it("writes stackflow/aurora-db-credentials with the username and password the seed's diagnostics read", () => {
    const secret = byAttr(prod(), "aws_secretsmanager_secret", "name", "stackflow/aurora-db-credentials");
    const secretRef = refBy(prod(), "aws_secretsmanager_secret", "name", "stackflow/aurora-db-credentials", "id");
    const version = byAttr(prod(), "aws_secretsmanager_secret_version", "secret_id", secretRef);
    const body = JSON.parse(version.secret_string_wo as string);
    expect(body).toMatchObject({ username: "stackflow_admin", engine: "postgres", port: 5432, dbname: "stackflow" });
    expect(body.password).toBe(cluster(prod(), "stackflow-main-prod").master_password_wo);
    expect(body.password).toMatch(/^\$\{random_password\.Main_Credentials_Value_[0-9A-F]+\.result\}$/);
    expect(secret.recovery_window_in_days).toBe(30);
  });
});

describe("stackflow-prod Aurora PostgreSQL 17 requirements cluster", () => {
  it("runs 17.7 on 5432 with its own TLS parameter group and secret", () => {
    expect(cluster(prod(), "stackflow-req-prod")).toMatchObject({ engine_version: "17.7", port: 5432, iam_database_authentication_enabled: true });
    expect(byAttr(prod(), "aws_rds_cluster_parameter_group", "name", "stackflow-req-prod-params").family).toBe("aurora-postgresql17");
    expect(byAttr(prod(), "aws_secretsmanager_secret", "name", "stackflow/aurora-req-db-credentials")).toMatchObject({ kms_key_id: keyArn(prod()), recovery_window_in_days: 30 });
    expect(instancesOf(prod(), "stackflow-req-prod")).toHaveLength(2);
  });
});

describe("stackflow-prod Neptune knowledge graph", () => {
  it("is engine 1.4.7 serverless between 1 and 8 NCU with IAM auth on 8182", () => {
    expect(only(prod(), "aws_neptune_cluster")).toMatchObject({
      cluster_identifier: "stackflow-knowledge-graph", engine: "neptune", engine_version: "1.4.7.1", port: 8182,
      serverless_v2_scaling_configuration: { min_capacity: 1, max_capacity: 8 },
      iam_database_authentication_enabled: true, enable_cloudwatch_logs_exports: ["audit", "slowquery"],
      deletion_protection: true, final_snapshot_identifier: "stackflow-knowledge-graph-final", lifecycle: { prevent_destroy: true },
    });
    expect(Object.values(resources(prod(), "aws_neptune_cluster_instance")).map((i) => [i.instance_class, i.availability_zone]))
      .toEqual([["db.serverless", "us-east-1b"], ["db.serverless", "us-east-1a"]]);
    expect(only(prod(), "aws_neptune_cluster_parameter_group")).toMatchObject({ family: "neptune1.4" });
  });
});

describe("stackflow-prod Redis", () => {
  it("is stackflow-redis-prod on cache.t4g.micro with TLS, an auth token and Multi-AZ failover on 6379", () => {
    const token = `\${random_password.${Object.keys(resources(prod(), "random_password")).find((id) => id.startsWith("Cache_"))}.result}`;
    expect(only(prod(), "aws_elasticache_replication_group")).toMatchObject({
      replication_group_id: "stackflow-redis-prod", engine: "redis", engine_version: "7.1", node_type: "cache.t4g.micro", port: 6379,
      transit_encryption_enabled: true, transit_encryption_mode: "required", auth_token: token,
      num_cache_clusters: 2, automatic_failover_enabled: true, multi_az_enabled: true,
      preferred_cache_cluster_azs: ["us-east-1a", "us-east-1b"], snapshot_retention_limit: 7,
      final_snapshot_identifier: "stackflow-redis-prod-final", lifecycle: { prevent_destroy: true },
    });
    expect(byAttr(prod(), "aws_secretsmanager_secret", "name", "stackflow/redis-auth-token").kms_key_id).toBe(keyArn(prod()));
  });
});

describe("stackflow-prod store security groups", () => {
  it("admit only the application tier, each on its own port", () => {
    expect(ingressOf(prod(), "stackflow-main-prod-sg")).toEqual([[5432, app]]);
    expect(ingressOf(prod(), "stackflow-req-prod-sg")).toEqual([[5432, app]]);
    expect(ingressOf(prod(), "stackflow-knowledge-graph-sg")).toEqual([[8182, app]]);
    expect(ingressOf(prod(), "stackflow-redis-prod-sg")).toEqual([[6379, app]]);
    expect(resources(prod(), "aws_vpc_security_group_egress_rule")).toEqual({});
  });
});

describe("stackflow-dev differs from prod where the dev preset says", () => {
  it("runs one instance per cluster, smaller, without protection", () => {
    const main = cluster(dev(), "stackflow-main-dev");
    expect(main).toMatchObject({ deletion_protection: false, skip_final_snapshot: true, lifecycle: { prevent_destroy: false }, backup_retention_period: 7 });
    expect(main).not.toHaveProperty("final_snapshot_identifier");
    expect(instancesOf(dev(), "stackflow-main-dev").map((i) => i.instance_class)).toEqual(["db.t4g.medium"]);
    expect(only(dev(), "aws_kms_key").lifecycle).toEqual({ prevent_destroy: false });
  });

  it("runs a single Redis node without failover and a smaller graph", () => {
    expect(only(dev(), "aws_elasticache_replication_group")).toMatchObject({ num_cache_clusters: 1, automatic_failover_enabled: false, multi_az_enabled: false });
    expect(only(dev(), "aws_neptune_cluster").serverless_v2_scaling_configuration).toEqual({ min_capacity: 1, max_capacity: 2 });
    expect(Object.keys(resources(dev(), "aws_neptune_cluster_instance"))).toHaveLength(1);
  });
});
