import { configProblems } from "./support/config-problems";
import { describe, expect, it } from "vitest";
import { resolveDeployments } from "../config/resolve";

const aurora = { id: "Main", identifier: "shop-main", engineVersion: "15.15", instanceClass: "db.r7g.large", databaseName: "shop", masterUsername: "shop_admin", consumers: ["app"] };
const rds = { id: "Orders", identifier: "shop-orders", engine: "postgres", engineVersion: "16.11", instanceClass: "db.t4g.medium", allocatedStorageGib: 100, databaseName: "orders", masterUsername: "orders_admin", consumers: ["app"] };
const neptune = { id: "Graph", identifier: "shop-graph", engineVersion: "1.4.7.1", minCapacity: 1, maxCapacity: 8, consumers: ["app"] };
const redis = { id: "Cache", replicationGroupId: "shop-cache", engineVersion: "7.1", nodeType: "cache.t4g.micro", consumers: ["app"] };

/** A valid production deployment with one store of each relational/graph/cache kind, patched per case. */
function deployment(data: Record<string, unknown>) {
  return {
    system: "commerce", environment: "prod", region: "us-west-2", account: "commerce-prod",
    network: { cidr: "10.0.0.0/16", workloads: [{ name: "app", description: "application containers" }] },
    data: { aurora: [aurora], rds: [rds], neptune: [neptune], redis: [redis], ...data },
  };
}

const problemsOf = (data: Record<string, unknown>): string[] => configProblems([deployment(data)]);

describe("data configuration", () => {
  it("accepts the valid baseline and applies Multi-AZ defaults", () => {
    expect(problemsOf({})).toEqual([]);
    const [d] = resolveDeployments([deployment({})]);
    expect(d.data.aurora[0]).toMatchObject({ readers: 1, backupRetentionDays: 14, credentialsSecretName: "commerce/prod/main-db-credentials" });
    expect(d.data.redis[0]).toMatchObject({ nodes: 2, multiAz: true, authTokenSecretName: "commerce/prod/cache-auth-token" });
    expect(d.data.rds[0]).toMatchObject({ port: 5432, multiAz: true });
  });

  it("turns AWS Backup on in production by default, and off when set to false", () => {
    expect(resolveDeployments([deployment({})])[0].data.awsBackup).toEqual({ dailyRetentionDays: 35, monthlyRetentionDays: 365 });
    expect(resolveDeployments([deployment({ awsBackup: false })])[0].data.awsBackup).toBeUndefined();
    expect(resolveDeployments([deployment({ awsBackup: { monthlyRetentionDays: 730 } })])[0].data.awsBackup).toEqual({ dailyRetentionDays: 35, monthlyRetentionDays: 730 });
  });

  it("accepts MariaDB in place of MySQL, with its own port default", () => {
    const [d] = resolveDeployments([deployment({ rds: [{ ...rds, engine: "mariadb", engineVersion: "11.4" }] })]);
    expect(d.data.rds[0]).toMatchObject({ engine: "mariadb", engineVersion: "11.4", port: 3306 });
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ["overlapping backup and maintenance windows", { aurora: [{ ...aurora, backupWindow: "03:00-04:00", maintenanceWindow: "mon:03:30-mon:04:30" }] },
      ['commerce-prod: data.aurora.0.maintenanceWindow = "mon:03:30-mon:04:30": must not overlap the backup window 03:00-04:00']],
    ["windows overlapping across midnight", { rds: [{ ...rds, backupWindow: "23:30-00:30", maintenanceWindow: "sun:00:00-sun:01:00" }] },
      ['commerce-prod: data.rds.0.maintenanceWindow = "sun:00:00-sun:01:00": must not overlap the backup window 23:30-00:30']],
    ["malformed backup window", { neptune: [{ ...neptune, backupWindow: "3am-4am" }] },
      ['commerce-prod: data.neptune.0.backupWindow = "3am-4am": must be hh:mm-hh:mm in UTC, e.g. 03:00-04:00']],
    ["malformed maintenance window", { redis: [{ ...redis, maintenanceWindow: "sunday:06:00-sunday:07:00" }] },
      ['commerce-prod: data.redis.0.maintenanceWindow = "sunday:06:00-sunday:07:00": must be ddd:hh:mm-ddd:hh:mm in UTC, e.g. sun:04:00-sun:05:00']],
    ["too short a window", { aurora: [{ ...aurora, backupWindow: "03:00-03:15" }] },
      ['commerce-prod: data.aurora.0.backupWindow = "03:00-03:15": must last at least 30 minutes']],
    ["backup retention of 0 days", { aurora: [{ ...aurora, backupRetentionDays: 0 }] },
      ["commerce-prod: data.aurora.0.backupRetentionDays = 0: must be a whole number between 1 and 35 days"]],
    ["backup retention of 36 days", { neptune: [{ ...neptune, backupRetentionDays: 36 }] },
      ["commerce-prod: data.neptune.0.backupRetentionDays = 36: must be a whole number between 1 and 35 days"]],
    ["storage below the engine minimum", { rds: [{ ...rds, allocatedStorageGib: 10 }] },
      ["commerce-prod: data.rds.0.allocatedStorageGib = 10: gp3 storage must be between 20 and 65536 GiB"]],
    ["storage above the engine maximum", { rds: [{ ...rds, allocatedStorageGib: 70000 }] },
      ["commerce-prod: data.rds.0.allocatedStorageGib = 70000: gp3 storage must be between 20 and 65536 GiB"]],
    ["IOPS off the baseline below 400 GiB", { rds: [{ ...rds, iops: 6000 }] },
      ["commerce-prod: data.rds.0.iops = 6000: must be 3000 (the gp3 baseline) below 400 GiB"]],
    ["Neptune capacity below the service range", { neptune: [{ ...neptune, minCapacity: 0.5 }] },
      ["commerce-prod: data.neptune.0.minCapacity = 0.5: must be between 1 and 128 NCU in steps of 0.5"]],
    ["Neptune capacity above the service range", { neptune: [{ ...neptune, maxCapacity: 256 }] },
      ["commerce-prod: data.neptune.0.maxCapacity = 256: must be between 1 and 128 NCU in steps of 0.5"]],
    ["Neptune min above max", { neptune: [{ ...neptune, minCapacity: 16, maxCapacity: 8 }] },
      ["commerce-prod: data.neptune.0.minCapacity = 16: must not exceed maxCapacity (8)"]],
    ["Multi-AZ cache with one node", { redis: [{ ...redis, nodes: 1 }] },
      ["commerce-prod: data.redis.0.nodes = 1: must be at least 2 when Multi-AZ (a replica in another AZ to fail over to)"]],
    ["Multi-AZ Aurora without a reader", { aurora: [{ ...aurora, readers: 0 }] },
      ["commerce-prod: data.aurora.0.readers = 0: must be at least 1 when the deployment is Multi-AZ (a reader in another AZ to fail over to)"]],
    ["unknown instance-class shape", { aurora: [{ ...aurora, instanceClass: "r7g.large" }] },
      ['commerce-prod: data.aurora.0.instanceClass = "r7g.large": must be a db.<family>.<size> aurora-postgresql offers; families: t3, t4g, r5, r6g, r6i, r7g, r7i, r8g, x2g']],
    ["instance family the engine does not offer", { aurora: [{ ...aurora, instanceClass: "db.m7g.large" }] },
      ['commerce-prod: data.aurora.0.instanceClass = "db.m7g.large": must be a db.<family>.<size> aurora-postgresql offers; families: t3, t4g, r5, r6g, r6i, r7g, r7i, r8g, x2g']],
    ["instance size the family does not have", { rds: [{ ...rds, instanceClass: "db.r7g.24xlarge" }] },
      ['commerce-prod: data.rds.0.instanceClass = "db.r7g.24xlarge": db.r7g offers large, xlarge, 2xlarge, 4xlarge, 8xlarge, 12xlarge, 16xlarge for postgres']],
    ["instance class too small for Performance Insights", { rds: [{ ...rds, instanceClass: "db.t3.micro" }] },
      ['commerce-prod: data.rds.0.instanceClass = "db.t3.micro": db.t3 offers medium, large, xlarge, 2xlarge for postgres']],
    ["unknown node-type shape", { redis: [{ ...redis, nodeType: "t4g.micro" }] },
      ['commerce-prod: data.redis.0.nodeType = "t4g.micro": must be a cache.<family>.<size> ElastiCache offers; families: t3, t4g, m5, m6g, m7g, r5, r6g, r7g, r6gd']],
    ["node size the family does not have", { redis: [{ ...redis, nodeType: "cache.t4g.large" }] },
      ['commerce-prod: data.redis.0.nodeType = "cache.t4g.large": cache.t4g offers micro, small, medium for ElastiCache']],
    ["PostgreSQL master user admin", { aurora: [{ ...aurora, masterUsername: "admin" }] },
      ['commerce-prod: data.aurora.0.masterUsername = "admin": must not be a name aurora-postgresql reserves (admin is reserved by the engine or by RDS)']],
    ["PostgreSQL master user with the pg_ prefix", { rds: [{ ...rds, masterUsername: "pg_owner" }] },
      ['commerce-prod: data.rds.0.masterUsername = "pg_owner": must not start with pg_ (reserved by postgres)']],
    ["master user rdsadmin on MySQL", { rds: [{ ...rds, engine: "mysql", engineVersion: "8.4", masterUsername: "rdsadmin" }] },
      ['commerce-prod: data.rds.0.masterUsername = "rdsadmin": must not be a name mysql reserves (rdsadmin is reserved by the engine or by RDS)']],
    ["master user a MySQL reserved word", { rds: [{ ...rds, engine: "mariadb", engineVersion: "11.4", masterUsername: "select" }] },
      ['commerce-prod: data.rds.0.masterUsername = "select": must not be a name mariadb reserves (select is reserved by the engine or by RDS)']],
    ["ElastiCache maintenance window under an hour", { redis: [{ ...redis, maintenanceWindow: "sun:06:00-sun:06:45" }] },
      ['commerce-prod: data.redis.0.maintenanceWindow = "sun:06:00-sun:06:45": must last at least 60 minutes (ElastiCache)']],
    ["gp3 throughput above a quarter MiB/s per IOPS", { rds: [{ ...rds, allocatedStorageGib: 500, iops: 12000, throughputMibps: 4000 }] },
      ["commerce-prod: data.rds.0.throughputMibps = 4000: must be at most 0.25 MiB/s per provisioned IOPS (3000 for 12000 IOPS)"]],
    ["DynamoDB sort key equal to the partition key", { dynamodb: [{ id: "Orders", name: "shop-orders", partitionKey: { name: "pk", type: "S" }, sortKey: { name: "pk", type: "S" } }] },
      ['commerce-prod: data.dynamodb.0.sortKey.name = "pk": must differ from the partition key (pk)']],
    ["empty TTL attribute (which would switch TTL off)", { dynamodb: [{ id: "Orders", name: "shop-orders", partitionKey: { name: "pk", type: "S" }, ttlAttribute: "" }] },
      ['commerce-prod: data.dynamodb.0.ttlAttribute = "": must be a 1-255 character attribute name (omit the key to turn TTL off)']],
    ["empty secret name", { aurora: [{ ...aurora, credentialsSecretName: "" }] },
      ['commerce-prod: data.aurora.0.credentialsSecretName = "": must be a Secrets Manager name (letters, digits and /_+=.@-)']],
    ["a port given as text", { redis: [{ ...redis, port: "6379" }] },
      ['commerce-prod: data.redis.0.port = "6379": must be a whole number between 1024 and 65535']],
    ["a production store backed up for under 7 days", { aurora: [{ ...aurora, backupRetentionDays: 3 }] },
      ['commerce-prod: data.aurora.0.backupRetentionDays = 3: must be at least 7 days in production, or accepted with acceptedRisks.shortBackupRetention: "<reason>"']],
    ["production cache snapshots kept under 7 days", { redis: [{ ...redis, snapshotRetentionDays: 1 }] },
      ['commerce-prod: data.redis.0.snapshotRetentionDays = 1: must be at least 7 days in production, or accepted with acceptedRisks.shortBackupRetention: "<reason>"']],
    ["monthly backups kept no longer than daily ones", { awsBackup: { dailyRetentionDays: 35, monthlyRetentionDays: 35 } },
      ["commerce-prod: data.awsBackup.monthlyRetentionDays = 35: must be longer than dailyRetentionDays (35)"]],
    ["AWS Backup given as true", { awsBackup: true },
      ["commerce-prod: data.awsBackup = true: must be false or { dailyRetentionDays, monthlyRetentionDays }"]],
    ["NaN storage", { rds: [{ ...rds, allocatedStorageGib: Number.NaN }] },
      ["commerce-prod: data.rds.0.allocatedStorageGib = NaN: must be a number, not NaN"]],
    ["engine version AWS no longer offers", { rds: [{ ...rds, engineVersion: "15.4" }] },
      ['commerce-prod: data.rds.0.engineVersion = "15.4": postgres must be one of: 15.15, 16.11, 17.7']],
    ["engine/version pair across engines", { rds: [{ ...rds, engine: "mysql", engineVersion: "16.11" }] },
      ['commerce-prod: data.rds.0.engineVersion = "16.11": mysql must be one of: 8.4']],
    ["unsupported Neptune line", { neptune: [{ ...neptune, engineVersion: "1.3.2.0" }] },
      ['commerce-prod: data.neptune.0.engineVersion = "1.3.2.0": neptune must be one of: 1.4.7.1']],
    ["consumer that is not a workload", { redis: [{ ...redis, consumers: ["lambda"] }] },
      ['commerce-prod: data.redis.0.consumers.0 = "lambda": must name a workload of network.workloads (app)']],
    ["two stores with one id", { redis: [{ ...redis, id: "Main" }] },
      ['commerce-prod: data.redis.0.id = "Main": must be unique among the deployment\'s ids (already store data.aurora.0.id)']],
    ["consumer that names a store instead of a workload", { redis: [{ ...redis, consumers: ["Orders"] }] },
      ['commerce-prod: data.redis.0.consumers.0 = "Orders": names a store of data.aurora / rds / neptune / redis (data.rds.0.id), not a workload of network.workloads']],
    ["unknown RDS engine", { rds: [{ ...rds, engine: "oracle-ee" }] },
      ['commerce-prod: data.rds.0.engine = "oracle-ee": must be one of: postgres, mysql, mariadb']],
  ])("rejects %s", (_title, data, expected) => {
    expect(problemsOf(data)).toEqual(expected);
  });
});
