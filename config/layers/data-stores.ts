import { z } from "zod";
import { dailyOverlapsWeekly, parseDailyWindow, parseWeeklyWindow } from "../../lib/windows";
import { versionsOf } from "../engine-versions";
import { CACHE_NODE_TYPES, INSTANCE_CLASSES, type RelationalEngine, reservedUsername, unofferedClass } from "./data-engines";
import {
  backupRetentionDays as retentionDays, constructId as storeId, dailyWindow, intBetween, oneOf, port, secretName,
  storeIdentifier as identifier, uses as consumers, weeklyWindow,
} from "../fields";

/**
 * Schemas of the data layer's stores. Every store is optional; a deployment
 * declares what it runs. `consumers` name workloads of the network layer,
 * resolved through the reference registry.
 */

/** Instance classes and node types are checked per engine against the tables of data-engines.ts. */
const dbInstanceClass = z.string({ error: "must be an RDS instance class such as db.r7g.large" });
const cacheNodeType = z.string({ error: "must be an ElastiCache node type such as cache.t4g.micro" })
  .refine((t) => unofferedClass("cache", t, CACHE_NODE_TYPES, "ElastiCache") === undefined, { error: (i) => unofferedClass("cache", i.input as string, CACHE_NODE_TYPES, "ElastiCache") });
const username = z.string().regex(/^[a-z][a-z0-9_]{0,15}$/, { error: "must be 1-16 lowercase letters, digits or underscores, starting with a letter" });
/** Performance Insights keeps 7 days (free), whole months of 31 days up to 23, or 731 days (two years). */
const piRetention = z.number().refine((d) => d === 7 || d === 731 || (d % 31 === 0 && d >= 31 && d <= 713), {
  error: "must be 7 (free tier), a multiple of 31 up to 713 (23 months), or 731 (two years)",
});
const monitoringInterval = z.union([0, 1, 5, 10, 15, 30, 60].map((n) => z.literal(n)) as [z.ZodLiteral<number>, ...z.ZodLiteral<number>[]], {
  error: oneOf([0, 1, 5, 10, 15, 30, 60]),
});

/** Backup and maintenance windows must not overlap (RDS, Neptune and ElastiCache refuse it). */
function windowsApart<T extends { backupWindow: string; maintenanceWindow: string }>(store: T, ctx: z.RefinementCtx): void {
  const daily = parseDailyWindow(store.backupWindow);
  const weekly = parseWeeklyWindow(store.maintenanceWindow);
  if (daily && weekly && dailyOverlapsWeekly(daily, weekly)) {
    ctx.addIssue({ code: "custom", path: ["maintenanceWindow"], message: `must not overlap the backup window ${store.backupWindow}` });
  }
}

/** The master username and instance class an engine accepts. */
function engineAccepts(engine: RelationalEngine, store: { masterUsername: string; instanceClass: string }, ctx: z.RefinementCtx): void {
  const reserved = reservedUsername(engine, store.masterUsername);
  if (reserved) ctx.addIssue({ code: "custom", path: ["masterUsername"], message: reserved });
  const unoffered = unofferedClass("db", store.instanceClass, INSTANCE_CLASSES[engine], engine);
  if (unoffered) ctx.addIssue({ code: "custom", path: ["instanceClass"], message: unoffered });
}

function versionSupported(engine: Parameters<typeof versionsOf>[0], version: string, ctx: z.RefinementCtx): void {
  if (!versionsOf(engine).includes(version)) {
    ctx.addIssue({ code: "custom", path: ["engineVersion"], message: `${engine} ${oneOf(versionsOf(engine))}` });
  }
}

/** RDS accepts gp3 throughput up to a quarter MiB/s per provisioned IOPS (ValidStorageOptions.StorageThroughputToIopsRatio 0-0.25). */
const GP3_THROUGHPUT_PER_IOPS = 0.25;

/** ElastiCache refuses maintenance windows shorter than an hour (RDS and Neptune take 30 minutes). */
const CACHE_MIN_MAINTENANCE_MINUTES = 60;

const relationalCommon = {
  id: storeId,
  identifier,
  engineVersion: z.string(),
  instanceClass: dbInstanceClass,
  databaseName: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, { error: "must be lowercase letters, digits or underscores, starting with a letter" }),
  masterUsername: username,
  backupRetentionDays: retentionDays.optional(),
  backupWindow: dailyWindow.default("03:00-04:00"),
  maintenanceWindow: weeklyWindow.default("sun:04:00-sun:05:00"),
  performanceInsightsRetentionDays: piRetention.default(7),
  monitoringIntervalSeconds: monitoringInterval.default(60),
  consumers,
  /** @default `<system>/<env>/<id>-db-credentials` */
  credentialsSecretName: secretName.optional(),
};

/** Aurora PostgreSQL cluster. */
export const auroraSchema = z.strictObject({
  ...relationalCommon,
  port: port(1150).default(5432),
  /** Readers besides the writer, spread over the other AZs. @default 1 when Multi-AZ, else 0 */
  readers: intBetween(0, 15).optional(),
}).superRefine((c, ctx) => {
  windowsApart(c, ctx);
  versionSupported("aurora-postgresql", c.engineVersion, ctx);
  engineAccepts("aurora-postgresql", c, ctx);
});

/** RDS DB instance (PostgreSQL, MySQL or MariaDB) on gp3 storage. */
export const rdsSchema = z.strictObject({
  ...relationalCommon,
  engine: z.enum(["postgres", "mysql", "mariadb"], { error: oneOf(["postgres", "mysql", "mariadb"]) }),
  port: port(1150).optional(),
  allocatedStorageGib: z.number().int().min(20, { error: "gp3 storage must be between 20 and 65536 GiB" })
    .max(65536, { error: "gp3 storage must be between 20 and 65536 GiB" }),
  /** Provisioned IOPS; below 400 GiB gp3 is fixed at the 3000 baseline. */
  iops: z.number().int().optional(),
  /** Provisioned throughput in MiB/s; below 400 GiB gp3 is fixed at the 125 baseline. */
  throughputMibps: z.number().int().optional(),
  multiAz: z.boolean().optional(),
}).superRefine((r, ctx) => {
  windowsApart(r, ctx);
  versionSupported(r.engine, r.engineVersion, ctx);
  engineAccepts(r.engine, r, ctx);
  const large = r.allocatedStorageGib >= 400;
  if (r.iops !== undefined && (large ? r.iops < 12000 || r.iops > 64000 : r.iops !== 3000)) {
    ctx.addIssue({ code: "custom", path: ["iops"], message: large ? "must be between 12000 and 64000 for 400 GiB or more" : "must be 3000 (the gp3 baseline) below 400 GiB" });
  }
  if (r.throughputMibps !== undefined && (large ? r.throughputMibps < 500 || r.throughputMibps > 4000 : r.throughputMibps !== 125)) {
    ctx.addIssue({ code: "custom", path: ["throughputMibps"], message: large ? "must be between 500 and 4000 for 400 GiB or more" : "must be 125 (the gp3 baseline) below 400 GiB" });
  } else if (large && r.throughputMibps !== undefined && r.iops !== undefined && r.throughputMibps > r.iops * GP3_THROUGHPUT_PER_IOPS) {
    ctx.addIssue({ code: "custom", path: ["throughputMibps"], message: `must be at most ${GP3_THROUGHPUT_PER_IOPS} MiB/s per provisioned IOPS (${r.iops * GP3_THROUGHPUT_PER_IOPS} for ${r.iops} IOPS)` });
  }
});

const ncu = z.number().refine((n) => n >= 1 && n <= 128 && Number.isInteger(n * 2), { error: "must be between 1 and 128 NCU in steps of 0.5" });

/** Neptune serverless cluster. */
export const neptuneSchema = z.strictObject({
  id: storeId,
  identifier,
  engineVersion: z.string(),
  minCapacity: ncu,
  maxCapacity: ncu,
  port: port(1150).default(8182),
  readers: intBetween(0, 15).optional(),
  backupRetentionDays: retentionDays.optional(),
  backupWindow: dailyWindow.default("03:00-04:00"),
  maintenanceWindow: weeklyWindow.default("sun:04:00-sun:05:00"),
  consumers,
}).superRefine((n, ctx) => {
  windowsApart(n, ctx);
  versionSupported("neptune", n.engineVersion, ctx);
  if (n.minCapacity > n.maxCapacity) ctx.addIssue({ code: "custom", path: ["minCapacity"], message: `must not exceed maxCapacity (${n.maxCapacity})` });
});

/** ElastiCache Redis replication group. */
export const redisSchema = z.strictObject({
  id: storeId,
  replicationGroupId: identifier,
  engineVersion: z.string(),
  nodeType: cacheNodeType,
  /** Primary plus replicas. @default 2 when Multi-AZ, else 1 */
  nodes: intBetween(1, 6).optional(),
  multiAz: z.boolean().optional(),
  port: port(1024).default(6379),
  snapshotRetentionDays: retentionDays.default(7),
  backupWindow: dailyWindow.default("05:00-06:00"),
  maintenanceWindow: weeklyWindow.default("sun:06:00-sun:07:00"),
  consumers,
  /** @default `<system>/<env>/<id>-auth-token` */
  authTokenSecretName: secretName.optional(),
}).superRefine((r, ctx) => {
  windowsApart(r, ctx);
  versionSupported("redis", r.engineVersion, ctx);
  if ((parseWeeklyWindow(r.maintenanceWindow)?.length ?? CACHE_MIN_MAINTENANCE_MINUTES) < CACHE_MIN_MAINTENANCE_MINUTES) {
    ctx.addIssue({ code: "custom", path: ["maintenanceWindow"], message: `must last at least ${CACHE_MIN_MAINTENANCE_MINUTES} minutes (ElastiCache)` });
  }
});

const keyAttribute = z.strictObject({ name: z.string().regex(/^[A-Za-z0-9_.-]{1,255}$/, { error: "must be a 1-255 character attribute name" }), type: z.enum(["S", "N", "B"], { error: oneOf(["S", "N", "B"]) }) });

/** DynamoDB table, on demand. */
export const dynamodbSchema = z.strictObject({
  id: storeId,
  name: z.string().regex(/^[A-Za-z0-9_.-]{3,255}$/, { error: "must be 3-255 letters, digits, _ . or -" }),
  partitionKey: keyAttribute,
  sortKey: keyAttribute.optional(),
  stream: z.enum(["NEW_AND_OLD_IMAGES", "NEW_IMAGE", "OLD_IMAGE", "KEYS_ONLY", "none"]).default("NEW_AND_OLD_IMAGES"),
  /** Attribute holding each item's expiry; TTL is off only when the key is absent. */
  ttlAttribute: z.string().regex(/^[A-Za-z0-9_.-]{1,255}$/, { error: "must be a 1-255 character attribute name (omit the key to turn TTL off)" }).optional(),
}).superRefine((t, ctx) => {
  if (t.sortKey?.name === t.partitionKey.name) ctx.addIssue({ code: "custom", path: ["sortKey", "name"], message: `must differ from the partition key (${t.partitionKey.name})` });
});

/** S3 bucket for user media, uploaded through pre-signed URLs. */
export const mediaBucketSchema = z.strictObject({
  id: storeId,
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/, { error: "must be a 3-63 character S3 bucket name of lowercase letters, digits and hyphens" }),
  /** Objects larger than this move to Intelligent-Tiering (smaller ones cost more there than they save). */
  intelligentTieringMinBytes: z.number().int().min(128 * 1024, { error: "must be at least 131072 (Intelligent-Tiering does not tier smaller objects)" }).default(1024 * 1024),
  corsAllowedOrigins: z.array(z.string().regex(/^https:\/\/[a-z0-9.-]+(:\d+)?$/, { error: "must be an https:// origin without a path" })).min(1, { error: "must list at least one origin" }),
});

/**
 * AWS Backup for the deployment's Aurora, RDS and Neptune databases, beside
 * their automated backups: daily points kept in warm storage, monthly points
 * kept long after the 35 days automated backups allow.
 */
const awsBackupSchema = z.strictObject({
  /** @default 35 */
  dailyRetentionDays: intBetween(1, 35, "days").default(35),
  /** @default 365 */
  monthlyRetentionDays: intBetween(35, 36500, "days").default(365),
});

/** The data section of a deployment. Every store is optional; a deployment declares what it runs. */
export const dataSchema = z.strictObject({
  /** AWS Backup plan for the databases; `false` turns it off. @default on in prod (35 daily / 365 monthly days), off elsewhere */
  awsBackup: z.union([z.literal(false), awsBackupSchema], { error: "must be false or { dailyRetentionDays, monthlyRetentionDays }" }).optional(),
  /** The deployment's data key; multi-Region when the system replicates across Regions. */
  kms: z.strictObject({ multiRegion: z.boolean().default(false) }).default({ multiRegion: false }),
  aurora: z.array(auroraSchema).default([]),
  rds: z.array(rdsSchema).default([]),
  neptune: z.array(neptuneSchema).default([]),
  redis: z.array(redisSchema).default([]),
  dynamodb: z.array(dynamodbSchema).default([]),
  mediaBuckets: z.array(mediaBucketSchema).default([]),
});

export type DataParsed = z.output<typeof dataSchema>;
export type AwsBackupParsed = z.output<typeof awsBackupSchema>;
export type AuroraParsed = z.output<typeof auroraSchema>;
export type RdsParsed = z.output<typeof rdsSchema>;
export type NeptuneParsed = z.output<typeof neptuneSchema>;
export type RedisParsed = z.output<typeof redisSchema>;
export type DynamodbParsed = z.output<typeof dynamodbSchema>;
export type MediaBucketParsed = z.output<typeof mediaBucketSchema>;
