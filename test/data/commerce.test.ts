import { describe, expect, it } from "vitest";
import { only, onlyRef, resources, stack, upstreamEntry } from "../support/synth";

const data = (env: string) => stack(`commerce-${env}-data`);
const instances = (env: string) => Object.values(resources(data(env), "aws_rds_cluster_instance"));

describe("commerce Aurora PostgreSQL 15 (seed 004)", () => {
  it("runs a writer and a reader in another AZ in prod, with a reader endpoint for read traffic", () => {
    expect(only(data("prod"), "aws_rds_cluster")).toMatchObject({
      cluster_identifier: "commerce-prod-aurora", engine: "aurora-postgresql", engine_version: "15.15", database_name: "commerce",
      deletion_protection: true, lifecycle: { prevent_destroy: true }, backup_retention_period: 14,
    });
    expect(instances("prod").map((i) => [i.instance_class, i.availability_zone]).sort()).toEqual([["db.r7g.large", "us-west-2a"], ["db.r7g.large", "us-west-2b"]]);
    expect(data("prod").output?.store_endpoints.value).toMatchObject({ Main: onlyRef(data("prod"), "aws_rds_cluster", "endpoint") });
    expect(data("prod").output?.store_reader_endpoints.value).toMatchObject({ Main: onlyRef(data("prod"), "aws_rds_cluster", "reader_endpoint") });
  });

  it("keeps credentials in Secrets Manager and admits only the EKS nodes", () => {
    expect(Object.values(resources(data("prod"), "aws_secretsmanager_secret")).map((secret) => secret.name).sort())
      .toEqual(["commerce/prod/main-db-credentials", "commerce/prod/sessions-auth-token"]);
    const rules = Object.values(resources(data("prod"), "aws_vpc_security_group_ingress_rule"));
    expect(rules.map((r) => r.from_port).sort()).toEqual([5432, 6379]);
    for (const r of rules) expect(r.referenced_security_group_id).toBe(upstreamEntry("commerce-prod-network", "workload_security_group_ids", "eks-nodes"));
  });

  it("is one small unprotected instance in dev and two large protected ones in staging", () => {
    expect(instances("dev").map((i) => i.instance_class)).toEqual(["db.t4g.medium"]);
    expect(only(data("dev"), "aws_rds_cluster")).toMatchObject({ cluster_identifier: "commerce-dev-aurora", deletion_protection: false, skip_final_snapshot: true, backup_retention_period: 7 });
    expect(instances("staging")).toHaveLength(2);
    expect(only(data("staging"), "aws_rds_cluster")).toMatchObject({ deletion_protection: true, final_snapshot_identifier: "commerce-staging-aurora-final" });
  });
});

describe("commerce Redis for sessions and catalog caching", () => {
  it("spreads a primary and two replicas over the three AZs in prod", () => {
    expect(only(data("prod"), "aws_elasticache_replication_group")).toMatchObject({
      replication_group_id: "commerce-prod-redis", node_type: "cache.r7g.large", num_cache_clusters: 3,
      preferred_cache_cluster_azs: ["us-west-2a", "us-west-2b", "us-west-2c"], automatic_failover_enabled: true, multi_az_enabled: true,
    });
  });

  it("is sized per environment", () => {
    expect(only(data("staging"), "aws_elasticache_replication_group")).toMatchObject({ replication_group_id: "commerce-staging-redis", node_type: "cache.t4g.medium", num_cache_clusters: 2 });
    expect(only(data("dev"), "aws_elasticache_replication_group")).toMatchObject({ replication_group_id: "commerce-dev-redis", node_type: "cache.t4g.micro", num_cache_clusters: 1, multi_az_enabled: false });
  });
});
