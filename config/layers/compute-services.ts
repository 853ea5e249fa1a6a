import { z } from "zod";
import { FARGATE_CPUS, fargateMemories, fargateMemoryRule } from "../../lib/fargate-sizes";
import type { LayerContext } from "../context";
import { constructId, enumOf, intBetween, oneOf, port, workloadName } from "../fields";

/** ECS caps one service at 5,000 tasks (Service Quotas, "Tasks per service"). */
const MAX_TASKS = 5000;
/** Application Auto Scaling cooldowns: 0 up to one day, in seconds. */
const cooldown = intBetween(0, 86400, "seconds");
/** A CloudWatch utilization threshold or target, in percent. */
const percent = intBetween(1, 100, "percent");
/** An environment variable name. */
const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,254}$/, { error: "must be a letter or _ followed by letters, digits and _ (environment variable names)" });

/** JSON keys of the credential secrets the data and messaging layers write (modules/data, modules/messaging). */
export const SECRET_KEYS = ["username", "password", "host", "port", "dbname", "url", "vhost", "authToken"] as const;

/** One environment variable taken from a secret by ARN: ECS fetches it at task start, so its value is never in the task definition. */
const secretSchema = z.strictObject({
  name: envName,
  /** A data store's credentials (data.*.id) or the messaging broker's application user. */
  from: z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("store"), store: z.string() }),
    z.strictObject({ kind: z.literal("broker") }),
  ]),
  key: enumOf(SECRET_KEYS),
});

/** Step scaling on average CPU: add tasks when it stays at or above a threshold. */
const cpuStepSchema = z.strictObject({
  thresholdPercent: percent,
  /** Minutes (one-minute periods) the average must stay at or above the threshold. */
  forMinutes: intBetween(1, 1440, "minutes"),
  addTasks: intBetween(1, 100, "tasks"),
});

/**
 * Scaling on a RabbitMQ queue's back-pressure, from the per-queue metrics
 * the broker publishes (messaging contract `broker_metrics_namespace`).
 */
const queuePressureSchema = z.strictObject({
  /** The RabbitMQ queue the service consumes. */
  queue: z.string().regex(/^[A-Za-z0-9_.:-]{1,255}$/, { error: "must be 1-255 letters, digits and _.:- (a RabbitMQ queue name)" }),
  /** Minutes the queue must keep growing, with publishing above delivery, before tasks are added. @default 5 */
  growingForMinutes: intBetween(1, 1440, "minutes").default(5),
  addTasks: intBetween(1, 100, "tasks").default(1),
  /** Minutes the queue must stay empty before the service returns to its minimum. @default 5 */
  emptyForMinutes: intBetween(1, 1440, "minutes").default(5),
});

const scalingSchema = z.strictObject({
  /** @default the service's desiredCount */
  minCount: intBetween(1, MAX_TASKS, "tasks").optional(),
  maxCount: intBetween(1, MAX_TASKS, "tasks"),
  /** Target tracking on average CPU. @default none */
  cpuTarget: z.strictObject({
    targetPercent: percent,
    scaleOutCooldownSeconds: cooldown.default(60),
    scaleInCooldownSeconds: cooldown.default(300),
  }).optional(),
  /** Step policies on average CPU, each with its alarm. @default none */
  cpuSteps: z.array(cpuStepSchema).default([]),
  queuePressure: queuePressureSchema.optional(),
  /** Seconds a step policy waits before it may act again. @default 300 */
  stepCooldownSeconds: cooldown.default(300),
});

/** One Fargate service and its task definition. */
export const serviceSchema = z.strictObject({
  id: constructId,
  /** @default `<system>-<env>-<id in kebab case>-service` (seed 002's "axonflow-prod-agent-service") */
  name: z.string().optional(),
  /** The network workload whose security group the tasks use. */
  workload: workloadName,
  /** Image: a registry path with a tag or digest, or a tag of one of the deployment's repositories (compute.repositories). */
  image: z.union([
    z.string().regex(/^[a-z0-9][a-z0-9.-]*(?::[0-9]+)?(?:\/[a-z0-9._-]+)+(?::[A-Za-z0-9_.-]{1,128}|@sha256:[a-f0-9]{64})$/, {
      error: "must be <registry>/<repository> with a :tag or @sha256: digest (a pinned image)",
    }),
    z.strictObject({ repository: z.string(), tag: z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, { error: "must be an image tag (1-128 letters, digits, _ . -)" }) }),
  ], { error: "must be <registry>/<repository>:<tag> or { repository, tag }" }),
  cpu: z.number().refine((c) => FARGATE_CPUS.includes(c), { error: `${oneOf(FARGATE_CPUS)} (Fargate CPU units)` }),
  memoryMib: intBetween(512, 122880, "MiB"),
  architecture: enumOf(["X86_64", "ARM64"]).default("X86_64"),
  /** Container port; required behind a load balancer or when discoverable. @default none */
  port: port(1024).optional(),
  /** Container health check `curl -f http://localhost:<port><path>`; needs `port` and curl in the image. @default none */
  healthCheckPath: z.string().regex(/^\/[A-Za-z0-9._~/-]{0,255}$/, { error: "must be an absolute URL path" }).optional(),
  environment: z.record(envName, z.string().max(4096)).default({}),
  /** Environment variables holding another service's URL, `http://<its discovery name>:<its port>`, by service id. @default none */
  serviceUrls: z.record(envName, z.string()).default({}),
  secrets: z.array(secretSchema).default([]),
  /** Registered in the cluster's Cloud Map namespace as `<id in kebab case>.svc.<deployment>.internal`. @default false */
  discoverable: z.boolean().default(false),
  desiredCount: intBetween(1, MAX_TASKS, "tasks"),
  /** Rolling deployment bounds, in percent of desiredCount. */
  maximumPercent: intBetween(100, 200, "percent").default(200),
  minimumHealthyPercent: intBetween(0, 100, "percent").default(100),
  /** Seconds ECS ignores load balancer health checks after a task starts. @default 60 behind a load balancer */
  healthCheckGracePeriodSeconds: intBetween(0, 2147483647, "seconds").optional(),
  scaling: scalingSchema.optional(),
});

/** A secret of a task, resolved to its source. */
export interface ServiceSecretSettings {
  readonly name: string;
  readonly from: { readonly kind: "store"; readonly store: string } | { readonly kind: "broker" };
  readonly key: (typeof SECRET_KEYS)[number];
}

/** Resolved scaling: bounds and the policies that move between them. */
export interface ScalingSettings {
  readonly minCount: number;
  readonly maxCount: number;
  readonly cpuTarget?: { readonly targetPercent: number; readonly scaleOutCooldownSeconds: number; readonly scaleInCooldownSeconds: number };
  readonly cpuSteps: readonly { readonly thresholdPercent: number; readonly forMinutes: number; readonly addTasks: number }[];
  readonly queuePressure?: { readonly queue: string; readonly growingForMinutes: number; readonly addTasks: number; readonly emptyForMinutes: number };
  readonly stepCooldownSeconds: number;
  /** Names of the step policies' alarms: one per CPU step, the queue's growing and empty alarms. */
  readonly alarmNames: { readonly cpuSteps: readonly string[]; readonly queueGrowing?: string; readonly queueEmpty?: string };
}

/** A resolved Fargate service. */
export interface EcsServiceSettings {
  readonly id: string;
  readonly name: string;
  /** Container name (the id in kebab case), also the log stream prefix and the discovery name. */
  readonly container: string;
  readonly family: string;
  readonly workload: string;
  /** A full reference, or a tag of a repository of this deployment. */
  readonly image: string | { readonly repository: string; readonly tag: string };
  readonly cpu: number;
  readonly memoryMib: number;
  readonly architecture: "X86_64" | "ARM64";
  readonly port?: number;
  readonly healthCheckPath?: string;
  /** Plain variables, service URLs included, sorted by name. */
  readonly environment: Readonly<Record<string, string>>;
  readonly secrets: readonly ServiceSecretSettings[];
  readonly discoveryName?: string;
  readonly desiredCount: number;
  readonly maximumPercent: number;
  readonly minimumHealthyPercent: number;
  readonly healthCheckGracePeriodSeconds?: number;
  readonly logGroupName: string;
  readonly taskRoleName: string;
  readonly executionRoleName: string;
  readonly scaling?: ScalingSettings;
}

const kebab = (id: string) => id.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();

/** What a service resolves against: its cluster, its siblings and the load balancers that may front it. */
export interface ServiceContext {
  readonly cluster: string;
  readonly discoveryNamespace?: string;
  readonly services: readonly z.output<typeof serviceSchema>[];
  readonly loadBalancers: readonly { readonly service: string }[];
  readonly retention: number;
}

/** Checks one service and registers its names. */
export function resolveService(s: z.output<typeof serviceSchema>, i: number, sc: ServiceContext, ctx: LayerContext): EcsServiceSettings {
  const d = ctx.deployment;
  const field = (key: string) => `compute.ecs.services.${i}.${key}`;
  const container = kebab(s.id);
  ctx.use("workload", s.workload, field("workload"));
  if (typeof s.image !== "string") ctx.use("repository", s.image.repository, field("image.repository"));
  const name = ctx.name("ecs-service", s.name ?? `${d.name}-${container}-service`, s.name === undefined ? field("id") : field("name"), s.name ?? s.id);
  const family = ctx.name("ecs-task-family", `${d.name}-${container}`, field("id"), s.id);
  const logGroupName = ctx.name("log-group", `/ecs/${d.name}/${container}`, field("id"), s.id);
  const taskRoleName = ctx.name("iam-role", `${d.name}-${container}-task`, field("id"), s.id);
  const executionRoleName = ctx.name("iam-role", `${d.name}-${container}-execution`, field("id"), s.id);
  if (!fargateMemories(s.cpu).includes(s.memoryMib) && FARGATE_CPUS.includes(s.cpu)) {
    ctx.problem(field("memoryMib"), s.memoryMib, `must be ${fargateMemoryRule(s.cpu)} with ${s.cpu} CPU units (Fargate task sizes)`);
  }
  const balanced = sc.loadBalancers.some((lb) => lb.service === s.id);
  if (s.port === undefined && (balanced || s.discoverable || s.healthCheckPath !== undefined)) {
    ctx.problem(field("port"), undefined, `is required: the service ${balanced ? "is behind a load balancer" : s.discoverable ? "is discoverable" : "has a health check path"}`);
  }
  if (s.healthCheckGracePeriodSeconds !== undefined && !balanced) ctx.problem(field("healthCheckGracePeriodSeconds"), s.healthCheckGracePeriodSeconds, "applies only to a service behind a load balancer");
  s.secrets.forEach((secret, j) => {
    if (secret.from.kind === "store") ctx.use("store", secret.from.store, field(`secrets.${j}.from.store`));
    else if (!ctx.settingsOf("messaging")?.broker) ctx.problem(field(`secrets.${j}.from`), "broker", "needs messaging.broker");
  });
  const duplicate = [...Object.keys(s.environment), ...Object.keys(s.serviceUrls), ...s.secrets.map((x) => x.name)].find((n, j, all) => all.indexOf(n) !== j);
  if (duplicate) ctx.problem(field("environment"), duplicate, "each variable may be set once across environment, serviceUrls and secrets");
  const urls = Object.entries(s.serviceUrls).map(([variable, target]): [string, string] => {
    ctx.use("service", target, field(`serviceUrls.${variable}`));
    const other = sc.services.find((o) => o.id === target);
    if (other && !(other.discoverable && other.port !== undefined)) ctx.problem(field(`serviceUrls.${variable}`), target, "must name a discoverable service with a port");
    return [variable, other ? `http://${kebab(other.id)}.${sc.discoveryNamespace}:${other.port}` : ""];
  });
  const scaling = s.scaling && resolveScaling(s.scaling, s.desiredCount, name, field, ctx);
  return {
    id: s.id, name, container, family, workload: s.workload, image: s.image, cpu: s.cpu, memoryMib: s.memoryMib, architecture: s.architecture,
    port: s.port, healthCheckPath: s.healthCheckPath,
    environment: Object.fromEntries([...Object.entries(s.environment), ...urls].sort(([a], [b]) => a.localeCompare(b))),
    secrets: s.secrets, discoveryName: s.discoverable ? container : undefined,
    desiredCount: s.desiredCount, maximumPercent: s.maximumPercent, minimumHealthyPercent: s.minimumHealthyPercent,
    healthCheckGracePeriodSeconds: balanced ? (s.healthCheckGracePeriodSeconds ?? 60) : undefined,
    logGroupName, taskRoleName, executionRoleName, scaling,
  };
}

function resolveScaling(sc: z.output<typeof scalingSchema>, desired: number, service: string, field: (key: string) => string, ctx: LayerContext): ScalingSettings {
  const minCount = sc.minCount ?? desired;
  if (minCount > sc.maxCount) ctx.problem(field("scaling.minCount"), minCount, `must be at most scaling.maxCount (${sc.maxCount})`);
  else if (desired < minCount || desired > sc.maxCount) ctx.problem(field("desiredCount"), desired, `must be between scaling.minCount and scaling.maxCount (${minCount}-${sc.maxCount})`);
  if (!sc.cpuTarget && sc.cpuSteps.length === 0 && !sc.queuePressure) ctx.problem(field("scaling"), undefined, "needs a policy: cpuTarget, cpuSteps or queuePressure");
  if (sc.queuePressure && ctx.settingsOf("messaging")?.broker?.kind !== "ec2") ctx.problem(field("scaling.queuePressure"), sc.queuePressure.queue, "needs messaging.broker of kind ec2 (it publishes the queue metrics)");
  const alarm = (suffix: string, key: string) => ctx.name("cloudwatch-alarm", `${service}-${suffix}`, field(`scaling.${key}`));
  const alarmNames = {
    cpuSteps: sc.cpuSteps.map((step, j) => alarm(`cpu-${step.thresholdPercent}-for-${step.forMinutes}m`, `cpuSteps.${j}`)),
    queueGrowing: sc.queuePressure && alarm("queue-growing", "queuePressure"),
    queueEmpty: sc.queuePressure && alarm("queue-empty", "queuePressure"),
  };
  return { minCount, maxCount: sc.maxCount, cpuTarget: sc.cpuTarget, cpuSteps: sc.cpuSteps, queuePressure: sc.queuePressure, stepCooldownSeconds: sc.stepCooldownSeconds, alarmNames };
}
