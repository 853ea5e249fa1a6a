import { defineLayer, type LayerContext } from "../context";
import { EXPORTED_LOGS, logGroupPrefix, storeNames } from "../../lib/store-names";
import { floorApplies, floorMessage, PRODUCTION_FLOORS } from "../floors";
import {
  type AuroraParsed, type AwsBackupParsed, dataSchema, type DynamodbParsed, type MediaBucketParsed, type NeptuneParsed, type RdsParsed, type RedisParsed,
} from "./data-stores";

export { dataSchema };

/** Settings every stateful store resolves from its deployment. */
interface Protected {
  /** Deletion protection, final snapshot and `prevent_destroy`. */
  readonly deletionProtection: boolean;
}

export type AuroraSettings = AuroraParsed & Protected & {
  readonly readers: number;
  readonly backupRetentionDays: number;
  readonly credentialsSecretName: string;
};
export type RdsSettings = RdsParsed & Protected & {
  readonly port: number;
  readonly multiAz: boolean;
  readonly backupRetentionDays: number;
  readonly credentialsSecretName: string;
};
export type NeptuneSettings = NeptuneParsed & Protected & {
  readonly readers: number;
  readonly backupRetentionDays: number;
};
export type RedisSettings = RedisParsed & Protected & {
  readonly nodes: number;
  readonly multiAz: boolean;
  readonly authTokenSecretName: string;
};
export type DynamodbSettings = DynamodbParsed & Protected;
export type MediaBucketSettings = MediaBucketParsed & Protected;

/** Resolved data stores of a deployment. */
export interface DataSettings {
  readonly kms: { readonly multiRegion: boolean };
  /** AWS Backup plan over the databases, or undefined when off (no databases, or not wanted). */
  readonly awsBackup?: AwsBackupParsed;
  readonly aurora: readonly AuroraSettings[];
  readonly rds: readonly RdsSettings[];
  readonly neptune: readonly NeptuneSettings[];
  readonly redis: readonly RedisSettings[];
  readonly dynamodb: readonly DynamodbSettings[];
  readonly mediaBuckets: readonly MediaBucketSettings[];
}

/** `CatalogCache` -> `catalog-cache`, for default secret names. */
const kebab = (id: string) => id.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();

/** Relational and graph stores: the RDS namespaces their modules create names in (modules/data/*). */
function registerDbNames(ctx: LayerContext, field: string, s: { identifier: string; deletionProtection: boolean }, kind: "cluster" | "instance", instances: number, logs: readonly string[]): void {
  const id = s.identifier;
  const name = (nameKind: Parameters<LayerContext["name"]>[0], value: string) => ctx.name(nameKind, value, `${field}.identifier`, id);
  name(kind === "cluster" ? "db-cluster" : "db-instance", id);
  for (let i = 1; i <= instances; i++) name("db-instance", `${id}-${i}`);
  const derived = storeNames(id);
  name("db-subnet-group", derived.subnetGroup);
  name(kind === "cluster" ? "db-cluster-parameter-group" : "db-parameter-group", derived.parameterGroup);
  if (s.deletionProtection) name(kind === "cluster" ? "db-cluster-snapshot" : "db-snapshot", derived.finalSnapshot);
  name("security-group", derived.securityGroup);
  for (const log of logs) name("log-group", log);
}

/**
 * Data layer: applies the deployment's presets to its stores, defines their
 * ids (kinds `store`, `table`, `bucket`), resolves `consumers` to workloads
 * of the network layer, registers every name the data stack creates, and
 * checks the rules that need the deployment (Multi-AZ stores have a standby
 * to fail over to).
 */
export const dataLayer = defineLayer({
  layer: "data",
  schema: dataSchema.default(dataSchema.parse({})),
  resolve(data, ctx): DataSettings {
    const d = ctx.deployment;
    const base = { deletionProtection: d.deletionProtection };
    const secretPrefix = `${d.system}/${d.stage}`;
    const defaultSecret = (id: string, suffix: string) => `${secretPrefix}/${kebab(id)}-${suffix}`;

    // A store's own retention may not undercut the production floor either.
    const backupFloor = (field: string, days: number | undefined) => {
      if (days !== undefined && days < PRODUCTION_FLOORS.backupRetentionDays && floorApplies(d, "shortBackupRetention")) {
        ctx.problem(field, days, floorMessage(`at least ${PRODUCTION_FLOORS.backupRetentionDays} days`, "shortBackupRetention"));
      }
    };
    (["aurora", "rds", "neptune"] as const).forEach((key) => data[key].forEach((s, i) => backupFloor(`data.${key}.${i}.backupRetentionDays`, s.backupRetentionDays)));
    data.redis.forEach((r, i) => backupFloor(`data.redis.${i}.snapshotRetentionDays`, r.snapshotRetentionDays));

    const storeKinds = [["aurora", "store"], ["rds", "store"], ["neptune", "store"], ["redis", "store"], ["dynamodb", "table"], ["mediaBuckets", "bucket"]] as const;
    for (const [key, kind] of storeKinds) {
      data[key].forEach((store, i) => {
        ctx.define(kind, store.id, `data.${key}.${i}.id`);
        if ("consumers" in store) store.consumers.forEach((c, j) => ctx.use("workload", c, `data.${key}.${i}.consumers.${j}`));
      });
    }

    const aurora = data.aurora.map((c, i): AuroraSettings => {
      const readers = c.readers ?? (d.multiAz ? 1 : 0);
      if (d.multiAz && readers === 0) ctx.problem(`data.aurora.${i}.readers`, readers, "must be at least 1 when the deployment is Multi-AZ (a reader in another AZ to fail over to)");
      const s = { ...c, ...base, readers, backupRetentionDays: c.backupRetentionDays ?? d.backupRetentionDays,
        credentialsSecretName: c.credentialsSecretName ?? defaultSecret(c.id, "db-credentials") };
      registerDbNames(ctx, `data.aurora.${i}`, s, "cluster", 1 + readers, EXPORTED_LOGS["aurora-postgresql"].map((l) => `${logGroupPrefix.auroraCluster(s.identifier)}/${l}`));
      ctx.name("secret", s.credentialsSecretName, `data.aurora.${i}.credentialsSecretName`);
      return s;
    });
    const rds = data.rds.map((r, i): RdsSettings => {
      const s = {
        ...r, ...base,
        port: r.port ?? (r.engine === "postgres" ? 5432 : 3306),
        multiAz: r.multiAz ?? d.multiAz,
        backupRetentionDays: r.backupRetentionDays ?? d.backupRetentionDays,
        credentialsSecretName: r.credentialsSecretName ?? defaultSecret(r.id, "db-credentials"),
      };
      registerDbNames(ctx, `data.rds.${i}`, s, "instance", 0, EXPORTED_LOGS[r.engine].map((l) => `${logGroupPrefix.rdsInstance(s.identifier)}/${l}`));
      ctx.name("secret", s.credentialsSecretName, `data.rds.${i}.credentialsSecretName`);
      return s;
    });
    const neptune = data.neptune.map((n, i): NeptuneSettings => {
      const s = { ...n, ...base, readers: n.readers ?? (d.multiAz ? 1 : 0), backupRetentionDays: n.backupRetentionDays ?? d.backupRetentionDays };
      registerDbNames(ctx, `data.neptune.${i}`, s, "cluster", 1 + s.readers, EXPORTED_LOGS.neptune.map((l) => `${logGroupPrefix.neptuneCluster(s.identifier)}/${l}`));
      return s;
    });
    const redis = data.redis.map((r, i): RedisSettings => {
      const multiAz = r.multiAz ?? d.multiAz;
      const nodes = r.nodes ?? (multiAz ? 2 : 1);
      if (multiAz && nodes < 2) ctx.problem(`data.redis.${i}.nodes`, nodes, "must be at least 2 when Multi-AZ (a replica in another AZ to fail over to)");
      const s = { ...r, ...base, multiAz, nodes, authTokenSecretName: r.authTokenSecretName ?? defaultSecret(r.id, "auth-token") };
      const id = s.replicationGroupId;
      const name = (nameKind: Parameters<LayerContext["name"]>[0], value: string) => ctx.name(nameKind, value, `data.redis.${i}.replicationGroupId`, id);
      name("elasticache-replication-group", id);
      const derived = storeNames(id);
      name("elasticache-subnet-group", derived.subnetGroup);
      name("elasticache-parameter-group", derived.parameterGroup);
      if (s.deletionProtection) name("elasticache-snapshot", derived.finalSnapshot);
      name("security-group", derived.securityGroup);
      name("log-group", logGroupPrefix.redisSlowLog(id));
      ctx.name("secret", s.authTokenSecretName, `data.redis.${i}.authTokenSecretName`);
      return s;
    });
    data.dynamodb.forEach((t, i) => ctx.name("dynamodb-table", t.name, `data.dynamodb.${i}.name`));
    data.mediaBuckets.forEach((b, i) => ctx.name("s3-bucket", b.name, `data.mediaBuckets.${i}.name`));

    const databases = aurora.length + rds.length + neptune.length;
    const awsBackup = databases === 0 || data.awsBackup === false ? undefined
      : data.awsBackup ?? (d.environment === "prod" ? { dailyRetentionDays: 35, monthlyRetentionDays: 365 } : undefined);
    if (awsBackup) {
      ctx.name("backup-vault", `${d.name}-data`, "data.awsBackup", d.name);
      ctx.name("iam-role", `${d.name}-data-backup`, "data.awsBackup", d.name);
      if (awsBackup.monthlyRetentionDays <= awsBackup.dailyRetentionDays) {
        ctx.problem("data.awsBackup.monthlyRetentionDays", awsBackup.monthlyRetentionDays, `must be longer than dailyRetentionDays (${awsBackup.dailyRetentionDays})`);
      }
    }
    const settings: DataSettings = {
      kms: data.kms,
      awsBackup,
      aurora, rds, neptune, redis,
      dynamodb: data.dynamodb.map((t) => ({ ...t, ...base })),
      mediaBuckets: data.mediaBuckets.map((b) => ({ ...b, ...base })),
    };
    if (dataLayer.used(settings)) {
      ctx.name("kms-alias", `${d.name}-data`, "name", d.name);
      if ([...aurora, ...rds].some((r) => r.monitoringIntervalSeconds > 0)) ctx.name("iam-role", `${d.name}-rds-monitoring`, "name", d.name);
    }
    return settings;
  },
  used: (s: DataSettings) => [s.aurora, s.rds, s.neptune, s.redis, s.dynamodb, s.mediaBuckets].some((list) => list.length > 0),
});
