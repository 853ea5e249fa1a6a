import { z } from "zod";
import type { LayerContext } from "../context";
import { constructId, enumOf, intBetween, logRetentionDays } from "../fields";
import { type LoadBalancerSettings, loadBalancerSchema, resolveLoadBalancer } from "./compute-load-balancers";
import { type EksSettings, eksSchema, resolveEks } from "./compute-eks";
import { type EcsServiceSettings, resolveService, serviceSchema } from "./compute-services";

/** AxonFlow's licence tiers (seed 002), published as the seed's PricingTierDeployed. */
export const PRICING_TIERS = ["Pilot", "Growth", "Enterprise"] as const;

/** Sources of the seed-named stack outputs (seed 002's CloudFormation outputs). */
const STACK_OUTPUT_SOURCES = ["clusterName", "serviceName", "loadBalancerUrl", "storeEndpoint", "pricingTier"] as const;

/** The ECS cluster of a deployment and the Fargate services on it. */
const ecsSchema = z.strictObject({
  /** Construct id of the cluster (contract maps key it). @default "Main" */
  id: constructId.default("Main"),
  /** Cluster name. @default `<system>-<env>-cluster` (seed 002's "axonflow-prod-cluster") */
  name: z.string().optional(),
  /** Container Insights; `enhanced` adds per-container metrics at extra cost. @default "enabled" */
  containerInsights: enumOf(["enabled", "enhanced"]).default("enabled"),
  /**
   * ECS Exec (`aws ecs execute-command`) for debugging: sessions are logged
   * to an encrypted log group and the task roles get the `ssmmessages`
   * channel actions. @default false
   */
  executeCommand: z.boolean().default(false),
  /** Days the service and exec log groups keep events. @default the deployment's logRetentionDays */
  logRetentionDays: logRetentionDays.optional(),
  services: z.array(serviceSchema).min(1, { error: "must list at least one service (omit ecs for none)" }),
  /** Load balancers in front of one service each. @default none */
  loadBalancers: z.array(loadBalancerSchema).default([]),
});

/** An ECR repository of the deployment's own images. */
const repositorySchema = z.strictObject({
  id: constructId,
  /** @default `<system>-<env>/<id in kebab case>` (environments may share an account) */
  name: z.string().regex(/^(?=.{2,256}$)[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/, {
    error: "must be 2-256 lowercase letters and digits with single ._- or / separators (ECR repository names)",
  }).optional(),
  /** Days an untagged image is kept. @default 14 */
  untaggedExpireDays: intBetween(1, 3650, "days").default(14),
  /** Tagged images kept, newest first. @default 50 */
  keepTaggedImages: intBetween(1, 10000, "images").default(50),
});

/** The `compute` fields of the containers half (./compute.ts spreads them). */
export const containersFields = {
  /** ECR repositories (scan on push, immutable tags, KMS, lifecycle rules). @default none */
  repositories: z.array(repositorySchema).default([]),
  /** An ECS cluster with Fargate services. @default none */
  ecs: ecsSchema.optional(),
  /** An EKS cluster with managed node groups, pinned add-ons (Container Insights among them) and IRSA (./compute-eks.ts). @default none */
  eks: eksSchema.optional(),
  /** AxonFlow's licence tier, published as PricingTierDeployed. @default none */
  pricingTier: enumOf(PRICING_TIERS).optional(),
  /**
   * Outputs under the names a seed gives them (seed 002's ClusterName,
   * AgentEndpoint, ...), each naming what it reports; published in the
   * `stack_outputs` contract map. @default none
   */
  stackOutputs: z.record(z.string().regex(/^[A-Z][A-Za-z0-9]{0,63}$/, { error: "must be 1-64 PascalCase letters and digits" }),
    z.strictObject({ source: enumOf(STACK_OUTPUT_SOURCES), id: z.string().optional() })).default({}),
};

/** A resolved ECS cluster. */
export interface EcsSettings {
  readonly id: string;
  readonly name: string;
  readonly containerInsights: "enabled" | "enhanced";
  /** Log group of ECS Exec sessions; undefined when exec is off. */
  readonly execLogGroupName?: string;
  readonly logRetentionDays: number;
  /** Cloud Map namespace of discoverable services; undefined when none is. */
  readonly discoveryNamespace?: string;
  readonly services: readonly EcsServiceSettings[];
  readonly loadBalancers: readonly LoadBalancerSettings[];
}

/** A seed-named output: what it reports. */
export interface StackOutputSettings {
  readonly source: (typeof STACK_OUTPUT_SOURCES)[number];
  readonly id?: string;
}

/** A resolved ECR repository. */
export interface RepositorySettings {
  readonly id: string;
  readonly name: string;
  readonly untaggedExpireDays: number;
  readonly keepTaggedImages: number;
}

/** Resolved containers settings. */
export interface ContainersSettings {
  readonly repositories: readonly RepositorySettings[];
  /** Alias of the key encrypting the repositories; undefined without any. */
  readonly imagesKeyAlias?: string;
  readonly ecs?: EcsSettings;
  readonly eks?: EksSettings;
  readonly pricingTier?: (typeof PRICING_TIERS)[number];
  readonly stackOutputs: Readonly<Record<string, StackOutputSettings>>;
}

type ContainersInput = z.output<z.ZodObject<typeof containersFields>>;

/**
 * Resolves the containers half of the compute section: names registered,
 * Fargate sizes and scaling bounds checked, references to workloads, stores,
 * the broker and other services resolved.
 */
export function resolveContainers(c: ContainersInput, ctx: LayerContext): ContainersSettings {
  const d = ctx.deployment;
  const repositories = c.repositories.map((r, i): RepositorySettings => {
    ctx.define("repository", r.id, `compute.repositories.${i}.id`);
    const name = ctx.name("ecr-repository", r.name ?? `${d.name}/${kebab(r.id)}`, r.name === undefined ? `compute.repositories.${i}.id` : `compute.repositories.${i}.name`, r.name ?? r.id);
    return { id: r.id, name, untaggedExpireDays: r.untaggedExpireDays, keepTaggedImages: r.keepTaggedImages };
  });
  const imagesKeyAlias = repositories.length > 0 ? ctx.name("kms-alias", `${d.name}-images`, "compute.repositories") : undefined;
  const ecs = c.ecs && resolveEcs(c.ecs, ctx);
  const eks = c.eks && resolveEks(c.eks, ctx);
  Object.entries(c.stackOutputs).forEach(([name, output]) => checkStackOutput(name, output, c, ctx));
  return { repositories, imagesKeyAlias, ecs, eks, pricingTier: c.pricingTier, stackOutputs: c.stackOutputs };
}

function resolveEcs(e: z.output<typeof ecsSchema>, ctx: LayerContext): EcsSettings {
  const d = ctx.deployment;
  const name = ctx.name("ecs-cluster", e.name ?? `${d.name}-cluster`, e.name === undefined ? "compute.ecs.id" : "compute.ecs.name", e.name ?? e.id);
  const retention = e.logRetentionDays ?? d.logRetentionDays;
  const discoverable = e.services.some((s) => s.discoverable);
  const discoveryNamespace = discoverable ? ctx.name("hosted-zone", `svc.${d.name}.internal`, "compute.ecs.services") : undefined;
  e.services.forEach((s, i) => ctx.define("service", s.id, `compute.ecs.services.${i}.id`));
  const services = e.services.map((s, i) => resolveService(s, i, { cluster: name, discoveryNamespace, services: e.services, loadBalancers: e.loadBalancers, retention }, ctx));
  const loadBalancers = e.loadBalancers.map((lb, i) => resolveLoadBalancer(lb, i, ctx));
  const execLogGroupName = e.executeCommand ? ctx.name("log-group", `/ecs/${d.name}/exec`, "compute.ecs.executeCommand", true) : undefined;
  return { id: e.id, name, containerInsights: e.containerInsights, execLogGroupName, logRetentionDays: retention, discoveryNamespace, services, loadBalancers };
}

function checkStackOutput(name: string, output: StackOutputSettings, c: ContainersInput, ctx: LayerContext): void {
  const field = `compute.stackOutputs.${name}`;
  const ids: Record<StackOutputSettings["source"], readonly string[] | undefined> = {
    clusterName: c.ecs ? [c.ecs.id] : [],
    serviceName: c.ecs?.services.map((s) => s.id) ?? [],
    loadBalancerUrl: c.ecs?.loadBalancers.map((lb) => lb.id) ?? [],
    storeEndpoint: ctx.idsOf("store"),
    pricingTier: undefined,
  };
  const known = ids[output.source];
  if (known === undefined) {
    if (c.pricingTier === undefined) ctx.problem(`${field}.source`, output.source, "needs compute.pricingTier");
    return;
  }
  if (output.id === undefined || !known.includes(output.id)) ctx.problem(`${field}.id`, output.id, `must name one of: ${known.join(", ") || "none declared"}`);
}

/** True when the deployment has any containers. */
export const containersUsed = (s: ContainersSettings): boolean => s.ecs !== undefined || s.eks !== undefined || s.repositories.length > 0;

const kebab = (id: string) => id.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
