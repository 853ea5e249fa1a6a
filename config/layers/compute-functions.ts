import { z } from "zod";
import type { LayerContext } from "../context";
import { enumOf, intBetween, oneOf, secretName, workloadName } from "../fields";
import { DEPRECATED_LAMBDA_RUNTIMES, LAMBDA_RUNTIMES, type LambdaRuntime } from "../lambda-runtimes";
import { resolveFunctionAccess, type FunctionAccess } from "./compute-functions-access";

/** Lambda's memory and timeout limits (Lambda quotas): 128-10,240 MB, up to 900 s. */
const MEMORY_MB = [128, 10240] as const;
const MAX_TIMEOUT_SECONDS = 900;

/** A runtime Lambda still accepts for new functions; a deprecated one is named with its date. */
const runtime = z.string().superRefine((r, ctx) => {
  if ((LAMBDA_RUNTIMES as readonly string[]).includes(r)) return;
  const since = DEPRECATED_LAMBDA_RUNTIMES[r];
  ctx.addIssue({
    code: "custom",
    message: since
      ? `is deprecated since ${since}; Lambda refuses it for new functions (${oneOf(LAMBDA_RUNTIMES)}; docs/versions.md)`
      : `${oneOf(LAMBDA_RUNTIMES)} (Lambda runtime identifiers; docs/versions.md)`,
  });
});

/** Lambda function names: the seed's exact names are the config ids and contract keys. */
const functionName = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: "must be 1-64 letters, digits, hyphens and underscores (Lambda function names)" });

/** Environment variable names Lambda accepts (letters, digits, underscores, starting with a letter). */
const envName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, { error: "must start with a letter and hold only letters, digits and underscores" });

/** An SQS queue the function consumes through an event source mapping, with partial batch failure reporting. */
const consumeSchema = z.strictObject({
  queue: z.string(),
  /** Messages per batch (SQS: 1-10, or up to 10,000 with a batch window on a standard queue). @default 10 */
  batchSize: intBetween(1, 10000).default(10),
  /** Seconds to gather a batch; standard queues only (Lambda refuses a window on FIFO sources). @default none */
  batchWindowSeconds: intBetween(0, 300, "seconds").optional(),
  /** Most concurrent invocations this source drives (2-1000). @default Lambda's (no cap) */
  maxConcurrency: intBetween(2, 1000).optional(),
});

/** A function's HTTPS URL (auth NONE: the edge in front authenticates) and the checks its code makes. */
const urlSchema = z.strictObject({
  /** Host the function accepts requests for (the in-code domain validation). */
  allowedDomain: z.string().regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, { error: "must be a lowercase domain name" }),
  /** Header the edge injects with the shared secret; its value is the secret named by `edgeSecret`. */
  edgeSecretHeader: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, { error: "must be 1-64 letters, digits and hyphens (an HTTP header name)" }),
  /** Id of a secret of `compute.secrets` holding the header's value. */
  edgeSecret: z.string(),
});

/** Secrets Manager rotation of one secret by this function. */
const rotationSchema = z.strictObject({
  /** A store of the data layer (its credentials or auth token secret) or a secret of `compute.secrets`. */
  secret: z.string(),
  /** `rate(n days)` or `cron(...)` (Secrets Manager rotation schedules; at most every 4 hours). */
  schedule: z.string().regex(/^(rate\(\d+ (hours|days)\)|cron\([^)]+\))$/, { error: "must be rate(<n> hours|days) or cron(<expression>)" }),
});

/** What a function may reach; each entry becomes one grant on its role. */
const accessSchema = z.strictObject({
  /** Relational stores connected to with IAM authentication as `user` (`rds-db:connect`). */
  databases: z.array(z.strictObject({ store: z.string(), user: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, { error: "must be a lowercase database user name" }) })).default([]),
  /** Neptune clusters queried with IAM authentication, read-only unless `write`. */
  graphs: z.array(z.strictObject({ store: z.string(), write: z.boolean().default(false) })).default([]),
  /** Stores whose credentials or auth-token secret the function reads (Redis AUTH, database passwords). */
  storeSecrets: z.array(z.string()).default([]),
  /** Secrets of `compute.secrets` the function reads. */
  secrets: z.array(z.string()).default([]),
  /** The messaging broker's application credentials. */
  brokerCredentials: z.boolean().default(false),
  /** Bedrock foundation models (model ids) the function invokes. */
  bedrockModels: z.array(z.string().regex(/^[a-z0-9-]+\.[A-Za-z0-9.:-]+$/, { error: "must be a Bedrock model id such as anthropic.claude-3-haiku-20240307-v1:0" })).default([]),
  /** Queues the function sends to. */
  sendTo: z.array(z.string()).default([]),
  /** DynamoDB tables the function reads, and writes when `write`. */
  tables: z.array(z.strictObject({ table: z.string(), write: z.boolean().default(false) })).default([]),
  /** Media buckets the function signs upload URLs into (`s3:PutObject` on their objects). */
  presignedUploads: z.array(z.string()).default([]),
  /** Functions declared earlier in `compute.functions` that this one invokes, through their alias when they have one. */
  invokes: z.array(z.string()).default([]),
  /** SNS topics the function publishes to. */
  publishesTo: z.array(z.string()).default([]),
  /** Sends email through the deployment's SES identity and configuration set. */
  sendsEmail: z.boolean().default(false),
  /** Starts MediaConvert jobs on the deployment's queue, passing only its MediaConvert role. */
  mediaConvert: z.boolean().default(false),
});

/** One Lambda function. */
const functionSchema = z.strictObject({
  /** Function name, exactly as the seed gives it; also its key in every contract map. */
  name: functionName,
  description: z.string().max(256, { error: "must be at most 256 characters (Lambda descriptions)" }),
  runtime,
  /** @default index.handler (the bootstrap package answers there; the release pipeline's code must too or set this) */
  handler: z.string().regex(/^[^\s]{1,128}$/, { error: "must be 1-128 characters without spaces" }).default("index.handler"),
  architecture: enumOf(["arm64", "x86_64"]).default("arm64"),
  memoryMb: intBetween(MEMORY_MB[0], MEMORY_MB[1], "MB"),
  timeoutSeconds: intBetween(1, MAX_TIMEOUT_SECONDS, "seconds"),
  /** Concurrency reserved for (and capping) the function. @default none: the account's unreserved pool */
  reservedConcurrency: intBetween(0, 1000).optional(),
  /** Workload of `network.workloads` whose security group the function runs in, in the compute subnets. @default outside the VPC */
  workload: workloadName.optional(),
  /** Plain settings; never secret values (grant a secret and pass its ARN). @default none */
  environment: z.record(envName, z.string()).default({}),
  /** What the function may reach (./compute-functions-access.ts). @default nothing */
  access: accessSchema.default(accessSchema.parse({})),
  consumes: z.array(consumeSchema).default([]),
  /** Queue receiving the events of failed asynchronous invocations. @default none */
  onFailureQueue: z.string().optional(),
  rotates: z.array(rotationSchema).default([]),
  /** An EventBridge rule of `messaging.buses` whose target is this function (with the permission for EventBridge to invoke it). @default none */
  eventRule: z.string().optional(),
  /** Alias of a published version callers are pinned to; the release pipeline moves it. @default no versions */
  alias: z.string().regex(/^(?!^[0-9]+$)[A-Za-z0-9-_]{1,128}$/, { error: "must be 1-128 letters, digits, - and _, not all digits (Lambda alias names)" }).optional(),
  url: urlSchema.optional(),
});

/** A secret the compute layer owns: generated (a shared edge secret) or filled by operators (an external API key). */
const secretSchema = z.strictObject({
  id: z.string().regex(/^[A-Z][A-Za-z0-9]{0,31}$/, { error: "must be 1-32 PascalCase letters and digits (it becomes part of Terraform addresses)" }),
  name: secretName,
  description: z.string().max(2048),
  /** Terraform generates the value (kept in state, as the data layer's secrets are). @default false: operators or a rotation function set it */
  generated: z.boolean().default(false),
});

/** Fields of the functions half, spread into the `compute` section (./compute.ts). */
export const functionsFields = {
  functions: z.array(functionSchema).default([]),
  secrets: z.array(secretSchema).default([]),
};

/** A secret owned by the compute layer. */
export type FunctionSecretSettings = z.output<typeof secretSchema> & { readonly protect: boolean };

/** A resolved function. */
export interface FunctionSettings {
  readonly name: string;
  /** The name without `-` and `_`: the construct id, part of every Terraform address of the function. */
  readonly constructId: string;
  readonly description: string;
  readonly runtime: LambdaRuntime;
  readonly handler: string;
  readonly architecture: "arm64" | "x86_64";
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  readonly reservedConcurrency?: number;
  readonly workload?: string;
  readonly environment: Readonly<Record<string, string>>;
  readonly access: FunctionAccess;
  readonly consumes: readonly { readonly queue: string; readonly batchSize: number; readonly batchWindowSeconds?: number; readonly maxConcurrency?: number }[];
  readonly onFailureQueue?: string;
  readonly rotates: readonly { readonly secret: SecretRef; readonly schedule: string }[];
  /** The rule targeting the function and the bus it is on. */
  readonly eventRule?: { readonly rule: string; readonly bus: string };
  readonly alias?: string;
  readonly url?: { readonly allowedDomain: string; readonly edgeSecretHeader: string; readonly edgeSecret: string };
}

/** A secret a function reads or rotates: a data store's or one of `compute.secrets`. */
export type SecretRef = { readonly owner: "store"; readonly id: string } | { readonly owner: "compute"; readonly id: string };

/** Resolved functions settings. */
export interface FunctionsSettings {
  readonly functions: readonly FunctionSettings[];
  readonly functionSecrets: readonly FunctionSecretSettings[];
  /** Bucket of the function packages: `<deployment>[-<account id>]-<region>-function-code` (bucket names are global). */
  readonly codeBucketName: string;
}

type Parsed = { functions: z.output<typeof functionSchema>[]; secrets: z.output<typeof secretSchema>[] };

/**
 * Resolves the functions half: names registered, references checked
 * (workloads, queues, stores, secrets), and what AWS would refuse at apply
 * or what would fail at run time reported: a consumer of a queue whose
 * visibility timeout is shorter than the function's timeout, a batch window
 * on a FIFO source, a store reached from outside the VPC.
 */
export function resolveFunctions(parsed: object, ctx: LayerContext): FunctionsSettings {
  const p = parsed as Parsed;
  const d = ctx.deployment;
  p.secrets.forEach((s, i) => ctx.name("secret", s.name, `compute.secrets.${i}.name`));
  const secretIds = new Set(p.secrets.map((s) => s.id));
  p.secrets.forEach((s, i) => {
    if (p.secrets.findIndex((x) => x.id === s.id) < i) ctx.problem(`compute.secrets.${i}.id`, s.id, "must be unique among compute.secrets");
  });
  const constructIds = p.functions.map((f) => f.name.replace(/[^A-Za-z0-9]/g, ""));
  const queues = ctx.settingsOf("messaging")?.queues ?? [];
  const functions = p.functions.map((f, i): FunctionSettings => {
    const field = (key: string) => `compute.functions.${i}.${key}`;
    ctx.name("lambda-function", f.name, field("name"));
    const sameId = constructIds.findIndex((c) => c === constructIds[i]);
    if (constructIds[i] === "") ctx.problem(field("name"), f.name, "must hold a letter or digit (without - and _ it names the function's Terraform addresses)");
    else if (sameId < i && p.functions[sameId].name !== f.name) ctx.problem(field("name"), f.name, `must differ from ${p.functions[sameId].name} in more than - and _ (both would have the Terraform addresses ${constructIds[i]}_*)`);
    ctx.name("iam-role", `${d.name}-${f.name}`, field("name"), f.name);
    if (f.workload) ctx.use("workload", f.workload, field("workload"));
    const access = resolveFunctionAccess(f.access, f.workload, field("access"), secretIds, ctx);
    f.consumes.forEach((c, j) => {
      const at = field(`consumes.${j}`);
      ctx.use("queue", c.queue, `${at}.queue`);
      const q = queues.find((x) => x.id === c.queue);
      if (!q) return;
      if (q.fifo && c.batchWindowSeconds !== undefined) ctx.problem(`${at}.batchWindowSeconds`, c.batchWindowSeconds, `is not allowed: ${q.id} is a FIFO queue and Lambda takes no batch window from FIFO sources`);
      if ((q.fifo || c.batchWindowSeconds === undefined) && c.batchSize > 10) ctx.problem(`${at}.batchSize`, c.batchSize, "must be at most 10 without a batch window, and on FIFO queues (Lambda SQS event source limits)");
      if (q.visibilityTimeoutSeconds < f.timeoutSeconds) ctx.problem(`${at}.queue`, c.queue, `must have a visibility timeout of at least the function's timeout (${q.visibilityTimeoutSeconds} < ${f.timeoutSeconds} s); Lambda refuses the mapping`);
    });
    if (f.onFailureQueue) ctx.use("queue", f.onFailureQueue, field("onFailureQueue"));
    const rotates = f.rotates.map((r, j) => ({ secret: secretRef(r.secret, secretIds, field(`rotates.${j}.secret`), ctx), schedule: r.schedule }));
    if (rotates.some((r) => r.secret.owner === "store") && !f.workload) ctx.problem(field("workload"), undefined, "is required: a function rotating a store's credentials connects to the store, which is reachable only inside the VPC");
    const eventRule = f.eventRule === undefined ? undefined : ruleOf(f.eventRule, field("eventRule"), ctx);
    f.access.invokes.forEach((callee, j) => {
      if (!p.functions.slice(0, i).some((g) => g.name === callee)) ctx.problem(field(`access.invokes.${j}`), callee, `must name a function declared before this one in compute.functions (${p.functions.slice(0, i).map((g) => g.name).join(", ") || "none"})`);
    });
    if (f.url && !secretIds.has(f.url.edgeSecret)) ctx.problem(field("url.edgeSecret"), f.url.edgeSecret, `must name a secret of compute.secrets (${[...secretIds].join(", ") || "none declared"})`);
    if (f.url && f.alias === undefined) ctx.problem(field("alias"), undefined, "is required with a url: the URL serves the alias, so a release can be rolled back by moving it");
    return {
      name: f.name, constructId: constructIds[i], description: f.description, runtime: f.runtime as LambdaRuntime, handler: f.handler, architecture: f.architecture,
      memoryMb: f.memoryMb, timeoutSeconds: f.timeoutSeconds, reservedConcurrency: f.reservedConcurrency, workload: f.workload,
      environment: f.environment, access, consumes: f.consumes, onFailureQueue: f.onFailureQueue, rotates, eventRule, alias: f.alias, url: f.url,
    };
  });
  const hasDataKey = (["store", "table", "bucket"] as const).some((kind) => ctx.idsOf(kind).length > 0);
  if (p.functions.length > 0 && !hasDataKey) ctx.problem("compute.functions", p.functions.map((f) => f.name), "need the data layer: its key encrypts the code bucket and the functions' secrets");
  if (p.functions.some((f) => f.access.mediaConvert)) ctx.name("iam-role", `${d.name}-mediaconvert`, "compute.functions", "mediaConvert");
  const codeBucketName = `${d.name}${d.account.id ? `-${d.account.id}` : ""}-${d.region}-function-code`;
  if (p.functions.length > 0) ctx.name("s3-bucket", codeBucketName, "compute.functions", p.functions.map((f) => f.name));
  return { functions, functionSecrets: p.secrets.map((s) => ({ ...s, protect: d.deletionProtection })), codeBucketName };
}

/** A secret reference: an id of `compute.secrets`, else a store of the data layer. */
export function secretRef(id: string, secretIds: ReadonlySet<string>, field: string, ctx: LayerContext): SecretRef {
  if (secretIds.has(id)) return { owner: "compute", id };
  ctx.use("store", id, field);
  if (ctx.settingsOf("data")?.neptune.some((n) => n.id === id)) ctx.problem(field, id, "names a Neptune store, which has no secret (it authenticates with IAM)");
  return { owner: "store", id };
}

/** The bus holding an EventBridge rule of the messaging layer, which must exist. */
function ruleOf(rule: string, field: string, ctx: LayerContext): { rule: string; bus: string } | undefined {
  ctx.use("rule", rule, field);
  const bus = ctx.settingsOf("messaging")?.buses.find((b) => b.rules.some((r) => r.id === rule));
  return bus && { rule, bus: bus.id };
}

/** True when the deployment has any functions. */
export const functionsUsed = (settings: FunctionsSettings): boolean => settings.functions.length > 0;
