import { z } from "zod";
import { defineLayer } from "../context";
import { type ContainersSettings, containersFields, containersUsed, resolveContainers } from "./compute-containers";
import { type FunctionsSettings, functionsFields, functionsUsed, resolveFunctions } from "./compute-functions";

/** The `compute` section of a deployment: functions (./compute-functions.ts) and containers (./compute-containers.ts). */
export const computeSchema = z.strictObject({
  ...functionsFields,
  ...containersFields,
});

/** Resolved compute settings of a deployment. */
export interface ComputeSettings extends FunctionsSettings, ContainersSettings {}

/**
 * Compute layer: Lambda functions and container workloads (ECS, EKS, ECR),
 * with the load balancers that attach directly to a service. Each half keeps
 * its schema, checks and resolver in its own file.
 */
export const computeLayer = defineLayer({
  layer: "compute",
  schema: computeSchema.default(computeSchema.parse({})),
  resolve: (c, ctx): ComputeSettings => ({ ...resolveFunctions(c, ctx), ...resolveContainers(c, ctx) }),
  used: (s: ComputeSettings) => functionsUsed(s) || containersUsed(s),
});
