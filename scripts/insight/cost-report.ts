/**
 * Estimates as text: a Markdown summary (one row per deployment and stack,
 * for the pull-request comment) and the full detail with each charge's basis.
 */
import type { DeploymentEstimate } from "./cost-model";
import { PRICE_TABLE } from "./prices";

const usd = (n: number): string => `$${n.toFixed(2)}`;

/** The header every report starts with: which table, how old, from where. */
export const priceTableLine = (): string =>
  `Prices: ${PRICE_TABLE.region} on-demand list prices dated ${PRICE_TABLE.date} (scripts/insight/prices.ts; source: ${PRICE_TABLE.source}). ` +
  `Usage assumptions: config/cost-assumptions.ts. Stacks in other regions are priced at ${PRICE_TABLE.region} rates.`;

/** One table row per stack, a total per deployment. */
export function costSummary(estimates: readonly DeploymentEstimate[]): string {
  const rows = ["| Deployment | Stack | Region | Monthly | Not priced |", "| --- | --- | --- | ---: | ---: |"];
  for (const d of estimates) {
    for (const s of d.stacks) rows.push(`| ${d.deployment} | ${s.stack} | ${s.region ?? "-"} | ${usd(s.monthly)} | ${s.notPriced.length} |`);
    rows.push(`| **${d.deployment}** | **total** | | **${usd(d.monthly)}** | |`);
  }
  return [priceTableLine(), "", ...rows, ""].join("\n");
}

/** Every priced resource with the basis of each charge, and the resources not priced. */
export function costDetail(estimates: readonly DeploymentEstimate[]): string {
  const lines = [priceTableLine(), ""];
  for (const d of estimates) {
    lines.push(`${d.deployment}: ${usd(d.monthly)}/month`);
    for (const s of d.stacks) {
      lines.push(`  ${s.stack} (${s.region ?? "no region"}): ${usd(s.monthly)}`);
      for (const item of s.items) {
        lines.push(`    ${usd(item.monthly).padStart(10)}  ${item.address}`);
        for (const c of item.charges) lines.push(`                ${usd(c.monthly).padStart(9)} = ${c.basis}`);
      }
      if (s.notPriced.length) lines.push(`    not priced: ${s.notPriced.join(", ")}`);
    }
    lines.push("");
  }
  return lines.join("\n");
}
