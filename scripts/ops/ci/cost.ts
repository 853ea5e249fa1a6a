import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Infracost's estimate for one stack's plan: monthly cost before and after, and the difference. */
export interface StackCost {
  readonly stack: string;
  readonly currency: string;
  readonly before: number;
  readonly after: number;
  readonly diff: number;
}

/** Where a plan job leaves Infracost's JSON output: `<results>/<stack>/infracost.json`. */
export const INFRACOST_FILE = "infracost.json";

/**
 * Reads `infracost breakdown --path <plan JSON> --format json` output.
 * Infracost writes amounts as decimal strings (null when nothing is priced),
 * and `pastTotalMonthlyCost`/`diffTotalMonthlyCost` compare with the state
 * the plan was made against.
 */
export function readInfracost(resultsDir: string, stack: string): StackCost | undefined {
  const file = join(resultsDir, stack, INFRACOST_FILE);
  if (!existsSync(file)) return undefined;
  const doc = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  const amount = (key: string) => Number(doc[key] ?? 0) || 0;
  const after = amount("totalMonthlyCost");
  const before = amount("pastTotalMonthlyCost");
  return { stack, currency: typeof doc.currency === "string" ? doc.currency : "USD", before, after, diff: doc.diffTotalMonthlyCost == null ? after - before : amount("diffTotalMonthlyCost") };
}

/** The cost section of the plan report: the total monthly difference, then one row per stack that changes cost. */
export function renderCosts(costs: readonly StackCost[]): string[] {
  if (costs.length === 0) return [];
  const currency = costs[0].currency;
  const total = costs.reduce((n, c) => n + c.diff, 0);
  const changed = costs.filter((c) => Math.abs(c.diff) >= 0.005).sort((a, b) => Math.abs(b.diff) - Math.abs(a.diff));
  const lines = ["", `**Monthly cost (Infracost): ${signed(total, currency)}** over ${costs.length} planned stack${costs.length === 1 ? "" : "s"} (usage-based costs not included).`];
  if (changed.length > 0) {
    lines.push("", "| stack | monthly before | monthly after | change |", "|---|---|---|---|");
    for (const c of changed) lines.push(`| \`${c.stack}\` | ${money(c.before, currency)} | ${money(c.after, currency)} | ${signed(c.diff, currency)} |`);
  }
  return lines;
}

function money(amount: number, currency: string): string {
  return `${amount.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;
}

function signed(amount: number, currency: string): string {
  return `${amount >= 0 ? "+" : "−"}${money(Math.abs(amount), currency)}`;
}
