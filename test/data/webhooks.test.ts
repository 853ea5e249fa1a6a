import { describe, expect, it } from "vitest";
import { matching, only, resources, stack, upstream, upstreamEntry } from "../support/synth";

const prod = () => stack("webhooks-prod-data");

describe("webhooks-prod data (seed 001)", () => {
  it("runs RDS MySQL in the data subnets, not public, Multi-AZ, TLS required", () => {
    expect(only(prod(), "aws_db_instance")).toMatchObject({
      identifier: "webhooks-prod-db", engine: "mysql", engine_version: "8.4", instance_class: "db.m7g.large",
      allocated_storage: 100, storage_type: "gp3", port: 3306, publicly_accessible: false, multi_az: true,
      storage_encrypted: true, enabled_cloudwatch_logs_exports: ["error", "slowquery"], auto_minor_version_upgrade: true,
      db_name: "webhooks", username: "webhooks_admin",
    });
    expect(only(prod(), "aws_db_parameter_group")).toMatchObject({
      family: "mysql8.4",
      parameter: [{ name: "require_secure_transport", value: "1" }, { name: "slow_query_log", value: "1" }],
    });
    expect(only(prod(), "aws_db_subnet_group").subnet_ids).toBe(upstream("webhooks-prod-network", "data_subnet_ids"));
  });

  it("runs Redis for caching and transaction locks with failover across AZs", () => {
    expect(only(prod(), "aws_elasticache_replication_group")).toMatchObject({
      replication_group_id: "webhooks-redis-prod", node_type: "cache.t4g.medium", num_cache_clusters: 2,
      automatic_failover_enabled: true, multi_az_enabled: true, transit_encryption_enabled: true,
      preferred_cache_cluster_azs: ["eu-central-1a", "eu-central-1b"],
    });
  });

  it("admits only the ECS processors to MySQL (3306) and Redis (6379)", () => {
    const rules = matching(prod(), "aws_vpc_security_group_ingress_rule", () => true);
    expect(rules.map((r) => r.from_port).sort()).toEqual([3306, 6379]);
    for (const r of rules) expect(r.referenced_security_group_id).toBe(upstreamEntry("webhooks-prod-network", "workload_security_group_ids", "processor"));
  });

  it("keeps the slow log of Redis in an encrypted group with the prod retention", () => {
    const slowLog = Object.values(resources(prod(), "aws_cloudwatch_log_group")).find((g) => (g.name as string).startsWith("/elasticache/"));
    expect(slowLog).toMatchObject({ name: "/elasticache/webhooks-redis-prod/slow-log", retention_in_days: 365 });
    expect(slowLog!.kms_key_id).toBe(upstream("webhooks-prod-network", "logs_kms_key_arn"));
    expect(only(prod(), "aws_elasticache_replication_group").log_delivery_configuration).toEqual([{
      destination: expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.Locks_SlowLog_LogGroup_/), destination_type: "cloudwatch-logs", log_format: "json", log_type: "slow-log",
    }]);
  });
});

describe("webhooks-dev data", () => {
  it("is a single small MySQL instance and a single Redis node", () => {
    const dev = stack("webhooks-dev-data");
    expect(only(dev, "aws_db_instance")).toMatchObject({ identifier: "webhooks-dev-db", instance_class: "db.t4g.medium", allocated_storage: 20, multi_az: false });
    expect(only(dev, "aws_elasticache_replication_group")).toMatchObject({ replication_group_id: "webhooks-redis-dev", node_type: "cache.t4g.micro", num_cache_clusters: 1, automatic_failover_enabled: false });
  });
});
