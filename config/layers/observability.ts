import { z } from "zod";
import { defineLayer } from "../context";
import { enumOf, intBetween, secretName } from "../fields";
import type { Environment } from "../presets";

/** Periods CloudWatch accepts for standard-resolution alarms (seconds): 60 or a multiple of it. */
const period = z.number().int().refine((s) => s >= 60 && s <= 86400 && s % 60 === 0, { error: "must be a multiple of 60 seconds between 60 and 86400 (CloudWatch standard-resolution alarm periods)" });
const percent = z.number().min(1, { error: "must be a percentage between 1 and 100" }).max(100, { error: "must be a percentage between 1 and 100" });
const positive = z.number().positive({ error: "must be greater than 0" });
const count = z.number().int().min(0, { error: "must be a whole number, 0 or more" });

/**
 * Alarm thresholds, by component kind. Each has a default per environment
 * (`DEFAULT_THRESHOLDS`); a deployment states only where it departs.
 */
export const thresholdsSchema = z.strictObject({
  /** CPU of a database, graph or cache node (%). */
  cpuPercent: percent,
  /** FreeableMemory floor of a database instance (MiB). */
  freeableMemoryMib: positive,
  /** FreeStorageSpace (RDS) or FreeLocalStorage (Aurora) floor (GiB). */
  freeStorageGib: positive,
  /** DatabaseConnections ceiling. */
  connections: count,
  /** ReadLatency and WriteLatency ceiling (milliseconds). */
  latencyMs: positive,
  /** AuroraReplicaLagMaximum ceiling (milliseconds). */
  replicaLagMs: positive,
  /** Neptune serverless capacity, as a percentage of the cluster's maxCapacity. */
  capacityPercentOfMax: percent,
  /** ElastiCache DatabaseMemoryUsagePercentage ceiling (%). */
  cacheMemoryPercent: percent,
  /** ElastiCache evictions per period. */
  evictions: count,
  /** ElastiCache ReplicationLag ceiling (seconds). */
  cacheReplicationLagSeconds: positive,
  /** ApproximateAgeOfOldestMessage ceiling of a working queue (seconds). */
  oldestMessageSeconds: intBetween(60, 1209600, "seconds"),
  /** Messages waiting in the broker, all queues together. */
  brokerQueueDepth: count,
  /** NAT ActiveConnectionCount ceiling (a gateway takes 55,000 simultaneous connections per destination). */
  natActiveConnections: count,
  /** NAT BytesOutToDestination per period (GiB). */
  natBytesOutGib: positive,
  /** NAT PacketsDropCount per period. */
  natPacketsDropped: count,
  /** Lambda Errors per period (Sum) a function may have before alarming. */
  functionErrors: count,
  /** Lambda Throttles per period (Sum). */
  functionThrottles: count,
  /** Lambda Duration p99 ceiling, as a percentage of the function's timeout. */
  durationPercentOfTimeout: percent,
  /** ECS service MemoryUtilization ceiling (%); CPU takes cpuPercent. */
  memoryPercent: percent,
  /** ALB TargetResponseTime ceiling (milliseconds, average). */
  targetResponseTimeMs: positive,
  /** ALB HTTPCode_Target_5XX_Count per period. */
  target5xx: count,
  /** CloudFront 5xxErrorRate ceiling (% of requests). */
  cloudFront5xxPercent: percent,
  /** WAF BlockedRequests per period: above it, an attack or a rule blocking real users. */
  wafBlockedRequests: count,
  /** REST API 5XXError per period (Sum). */
  api5xx: count,
  /** REST API Latency p99 ceiling (milliseconds, integration included). */
  apiLatencyMs: positive,
});
export type Thresholds = z.output<typeof thresholdsSchema>;

/**
 * Defaults per environment. Prod evaluates 1-minute periods and alarms on 3
 * of 5 (AWS's recommended M-of-N for noisy metrics); dev and staging take
 * 5-minute periods, 2 of 3. Thresholds follow AWS's "Recommended alarms"
 * page where it gives one (CPU 80 %, queue age, NAT port allocation errors
 * > 0, any message in a DLQ); the rest are starting points meant to be tuned.
 */
export const DEFAULT_TIMING: Readonly<Record<Environment, Timing>> = {
  dev: { periodSeconds: 300, evaluationPeriods: 3, datapointsToAlarm: 2 },
  staging: { periodSeconds: 300, evaluationPeriods: 3, datapointsToAlarm: 2 },
  prod: { periodSeconds: 60, evaluationPeriods: 5, datapointsToAlarm: 3 },
};
const BASE: Thresholds = {
  cpuPercent: 80, freeableMemoryMib: 256, freeStorageGib: 10, connections: 500, latencyMs: 20, replicaLagMs: 1000,
  capacityPercentOfMax: 90, cacheMemoryPercent: 80, evictions: 0, cacheReplicationLagSeconds: 1, oldestMessageSeconds: 900,
  brokerQueueDepth: 1000, natActiveConnections: 50000, natBytesOutGib: 5, natPacketsDropped: 100,
  functionErrors: 0, functionThrottles: 0, durationPercentOfTimeout: 90, memoryPercent: 80, targetResponseTimeMs: 1000, target5xx: 5,
  cloudFront5xxPercent: 5, wafBlockedRequests: 1000, api5xx: 5, apiLatencyMs: 5000,
};
export const DEFAULT_THRESHOLDS: Readonly<Record<Environment, Thresholds>> = {
  dev: { ...BASE, oldestMessageSeconds: 3600, latencyMs: 50, evictions: 100, functionErrors: 5, targetResponseTimeMs: 2000, target5xx: 20, cloudFront5xxPercent: 10, api5xx: 20, apiLatencyMs: 10000 },
  staging: { ...BASE, oldestMessageSeconds: 1800 },
  prod: BASE,
};

/** How long CloudWatch looks before an alarm fires. */
export interface Timing {
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
}

/** Where the PagerDuty integration URL comes from: a sensitive Terraform variable, or a Secrets Manager secret holding only the URL. */
const pagerDutySchema = z.discriminatedUnion("source", [
  z.strictObject({ source: z.literal("variable") }),
  z.strictObject({ source: z.literal("secret"), secretName: secretName.optional() }),
], { error: "must be { source: \"variable\" } or { source: \"secret\", secretName? }" });

/** X-Ray sampling of a deployment's REST API stage: a reservoir of traced requests per second, then a fixed share of the rest. */
export interface Sampling {
  readonly reservoirPerSecond: number;
  /** Share of requests beyond the reservoir (0-1). */
  readonly fixedRate: number;
  /** Rules are matched in ascending priority; X-Ray's default rule is last (10000). */
  readonly priority: number;
}

/** Dev and staging trace more of their few requests; prod keeps a larger reservoir and a smaller share. */
export const DEFAULT_SAMPLING: Readonly<Record<Environment, Sampling>> = {
  dev: { reservoirPerSecond: 1, fixedRate: 0.1, priority: 100 },
  staging: { reservoirPerSecond: 1, fixedRate: 0.1, priority: 100 },
  prod: { reservoirPerSecond: 10, fixedRate: 0.05, priority: 100 },
};

const fixedRate = z.number({ error: "must be a number between 0 and 1 (share of requests)" })
  .min(0, { error: "must be a number between 0 and 1 (share of requests)" }).max(1, { error: "must be a number between 0 and 1 (share of requests)" });

/** The `observability` section of a deployment. */
export const observabilitySchema = z.strictObject({
  /**
   * PagerDuty HTTPS subscription on the alarm topic. Dev notifies but never pages.
   * @default { source: "variable" } in staging and prod, none in dev
   */
  pagerDuty: z.union([pagerDutySchema, z.literal(false)]).optional(),
  /** @default DEFAULT_TIMING of the environment */
  timing: z.strictObject({
    periodSeconds: period.optional(),
    evaluationPeriods: intBetween(1, 100).optional(),
    datapointsToAlarm: intBetween(1, 100).optional(),
  }).default({}),
  /** @default DEFAULT_THRESHOLDS of the environment */
  thresholds: thresholdsSchema.partial().default({}),
  /** X-Ray sampling rule of the REST API stage (edge.api); functions keep Lambda's own sampling. @default DEFAULT_SAMPLING of the environment */
  sampling: z.strictObject({
    reservoirPerSecond: intBetween(0, 100000).optional(),
    fixedRate: fixedRate.optional(),
    priority: intBetween(1, 9999).optional(),
  }).default({}),
  /** RDS event categories sent to the topic for every database (failover, failure...). @default ["failover", "failure", "maintenance", "notification"] */
  rdsEventCategories: z.array(enumOf(["availability", "failover", "failure", "low storage", "maintenance", "notification", "recovery", "restoration"])).min(1).optional(),
  /** A CloudWatch dashboard of every monitored component. @default true */
  dashboard: z.boolean().default(true),
  /** Saved CloudWatch Logs Insights queries on the log groups of named functions (compute.functions). */
  logQueries: z.array(z.strictObject({
    /** Shown in the console's query list, under a `<deployment>/` folder. */
    name: z.string().regex(/^[A-Za-z0-9 ()_.,-]{1,200}$/, { error: "must be 1-200 letters, digits, spaces and ()_.,-" }),
    functions: z.array(z.string()).min(1),
    query: z.string().min(1).max(10000),
  })).default([]),
});

/** A saved Logs Insights query, on the log groups of the named functions. */
export interface LogQuerySettings {
  /** `<deployment>/<name>`. */
  readonly name: string;
  readonly functions: readonly string[];
  readonly query: string;
}

/** Resolved PagerDuty routing: a variable, or a secret by name. */
export type PagerDutySettings = { readonly source: "variable" } | { readonly source: "secret"; readonly secretName: string };

/** Resolved observability settings of a deployment. */
export interface ObservabilitySettings {
  /** True when the deployment has something to watch (a NAT gateway, a store, a queue, a broker). */
  readonly enabled: boolean;
  /** `<deployment>-alarms`: the topic, its key alias and the alarm-name prefix. */
  readonly topicName: string;
  /**
   * `<deployment>-alarms-global`: the us-east-1 topic of CloudFront and WAF
   * alarms (an alarm notifies a topic of its own region), for a deployment
   * outside us-east-1 with distributions.
   */
  readonly globalTopicName?: string;
  readonly pagerDuty?: PagerDutySettings;
  readonly timing: Timing;
  readonly thresholds: Thresholds;
  readonly rdsEventCategories: readonly string[];
  readonly dashboardName?: string;
  readonly logQueries: readonly LogQuerySettings[];
  /** `<deployment>-api` and its sampling, for a deployment with a REST API. */
  readonly sampling?: Sampling & { readonly ruleName: string };
}

/**
 * Observability layer: what routes, thresholds and periods the alarms of a
 * deployment take. What is watched is not listed here: the inventory
 * (lib/observability/inventory.ts) derives it from the earlier layers.
 */
export const observabilityLayer = defineLayer({
  layer: "observability",
  schema: observabilitySchema.default(observabilitySchema.parse({})),
  resolve(o, ctx): ObservabilitySettings {
    const d = ctx.deployment;
    const network = ctx.settingsOf("network");
    const data = ctx.settingsOf("data");
    const messaging = ctx.settingsOf("messaging");
    const compute = ctx.settingsOf("compute");
    const edge = ctx.settingsOf("edge");
    const enabled = (network?.nat ?? "none") !== "none"
      || [data?.aurora, data?.rds, data?.neptune, data?.redis, data?.dynamodb].some((l) => (l?.length ?? 0) > 0)
      || (messaging?.queues.length ?? 0) > 0 || messaging?.broker !== undefined
      || (compute?.functions.length ?? 0) > 0 || compute?.ecs !== undefined || (edge?.distributions.length ?? 0) > 0;
    const functionNames = (compute?.functions ?? []).map((f) => f.name);
    o.logQueries.forEach((q, i) => q.functions.forEach((f, j) => {
      if (!functionNames.includes(f)) ctx.problem(`observability.logQueries.${i}.functions.${j}`, f, `must name a function of compute.functions (${functionNames.join(", ") || "none declared"})`);
    }));
    const timing = { ...DEFAULT_TIMING[d.environment], ...o.timing };
    if (timing.datapointsToAlarm > timing.evaluationPeriods) {
      ctx.problem("observability.timing.datapointsToAlarm", timing.datapointsToAlarm, `must be at most evaluationPeriods (${timing.evaluationPeriods})`);
    }
    if (timing.periodSeconds * timing.evaluationPeriods > 86400) {
      ctx.problem("observability.timing.evaluationPeriods", timing.evaluationPeriods, `times periodSeconds (${timing.periodSeconds}) must be at most 86400 seconds (CloudWatch evaluates one day at most)`);
    }
    const defaultPaging: PagerDutySettings | undefined = d.environment === "dev" ? undefined : { source: "variable" };
    if (d.environment === "dev" && o.pagerDuty) ctx.problem("observability.pagerDuty", o.pagerDuty.source, "must be false or unset in dev: dev alarms notify the topic but never page");
    const chosen = o.pagerDuty === false ? undefined : o.pagerDuty ?? defaultPaging;
    const pagerDuty: PagerDutySettings | undefined = chosen?.source === "secret"
      ? { source: "secret", secretName: chosen.secretName ?? `${d.system}/${d.environment}/pagerduty-integration-url` }
      : chosen;
    const topicName = `${d.name}-alarms`;
    const globalTopicName = (edge?.distributions.length ?? 0) > 0 && d.region !== "us-east-1" ? `${topicName}-global` : undefined;
    for (const name of enabled ? [topicName, globalTopicName] : []) {
      if (name === undefined) continue;
      ctx.name("sns-topic", name, "observability", d.name);
      ctx.name("kms-alias", name, "observability", d.name);
      if (pagerDuty) ctx.name("sqs-queue", `${name}-pagerduty-dlq`, "observability.pagerDuty", d.name);
    }
    const samplingRuleName = `${d.name}-api`;
    // X-Ray rule names are 1-32 characters; deployment names are shorter today, a long preview name is refused here.
    if (edge?.api && samplingRuleName.length > 32) ctx.problem("observability.sampling", samplingRuleName, "must be a rule name of at most 32 characters (X-Ray sampling rules): shorten the deployment name");
    return {
      enabled, topicName, globalTopicName, pagerDuty, timing,
      thresholds: { ...DEFAULT_THRESHOLDS[d.environment], ...o.thresholds },
      rdsEventCategories: o.rdsEventCategories ?? ["failover", "failure", "maintenance", "notification"],
      dashboardName: o.dashboard ? d.name : undefined,
      logQueries: o.logQueries.map((q) => ({ ...q, name: `${d.name}/${q.name}` })),
      sampling: edge?.api ? { ruleName: samplingRuleName, ...DEFAULT_SAMPLING[d.environment], ...o.sampling } : undefined,
    };
  },
  used: (s: ObservabilitySettings) => s.enabled,
});
