import { describe, it } from "vitest";
import { at, type Boundary, expectBoundary, shown } from "./boundaries";

const aurora = { id: "Main", identifier: "shop-main", engineVersion: "15.15", instanceClass: "db.r7g.large", databaseName: "shop", masterUsername: "shop_admin", consumers: ["app"] };
const rds = { id: "Orders", identifier: "shop-orders", engine: "postgres", engineVersion: "16.11", instanceClass: "db.t4g.medium", allocatedStorageGib: 100, databaseName: "orders", masterUsername: "orders_admin", consumers: ["app"] };
const neptune = { id: "Graph", identifier: "shop-graph", engineVersion: "1.4.7.1", minCapacity: 1, maxCapacity: 8, consumers: ["app"] };
const redis = { id: "Cache", replicationGroupId: "shop-cache", engineVersion: "7.1", nodeType: "cache.t4g.micro", consumers: ["app"] };
const table = { id: "App", name: "shop-app", partitionKey: { name: "pk", type: "S" } };
const bucket = { id: "Media", name: "shop-media", corsAllowedOrigins: ["https://shop.example.com"] };

/** A valid production deployment with one store of each kind, its data section patched. */
const prod = (data: Record<string, unknown>, patch: Record<string, unknown> = {}) => ({
  system: "commerce", environment: "prod", region: "us-west-2", account: "commerce-prod",
  network: { cidr: "10.0.0.0/16", workloads: [{ name: "app", description: "application containers" }] },
  data: { aurora: [aurora], rds: [rds], neptune: [neptune], redis: [redis], dynamodb: [table], mediaBuckets: [bucket], ...data },
  ...patch,
});
/** A valid dev deployment (no production floors), its data section patched. */
const dev = (data: Record<string, unknown>) => ({
  system: "commerce", environment: "dev", region: "us-west-2", account: "commerce-nonprod",
  network: { cidr: "10.1.0.0/16", workloads: [{ name: "app", description: "application containers" }] }, data,
});

const auroraWith = (key: string, extra: Record<string, unknown> = {}) => (v: unknown) => prod({ aurora: [{ ...aurora, ...extra, [key]: v }] });
const rdsWith = (key: string, extra: Record<string, unknown> = {}) => (v: unknown) => prod({ rds: [{ ...rds, ...extra, [key]: v }] });
const neptuneWith = (key: string, extra: Record<string, unknown> = {}) => (v: unknown) => prod({ neptune: [{ ...neptune, ...extra, [key]: v }] });
const redisWith = (key: string, extra: Record<string, unknown> = {}) => (v: unknown) => prod({ redis: [{ ...redis, ...extra, [key]: v }] });
const backup = (extra: Record<string, unknown>, key: string) => (v: unknown) => prod({ awsBackup: { ...extra, [key]: v } });

const whole = (min: number, max: number, unit = "") => `must be a whole number between ${min} and ${max}${unit ? ` ${unit}` : ""}`;
const floor = 'must be at least 7 days in production, or accepted with acceptedRisks.shortBackupRetention: "<reason>"';
const pi = "must be 7 (free tier), a multiple of 31 up to 713 (23 months), or 731 (two years)";
const ncu = "must be between 1 and 128 NCU in steps of 0.5";
const gp3 = "gp3 storage must be between 20 and 65536 GiB";
const iops = "must be between 12000 and 64000 for 400 GiB or more";
const throughput = "must be between 500 and 4000 for 400 GiB or more";
const daily30 = "must last at least 30 minutes";

const numeric: Boundary[] = [
  at("backupRetentionDays", 35, 36, whole(1, 35, "days"), (v) => prod({}, { backupRetentionDays: v })),
  at("backupRetentionDays", 7, 6, floor, (v) => prod({}, { backupRetentionDays: v })),
  at("backupRetentionDays", 1, 0, whole(1, 35, "days"), (v) => ({ ...dev({}), backupRetentionDays: v }), "commerce-dev"),
  at("data.aurora.0.backupRetentionDays", 35, 36, whole(1, 35, "days"), auroraWith("backupRetentionDays")),
  at("data.aurora.0.backupRetentionDays", 7, 6, floor, auroraWith("backupRetentionDays")),
  at("data.aurora.0.backupRetentionDays", 1, 0, whole(1, 35, "days"), (v) => dev({ aurora: [{ ...aurora, backupRetentionDays: v }] }), "commerce-dev"),
  at("data.rds.0.backupRetentionDays", 7, 6, floor, rdsWith("backupRetentionDays")),
  at("data.neptune.0.backupRetentionDays", 7, 6, floor, neptuneWith("backupRetentionDays")),
  at("data.redis.0.snapshotRetentionDays", 35, 36, whole(1, 35, "days"), redisWith("snapshotRetentionDays")),
  at("data.redis.0.snapshotRetentionDays", 7, 6, floor, redisWith("snapshotRetentionDays")),
  at("data.redis.0.snapshotRetentionDays", 1, 0, whole(1, 35, "days"), (v) => dev({ redis: [{ ...redis, snapshotRetentionDays: v }] }), "commerce-dev"),
  at("data.aurora.0.readers", 15, 16, whole(0, 15), auroraWith("readers")),
  at("data.aurora.0.readers", 1, 0, "must be at least 1 when the deployment is Multi-AZ (a reader in another AZ to fail over to)", auroraWith("readers")),
  at("data.aurora.0.readers", 0, -1, whole(0, 15), (v) => dev({ aurora: [{ ...aurora, readers: v }] }), "commerce-dev"),
  at("data.neptune.0.readers", 15, 16, whole(0, 15), neptuneWith("readers")),
  at("data.neptune.0.readers", 0, -1, whole(0, 15), neptuneWith("readers")),
  at("data.aurora.0.port", 1150, 1149, whole(1150, 65535), auroraWith("port")),
  at("data.aurora.0.port", 65535, 65536, whole(1150, 65535), auroraWith("port")),
  at("data.rds.0.port", 1150, 1149, whole(1150, 65535), rdsWith("port")),
  at("data.rds.0.port", 65535, 65536, whole(1150, 65535), rdsWith("port")),
  at("data.neptune.0.port", 1150, 1149, whole(1150, 65535), neptuneWith("port")),
  at("data.neptune.0.port", 65535, 65536, whole(1150, 65535), neptuneWith("port")),
  at("data.redis.0.port", 1024, 1023, whole(1024, 65535), redisWith("port")),
  at("data.redis.0.port", 65535, 65536, whole(1024, 65535), redisWith("port")),
  at("data.redis.0.nodes", 6, 7, whole(1, 6), redisWith("nodes")),
  at("data.redis.0.nodes", 2, 1, "must be at least 2 when Multi-AZ (a replica in another AZ to fail over to)", redisWith("nodes")),
  at("data.redis.0.nodes", 1, 0, whole(1, 6), redisWith("nodes", { multiAz: false })),
  at("data.neptune.0.minCapacity", 1, 0.5, ncu, neptuneWith("minCapacity")),
  at("data.neptune.0.minCapacity", 1.5, 1.25, ncu, neptuneWith("minCapacity")),
  at("data.neptune.0.minCapacity", 8, 8.5, "must not exceed maxCapacity (8)", neptuneWith("minCapacity")),
  at("data.neptune.0.maxCapacity", 128, 128.5, ncu, neptuneWith("maxCapacity")),
  at("data.aurora.0.performanceInsightsRetentionDays", 7, 8, pi, auroraWith("performanceInsightsRetentionDays")),
  at("data.aurora.0.performanceInsightsRetentionDays", 31, 30, pi, auroraWith("performanceInsightsRetentionDays")),
  at("data.aurora.0.performanceInsightsRetentionDays", 62, 63, pi, auroraWith("performanceInsightsRetentionDays")),
  // AWS accepts 7, 31 * 1-23 months and 731 (two years), nothing between 713 and 731 nor above 731.
  at("data.rds.0.performanceInsightsRetentionDays", 713, 714, pi, rdsWith("performanceInsightsRetentionDays")),
  at("data.rds.0.performanceInsightsRetentionDays", 731, 730, pi, rdsWith("performanceInsightsRetentionDays")),
  at("data.rds.0.performanceInsightsRetentionDays", 731, 744, pi, rdsWith("performanceInsightsRetentionDays")),
  at("data.rds.0.allocatedStorageGib", 20, 19, gp3, rdsWith("allocatedStorageGib")),
  at("data.rds.0.allocatedStorageGib", 65536, 65537, gp3, rdsWith("allocatedStorageGib")),
  at("data.rds.0.iops", 12000, 11999, iops, rdsWith("iops", { allocatedStorageGib: 400 })),
  at("data.rds.0.iops", 64000, 64001, iops, rdsWith("iops", { allocatedStorageGib: 400 })),
  at("data.rds.0.iops", 3000, 3001, "must be 3000 (the gp3 baseline) below 400 GiB", rdsWith("iops", { allocatedStorageGib: 399 })),
  at("data.rds.0.throughputMibps", 500, 499, throughput, rdsWith("throughputMibps", { allocatedStorageGib: 400 })),
  at("data.rds.0.throughputMibps", 4000, 4001, throughput, rdsWith("throughputMibps", { allocatedStorageGib: 400, iops: 16000 })),
  at("data.rds.0.throughputMibps", 125, 126, "must be 125 (the gp3 baseline) below 400 GiB", rdsWith("throughputMibps", { allocatedStorageGib: 399 })),
  at("data.rds.0.throughputMibps", 3000, 3001, "must be at most 0.25 MiB/s per provisioned IOPS (3000 for 12000 IOPS)",
    rdsWith("throughputMibps", { allocatedStorageGib: 400, iops: 12000 })),
  at("data.awsBackup.dailyRetentionDays", 1, 0, whole(1, 35, "days"), backup({ monthlyRetentionDays: 365 }, "dailyRetentionDays")),
  at("data.awsBackup.dailyRetentionDays", 35, 36, whole(1, 35, "days"), backup({ monthlyRetentionDays: 365 }, "dailyRetentionDays")),
  at("data.awsBackup.monthlyRetentionDays", 35, 34, whole(35, 36500, "days"), backup({ dailyRetentionDays: 1 }, "monthlyRetentionDays")),
  at("data.awsBackup.monthlyRetentionDays", 36500, 36501, whole(35, 36500, "days"), backup({ dailyRetentionDays: 35 }, "monthlyRetentionDays")),
  at("data.awsBackup.monthlyRetentionDays", 36, 35, "must be longer than dailyRetentionDays (35)", backup({ dailyRetentionDays: 35 }, "monthlyRetentionDays")),
  at("data.rds.0.monitoringIntervalSeconds", 60, 61, "must be one of: 0, 1, 5, 10, 15, 30, 60", rdsWith("monitoringIntervalSeconds")),
  at("data.mediaBuckets.0.intelligentTieringMinBytes", 131072, 131071, "must be at least 131072 (Intelligent-Tiering does not tier smaller objects)",
    (v) => prod({ mediaBuckets: [{ ...bucket, intelligentTieringMinBytes: v }] })),
];

const windows: Boundary[] = [
  at("data.aurora.0.backupWindow", "03:00-03:30", "03:00-03:29", daily30, auroraWith("backupWindow")),
  at("data.rds.0.backupWindow", "23:45-00:15", "23:45-00:14", daily30, rdsWith("backupWindow")),
  at("data.neptune.0.backupWindow", "03:00-03:30", "03:00-03:29", daily30, neptuneWith("backupWindow")),
  // ElastiCache documents a 60-minute minimum snapshot window (Terraform's aws_elasticache_replication_group); the rule takes RDS's 30.
  at("data.redis.0.backupWindow", "05:00-05:30", "05:00-05:29", daily30, redisWith("backupWindow")),
  at("data.aurora.0.maintenanceWindow", "sun:04:00-sun:04:30", "sun:04:00-sun:04:29", daily30, auroraWith("maintenanceWindow")),
  at("data.rds.0.maintenanceWindow", "sun:23:45-mon:00:15", "sun:23:45-mon:00:14", daily30, rdsWith("maintenanceWindow")),
  at("data.neptune.0.maintenanceWindow", "sun:04:00-sun:04:30", "sun:04:00-sun:04:29", daily30, neptuneWith("maintenanceWindow")),
  at("data.redis.0.maintenanceWindow", "sun:06:00-sun:07:00", "sun:06:00-sun:06:59", "must last at least 60 minutes (ElastiCache)", redisWith("maintenanceWindow")),
  at("data.aurora.0.maintenanceWindow", "sun:04:00-sun:05:00", "sun:03:59-sun:05:00", "must not overlap the backup window 03:00-04:00", auroraWith("maintenanceWindow")),
];

const identifier = "must be 2-40 lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen";
const id40 = `a${"b".repeat(39)}`;
const names: Boundary[] = [
  at("data.aurora.0.identifier", id40, `${id40}c`, identifier, auroraWith("identifier")),
  at("data.aurora.0.identifier", "ab", "a", identifier, auroraWith("identifier")),
  at("data.rds.0.identifier", id40, `${id40}c`, identifier, rdsWith("identifier")),
  at("data.neptune.0.identifier", id40, `${id40}c`, identifier, neptuneWith("identifier")),
  at("data.redis.0.replicationGroupId", id40, `${id40}c`, identifier, redisWith("replicationGroupId")),
  at("data.aurora.0.id", `M${"a".repeat(31)}`, `M${"a".repeat(32)}`, "must be 1-32 PascalCase letters and digits (it becomes part of Terraform addresses)", auroraWith("id")),
  at("data.aurora.0.masterUsername", `a${"b".repeat(15)}`, `a${"b".repeat(16)}`, "must be 1-16 lowercase letters, digits or underscores, starting with a letter", auroraWith("masterUsername")),
  at("data.aurora.0.masterUsername", "a", "", "must be 1-16 lowercase letters, digits or underscores, starting with a letter", auroraWith("masterUsername")),
  at("data.aurora.0.id", "M", "", "must be 1-32 PascalCase letters and digits (it becomes part of Terraform addresses)", auroraWith("id")),
  at("data.rds.0.databaseName", "a", "", "must be lowercase letters, digits or underscores, starting with a letter", rdsWith("databaseName")),
  at("data.aurora.0.credentialsSecretName", "s", "", "must be a Secrets Manager name (letters, digits and /_+=.@-)", auroraWith("credentialsSecretName")),
  at("data.dynamodb.0.sortKey.name", "k", "", "must be a 1-255 character attribute name", (v) => prod({ dynamodb: [{ ...table, sortKey: { name: v, type: "S" } }] })),
  at("data.mediaBuckets.0.corsAllowedOrigins", ["https://a.example.com"], [], "must list at least one origin", (v) => prod({ mediaBuckets: [{ ...bucket, corsAllowedOrigins: v }] })),
  at("data.rds.0.databaseName", `a${"b".repeat(62)}`, `a${"b".repeat(63)}`, "must be lowercase letters, digits or underscores, starting with a letter", rdsWith("databaseName")),
  at("data.aurora.0.credentialsSecretName", `s/${"a".repeat(510)}`, `s/${"a".repeat(511)}`, "must be a Secrets Manager name (letters, digits and /_+=.@-)", auroraWith("credentialsSecretName")),
  at("data.redis.0.authTokenSecretName", `s/${"a".repeat(510)}`, `s/${"a".repeat(511)}`, "must be a Secrets Manager name (letters, digits and /_+=.@-)", redisWith("authTokenSecretName")),
  at("data.dynamodb.0.name", "t".repeat(255), "t".repeat(256), "must be 3-255 letters, digits, _ . or -", (v) => prod({ dynamodb: [{ ...table, name: v }] })),
  at("data.dynamodb.0.name", "abc", "ab", "must be 3-255 letters, digits, _ . or -", (v) => prod({ dynamodb: [{ ...table, name: v }] })),
  at("data.dynamodb.0.partitionKey.name", "k".repeat(255), "k".repeat(256), "must be a 1-255 character attribute name",
    (v) => prod({ dynamodb: [{ ...table, partitionKey: { name: v, type: "S" } }] })),
  at("data.dynamodb.0.ttlAttribute", "k".repeat(255), "k".repeat(256), "must be a 1-255 character attribute name (omit the key to turn TTL off)",
    (v) => prod({ dynamodb: [{ ...table, ttlAttribute: v }] })),
  at("data.mediaBuckets.0.name", "b".repeat(63), "b".repeat(64), "must be a 3-63 character S3 bucket name of lowercase letters, digits and hyphens",
    (v) => prod({ mediaBuckets: [{ ...bucket, name: v }] })),
  at("data.mediaBuckets.0.name", "abc", "ab", "must be a 3-63 character S3 bucket name of lowercase letters, digits and hyphens",
    (v) => prod({ mediaBuckets: [{ ...bucket, name: v }] })),
];

const titled = (rows: Boundary[]) => rows.map((b) => ({ ...b, title: `${b.field}: ${shown(b.ok)} passes, ${shown(b.bad)} fails` }));

describe("data configuration boundaries", () => {
  it.each(titled(numeric))("$title", (b) => expectBoundary(b, "commerce-prod"));
  it.each(titled(windows))("$title", (b) => expectBoundary(b, "commerce-prod"));
  it.each(titled(names))("$title", (b) => expectBoundary(b, "commerce-prod"));
});
