import { describe, expect, it } from "vitest";
import { byAttr, matching, only, onlyRef, policy, refBy, resources, stack, upstream, upstreamEntry } from "../support/synth";

const s = () => stack("axonflow-prod-data");
const net = () => stack("axonflow-prod-network");
const db = () => only(s(), "aws_db_instance");
const keyArn = () => onlyRef(s(), "aws_kms_key", "arn");

describe("axonflow-prod database (seed 002)", () => {
  it("is PostgreSQL 15 on db.t3.medium with 100 GB gp3 at the 3000 IOPS / 125 MB/s baseline", () => {
    expect(db()).toMatchObject({
      identifier: "axonflow-prod-db", engine: "postgres", engine_version: "15.15", instance_class: "db.t3.medium",
      allocated_storage: 100, storage_type: "gp3", port: 5432, db_name: "axonflow", username: "axonflow",
    });
    // AWS rejects explicit IOPS/throughput below 400 GiB; the baseline is recorded as a comment instead.
    expect(db()).not.toHaveProperty("iops");
    expect(db()).not.toHaveProperty("storage_throughput");
    expect((db()["//"] as Record<string, unknown>).storage_baseline).toEqual({ iops: 3000, throughput_mibps: 125 });
  });

  it("runs Multi-AZ with 7-day backups 03:00-04:00 UTC and maintenance Sunday 04:00-05:00 UTC", () => {
    expect(db()).toMatchObject({
      multi_az: true, backup_retention_period: 7, backup_window: "03:00-04:00", maintenance_window: "sun:04:00-sun:05:00",
    });
  });

  it("takes a final snapshot and refuses deletion", () => {
    expect(db()).toMatchObject({
      deletion_protection: true, skip_final_snapshot: false, final_snapshot_identifier: "axonflow-prod-db-final",
      copy_tags_to_snapshot: true, lifecycle: { prevent_destroy: true },
    });
  });

  it("monitors every 60 s through its own role, keeps Performance Insights 7 days and exports PostgreSQL logs", () => {
    const role = byAttr(s(), "aws_iam_role", "name", "axonflow-prod-rds-monitoring");
    expect(db()).toMatchObject({
      monitoring_interval: 60,
      monitoring_role_arn: refBy(s(), "aws_iam_role", "name", role.name, "arn"),
      performance_insights_enabled: true, performance_insights_retention_period: 7, performance_insights_kms_key_id: keyArn(),
      enabled_cloudwatch_logs_exports: ["postgresql", "upgrade"],
    });
    expect(policy(role.assume_role_policy).Statement[0]).toMatchObject({ Principal: { Service: "monitoring.rds.amazonaws.com" } });
    expect(matching(s(), "aws_iam_role_policy_attachment", (a) => a.role === refBy(s(), "aws_iam_role", "name", "axonflow-prod-rds-monitoring", "name")).map((a) => a.policy_arn))
      .toEqual(["arn:${data.aws_partition.Partition.partition}:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"]);
    const groups = Object.values(resources(s(), "aws_cloudwatch_log_group")).map((g) => [g.name, g.retention_in_days]);
    expect(groups).toEqual([["/aws/rds/instance/axonflow-prod-db/postgresql", 365], ["/aws/rds/instance/axonflow-prod-db/upgrade", 365]]);
  });

  it("requires SSL through its parameter group and uses the current CA", () => {
    const params = only(s(), "aws_db_parameter_group");
    expect(params).toMatchObject({ family: "postgres15", parameter: [{ name: "rds.force_ssl", value: "1" }] });
    expect(db()).toMatchObject({
      parameter_group_name: refBy(s(), "aws_db_parameter_group", "family", "postgres15", "name"),
      ca_cert_identifier: "rds-ca-rsa2048-g1", publicly_accessible: false, iam_database_authentication_enabled: true,
      storage_encrypted: true, kms_key_id: keyArn(),
    });
  });

  it("keeps the password in Secrets Manager as JSON with username, password, engine, host, port, dbname and the connection URL", () => {
    const secret = only(s(), "aws_secretsmanager_secret");
    expect(secret).toMatchObject({ name: "axonflow/prod/main-db-credentials", kms_key_id: keyArn(), recovery_window_in_days: 30 });
    const password = `\${random_password.${Object.keys(resources(s(), "random_password"))[0]}.result}`;
    expect(db()).toMatchObject({ password_wo: password, password_wo_version: 1 });
    expect(db()).not.toHaveProperty("password");
    expect(JSON.parse(only(s(), "aws_secretsmanager_secret_version").secret_string_wo as string)).toEqual({
      username: "axonflow", password, engine: "postgres",
      host: refBy(s(), "aws_db_instance", "identifier", "axonflow-prod-db", "address"), port: 5432, dbname: "axonflow",
      // DATABASE_URL of the ECS tasks (compute layer), the password percent-encoded, TLS required.
      url: `postgresql://axonflow:\${urlencode(${password.slice(2, -1)})}@${refBy(s(), "aws_db_instance", "identifier", "axonflow-prod-db", "address")}:5432/axonflow?sslmode=require`,
    });
  });

  it("sits in a subnet group over the two data subnets", () => {
    expect(only(s(), "aws_db_subnet_group").subnet_ids).toBe(upstream("axonflow-prod-network", "data_subnet_ids"));
    const dataSubnets = Object.entries(resources(net(), "aws_subnet")).filter(([, subnet]) => (subnet.tags as Record<string, string>).tier === "data");
    expect(net().output?.data_subnet_ids.value).toEqual(dataSubnets.map(([id]) => `\${aws_subnet.${id}.id}`));
    expect(dataSubnets.map(([, subnet]) => subnet.availability_zone)).toEqual(["us-east-1a", "us-east-1b"]);
  });

  it("admits 5432 only from the agent and orchestrator security groups, and has no egress", () => {
    const rules = matching(s(), "aws_vpc_security_group_ingress_rule", () => true);
    expect(rules.map((r) => [r.from_port, r.to_port, r.ip_protocol])).toEqual([[5432, 5432, "tcp"], [5432, 5432, "tcp"]]);
    expect(rules.map((r) => r.referenced_security_group_id)).toEqual([
      upstreamEntry("axonflow-prod-network", "workload_security_group_ids", "agent"),
      upstreamEntry("axonflow-prod-network", "workload_security_group_ids", "orchestrator"),
    ]);
    expect(resources(s(), "aws_vpc_security_group_egress_rule")).toEqual({});
    expect(byAttr(s(), "aws_security_group", "name", "axonflow-prod-db-sg")).not.toHaveProperty("egress");
  });

  it("publishes the endpoint, port, secret ARN and security group for the compute layer", () => {
    const outputs = s().output ?? {};
    expect(outputs.store_endpoints.value).toEqual({ Main: refBy(s(), "aws_db_instance", "identifier", "axonflow-prod-db", "address") });
    expect(outputs.store_reader_endpoints.value).toEqual({ Main: refBy(s(), "aws_db_instance", "identifier", "axonflow-prod-db", "address") });
    expect(outputs.store_ports.value).toEqual({ Main: 5432 });
    expect(outputs.store_secret_arns.value).toEqual({ Main: onlyRef(s(), "aws_secretsmanager_secret", "arn") });
    expect(outputs.store_security_group_ids.value).toEqual({ Main: refBy(s(), "aws_security_group", "name", "axonflow-prod-db-sg", "id") });
    expect(outputs.data_kms_key_arn.value).toBe(keyArn());
    expect(outputs.table_names.value).toEqual({});
  });
});

describe("axonflow-dev database", () => {
  it("is single-AZ, 20 GB, without deletion protection or final snapshot", () => {
    expect(only(stack("axonflow-dev-data"), "aws_db_instance")).toMatchObject({
      identifier: "axonflow-dev-db", multi_az: false, allocated_storage: 20, deletion_protection: false,
      skip_final_snapshot: true, lifecycle: { prevent_destroy: false }, backup_retention_period: 7,
    });
    expect(only(stack("axonflow-dev-data"), "aws_db_instance")).not.toHaveProperty("final_snapshot_identifier");
  });
});
