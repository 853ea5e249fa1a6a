/**
 * The monthly estimate of a synth: every resource priced by its type
 * (cost-pricers.ts) with the dated price table and the usage assumptions,
 * summed per stack and per deployment. Resources of a type with no pricer,
 * or a shape the table has no price for (an instance class missing from
 * it), are listed as not priced, never silently counted as zero.
 */
import { COST_ASSUMPTIONS, type CostAssumptions } from "../../config/cost-assumptions";
import { FREE, PRICERS, type Charge } from "./cost-pricers";
import { PRICE_TABLE, type PriceTable } from "./prices";
import type { DeploymentStacks, SynthModel } from "./synth-model";

export interface LineItem {
  readonly address: string;
  readonly type: string;
  readonly monthly: number;
  readonly charges: readonly Charge[];
}

export interface StackEstimate {
  readonly stack: string;
  readonly region: string | undefined;
  readonly monthly: number;
  readonly items: readonly LineItem[];
  /** `type.name` of resources with no price. */
  readonly notPriced: readonly string[];
}

export interface DeploymentEstimate {
  readonly deployment: string;
  readonly monthly: number;
  readonly stacks: readonly StackEstimate[];
}

/** Prices one deployment's stacks. */
export function estimateDeployment(model: SynthModel, deployment: DeploymentStacks, prices: PriceTable = PRICE_TABLE, usage: CostAssumptions = COST_ASSUMPTIONS): DeploymentEstimate {
  const stacks = deployment.stacks.map((stack) => {
    const items: LineItem[] = [];
    const notPriced: string[] = [];
    for (const resource of stack.all()) {
      if (resource.mode !== "resource" || FREE.has(resource.type)) continue;
      const charges = PRICERS[resource.type]?.({ stack, resource }, { model, prices, usage });
      if (!charges) notPriced.push(resource.address);
      else items.push({ address: resource.address, type: resource.type, monthly: sum(charges.map((c) => c.monthly)), charges });
    }
    const region = stack.provider("aws")?.region;
    return { stack: stack.name, region: typeof region === "string" ? region : undefined, monthly: sum(items.map((i) => i.monthly)), items, notPriced: notPriced.sort() };
  });
  return { deployment: deployment.name, monthly: sum(stacks.map((s) => s.monthly)), stacks };
}

/** Every deployment of a synth. */
export function estimateAll(model: SynthModel, prices: PriceTable = PRICE_TABLE, usage: CostAssumptions = COST_ASSUMPTIONS): DeploymentEstimate[] {
  return model.deployments().map((d) => estimateDeployment(model, d, prices, usage));
}

/** Monthly amount per resource type in an estimate, to compare with a seed's line items. */
export function byType(estimate: DeploymentEstimate): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const item of estimate.stacks.flatMap((s) => s.items)) totals[item.type] = (totals[item.type] ?? 0) + item.monthly;
  return totals;
}

/** Sums without floating-point drift beyond a cent's hundredth. */
const sum = (values: readonly number[]): number => Math.round(values.reduce((a, b) => a + b, 0) * 10_000) / 10_000;
