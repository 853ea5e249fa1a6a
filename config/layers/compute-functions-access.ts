import type { LayerContext } from "../context";
import type { DataSettings } from "./data";

/** What a function's config asks to reach (the `access` block of ./compute-functions.ts, parsed). */
export interface FunctionAccessInput {
  readonly databases: readonly { readonly store: string; readonly user: string }[];
  readonly graphs: readonly { readonly store: string; readonly write: boolean }[];
  readonly storeSecrets: readonly string[];
  readonly secrets: readonly string[];
  readonly brokerCredentials: boolean;
  readonly bedrockModels: readonly string[];
  readonly sendTo: readonly string[];
  readonly tables: readonly { readonly table: string; readonly write: boolean }[];
  readonly presignedUploads: readonly string[];
  readonly invokes: readonly string[];
  readonly publishesTo: readonly string[];
  readonly sendsEmail: boolean;
  readonly mediaConvert: boolean;
}

/** Resolved access: the same lists, each reference checked, relational stores tagged with their kind. */
export interface FunctionAccess extends FunctionAccessInput {
  readonly databases: readonly { readonly store: string; readonly user: string; readonly engine: "aurora" | "rds" }[];
}

type Store = { readonly id: string; readonly consumers: readonly string[] };

/** Every store of the data layer by id, with its kind and whether it has a secret. */
function storesOf(data: DataSettings | undefined): Map<string, { kind: "aurora" | "rds" | "neptune" | "redis"; store: Store; hasSecret: boolean }> {
  const all = new Map<string, { kind: "aurora" | "rds" | "neptune" | "redis"; store: Store; hasSecret: boolean }>();
  for (const s of data?.aurora ?? []) all.set(s.id, { kind: "aurora", store: s, hasSecret: true });
  for (const s of data?.rds ?? []) all.set(s.id, { kind: "rds", store: s, hasSecret: true });
  for (const s of data?.neptune ?? []) all.set(s.id, { kind: "neptune", store: s, hasSecret: false });
  for (const s of data?.redis ?? []) all.set(s.id, { kind: "redis", store: s, hasSecret: true });
  return all;
}

/**
 * Checks a function's access against what the data and messaging layers
 * declare: a database is relational, a graph is Neptune, a store secret
 * exists, the broker exists; and that a function reaching a store runs in
 * the VPC in a workload the store admits (its security group lets in only
 * its `consumers`).
 */
export function resolveFunctionAccess(a: FunctionAccessInput, workload: string | undefined, field: string, secretIds: ReadonlySet<string>, ctx: LayerContext): FunctionAccess {
  const stores = storesOf(ctx.settingsOf("data"));
  const reached: { store: string; at: string }[] = [];
  const expect = (id: string, at: string, kinds: readonly string[], what: string): boolean => {
    ctx.use("store", id, at);
    const found = stores.get(id);
    if (!found) return false;
    if (!kinds.includes(found.kind)) {
      ctx.problem(at, id, `must name ${what} (${[...stores].filter(([, s]) => kinds.includes(s.kind)).map(([k]) => k).join(", ") || "none declared"})`);
      return false;
    }
    reached.push({ store: id, at });
    return true;
  };
  const databases = a.databases.flatMap((db, i) =>
    expect(db.store, `${field}.databases.${i}.store`, ["aurora", "rds"], "an Aurora or RDS store") ? [{ ...db, engine: stores.get(db.store)!.kind as "aurora" | "rds" }] : []);
  a.graphs.forEach((g, i) => expect(g.store, `${field}.graphs.${i}.store`, ["neptune"], "a Neptune store"));
  a.storeSecrets.forEach((id, i) => expect(id, `${field}.storeSecrets.${i}`, ["aurora", "rds", "redis"], "a store with a secret (Aurora, RDS or Redis)"));
  a.secrets.forEach((id, i) => {
    if (!secretIds.has(id)) ctx.problem(`${field}.secrets.${i}`, id, `must name a secret of compute.secrets (${[...secretIds].join(", ") || "none declared"})`);
  });
  const messaging = ctx.settingsOf("messaging");
  if (a.brokerCredentials && !messaging?.broker) ctx.problem(`${field}.brokerCredentials`, true, "needs a broker in messaging.broker");
  else if (a.brokerCredentials && !workload) ctx.problem(`${field}.brokerCredentials`, true, "reaches the broker, which is reachable only inside the VPC: set the function's workload to one the broker admits");
  if (a.mediaConvert && (ctx.settingsOf("data")?.mediaBuckets.length ?? 0) === 0) ctx.problem(`${field}.mediaConvert`, true, "needs media buckets in data.mediaBuckets (MediaConvert reads and writes them)");
  if (a.sendsEmail && !messaging?.email) ctx.problem(`${field}.sendsEmail`, true, "needs email in messaging.email");
  a.sendTo.forEach((q, i) => ctx.use("queue", q, `${field}.sendTo.${i}`));
  a.tables.forEach((t, i) => ctx.use("table", t.table, `${field}.tables.${i}.table`));
  a.presignedUploads.forEach((b, i) => ctx.use("bucket", b, `${field}.presignedUploads.${i}`));
  a.publishesTo.forEach((t, i) => ctx.use("topic", t, `${field}.publishesTo.${i}`));
  for (const r of reached) {
    const admitted = stores.get(r.store)!.store.consumers;
    if (!workload) ctx.problem(r.at, r.store, "is reachable only inside the VPC: set the function's workload to one the store admits");
    else if (!admitted.includes(workload)) ctx.problem(r.at, r.store, `admits only the workloads ${admitted.join(", ") || "(none)"} (data consumers), not ${workload}`);
  }
  return { ...a, databases };
}
