import { describe, expect, it } from "vitest";
import type { Deployment } from "../../config/deployment";
import { DEPLOYMENTS } from "../support/deployments";
import { byAttr, refBy, resources, stack, type StackJson, upstream } from "../support/synth";

/**
 * Every store of every data stack against its config, past the headline
 * numbers: windows, instance classes and node types, the parameter group's
 * family (AWS refuses a group of another family at apply), and the length of
 * each generated credential.
 */

/** The resource a `${type.id.attr}` reference names. */
function target(s: StackJson, reference: unknown): Record<string, unknown> {
  const [, type, id] = /^\$\{([a-z0-9_]+)\.([A-Za-z0-9_]+)\.[a-z_]+\}$/.exec(String(reference)) ?? [];
  const found = resources(s, type ?? "")[id ?? ""];
  if (!found) throw new Error(`no resource behind ${String(reference)}`);
  return found;
}

/** Major version as the parameter group families spell it: `16.11` -> `16`, `8.4` -> `8.4` (MySQL), `1.4.7.1` -> `1.4` (Neptune). */
const major = (version: string, parts: number) => version.split(".").slice(0, parts).join(".");

/** Database credentials are 32 characters; Redis auth tokens 64 (the most ElastiCache accepts is 128). */
const DB_PASSWORD = 32;
const REDIS_TOKEN = 64;

describe.each(DEPLOYMENTS.filter((d) => d.layers.includes("data")).map((d) => [d.name, d] as const))("%s-data", (name, d: Deployment) => {
  const s = () => stack(`${name}-data`);

  it("sends enhanced monitoring to the deployment's monitoring role wherever its interval is on", () => {
    const monitored = [...Object.values(resources(s(), "aws_db_instance")), ...Object.values(resources(s(), "aws_rds_cluster_instance"))];
    for (const db of monitored) {
      if (db.monitoring_interval === 0) expect(db).not.toHaveProperty("monitoring_role_arn");
      else expect(db.monitoring_role_arn, String(db.identifier)).toBe(refBy(s(), "aws_iam_role", "name", `${name}-rds-monitoring`, "arn"));
    }
  });

  it("puts each store's security group in the deployment's VPC", () => {
    const groups = Object.values(resources(s(), "aws_security_group"));
    expect(groups).toHaveLength(d.data.aurora.length + d.data.rds.length + d.data.neptune.length + d.data.redis.length);
    for (const g of groups) expect(g.vpc_id, String(g.name)).toBe(upstream(`${name}-network`, "vpc_id"));
  });

  it("builds every Aurora cluster as configured", () => {
    for (const a of d.data.aurora) {
      const cluster = byAttr(s(), "aws_rds_cluster", "cluster_identifier", a.identifier);
      expect(cluster, a.id).toMatchObject({ engine_version: a.engineVersion, preferred_backup_window: a.backupWindow, preferred_maintenance_window: a.maintenanceWindow, port: a.port });
      expect(target(s(), cluster.db_cluster_parameter_group_name).family).toBe(`aurora-postgresql${major(a.engineVersion, 1)}`);
      expect(target(s(), cluster.master_password_wo).length).toBe(DB_PASSWORD);
      const own = Object.values(resources(s(), "aws_rds_cluster_instance")).filter((i) => target(s(), i.cluster_identifier) === cluster);
      expect(own.map((i) => i.instance_class)).toEqual(Array(1 + a.readers).fill(a.instanceClass));
    }
  });

  it("builds every RDS instance as configured", () => {
    for (const r of d.data.rds) {
      const instance = byAttr(s(), "aws_db_instance", "identifier", r.identifier);
      expect(instance, r.id).toMatchObject({
        engine: r.engine, engine_version: r.engineVersion, instance_class: r.instanceClass, allocated_storage: r.allocatedStorageGib,
        backup_window: r.backupWindow, maintenance_window: r.maintenanceWindow, port: r.port, multi_az: r.multiAz,
      });
      expect(target(s(), instance.parameter_group_name).family).toBe(`${r.engine}${major(r.engineVersion, r.engine === "mysql" ? 2 : 1)}`);
      expect(target(s(), instance.password_wo).length).toBe(DB_PASSWORD);
    }
  });

  it("builds every Neptune cluster as configured", () => {
    for (const n of d.data.neptune) {
      const cluster = byAttr(s(), "aws_neptune_cluster", "cluster_identifier", n.identifier);
      expect(cluster, n.id).toMatchObject({ engine_version: n.engineVersion, preferred_backup_window: n.backupWindow, preferred_maintenance_window: n.maintenanceWindow, port: n.port });
      expect(target(s(), cluster.neptune_cluster_parameter_group_name).family).toBe(`neptune${major(n.engineVersion, 2)}`);
      const own = Object.values(resources(s(), "aws_neptune_cluster_instance")).filter((i) => target(s(), i.cluster_identifier) === cluster);
      expect(own.map((i) => i.instance_class)).toEqual(Array(1 + n.readers).fill("db.serverless"));
    }
  });

  it("builds every Redis replication group as configured", () => {
    for (const r of d.data.redis) {
      const group = byAttr(s(), "aws_elasticache_replication_group", "replication_group_id", r.replicationGroupId);
      expect(group, r.id).toMatchObject({
        engine_version: r.engineVersion, node_type: r.nodeType, num_cache_clusters: r.nodes, port: r.port,
        snapshot_window: r.backupWindow, maintenance_window: r.maintenanceWindow, snapshot_retention_limit: r.snapshotRetentionDays,
      });
      expect(target(s(), group.parameter_group_name).family).toBe(`redis${major(r.engineVersion, 1)}`);
      expect(target(s(), group.auth_token).length).toBe(REDIS_TOKEN);
    }
  });
});
