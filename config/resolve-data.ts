import type { ConfigProblem } from "./errors";
import type { DataSettings } from "./deployment";
import type { DataParsed } from "./data-schema";

/** What data resolution needs from its deployment. */
export interface DataContext {
  readonly label: string;
  readonly system: string;
  readonly environment: string;
  readonly multiAz: boolean;
  readonly deletionProtection: boolean;
  readonly backupRetentionDays: number;
  readonly workloads: readonly string[];
}

/** `CatalogCache` -> `catalog-cache`, for default secret names. */
const kebab = (id: string) => id.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();

/**
 * Applies the deployment's presets to its data stores and checks the rules
 * that need the deployment: consumers exist, ids are unique, Multi-AZ stores
 * have a standby to fail over to.
 */
export function resolveData(data: DataParsed, ctx: DataContext, problems: ConfigProblem[]): DataSettings {
  const problem = (field: string, value: unknown, allowed: string) => problems.push({ deployment: ctx.label, field, value, allowed });
  const base = { deletionProtection: ctx.deletionProtection };
  const secretPrefix = `${ctx.system}/${ctx.environment}`;

  const kinds = ["aurora", "rds", "neptune", "redis", "dynamodb", "mediaBuckets"] as const;
  const seen = new Set<string>();
  for (const kind of kinds) {
    data[kind].forEach((store, i) => {
      if (seen.has(store.id)) problem(`data.${kind}.${i}.id`, store.id, "must be unique among the deployment's data stores");
      seen.add(store.id);
      if ("consumers" in store) {
        store.consumers.forEach((c, j) => {
          if (!ctx.workloads.includes(c)) {
            problem(`data.${kind}.${i}.consumers.${j}`, c, `must name a workload of network.workloads (${ctx.workloads.join(", ") || "none declared"})`);
          }
        });
      }
    });
  }

  const aurora = data.aurora.map((c, i) => {
    const readers = c.readers ?? (ctx.multiAz ? 1 : 0);
    if (ctx.multiAz && readers === 0) problem(`data.aurora.${i}.readers`, readers, "must be at least 1 when the deployment is Multi-AZ (a reader in another AZ to fail over to)");
    return { ...c, ...base, readers, backupRetentionDays: c.backupRetentionDays ?? ctx.backupRetentionDays,
      credentialsSecretName: c.credentialsSecretName ?? `${secretPrefix}/${kebab(c.id)}-db-credentials` };
  });
  const rds = data.rds.map((r) => ({
    ...r, ...base,
    port: r.port ?? (r.engine === "postgres" ? 5432 : 3306),
    multiAz: r.multiAz ?? ctx.multiAz,
    backupRetentionDays: r.backupRetentionDays ?? ctx.backupRetentionDays,
    credentialsSecretName: r.credentialsSecretName ?? `${secretPrefix}/${kebab(r.id)}-db-credentials`,
  }));
  const neptune = data.neptune.map((n) => ({
    ...n, ...base, readers: n.readers ?? (ctx.multiAz ? 1 : 0), backupRetentionDays: n.backupRetentionDays ?? ctx.backupRetentionDays,
  }));
  const redis = data.redis.map((r, i) => {
    const multiAz = r.multiAz ?? ctx.multiAz;
    const nodes = r.nodes ?? (multiAz ? 2 : 1);
    if (multiAz && nodes < 2) problem(`data.redis.${i}.nodes`, nodes, "must be at least 2 when Multi-AZ (a replica in another AZ to fail over to)");
    return { ...r, ...base, multiAz, nodes, authTokenSecretName: r.authTokenSecretName ?? `${secretPrefix}/${kebab(r.id)}-auth-token` };
  });
  return {
    kms: data.kms,
    aurora, rds, neptune, redis,
    dynamodb: data.dynamodb.map((t) => ({ ...t, ...base })),
    mediaBuckets: data.mediaBuckets.map((b) => ({ ...b, ...base })),
  };
}
