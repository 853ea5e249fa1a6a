/**
 * `npm run cost [-- <cdktf.out dir>] [--summary] [--deployment <name>] [--ceiling <usd>]`:
 * the monthly estimate of every deployment (or one), from a fresh synth or
 * the synth given: the offline counterpart of the Infracost step in CI.
 * `--summary` prints the Markdown table the pull-request comment shows;
 * `--ceiling` exits 1 when a deployment's estimate is above it (the preview
 * workflow's cost ceiling, checked before anything is applied).
 */
import { estimateAll } from "./cost-model";
import { costDetail, costSummary } from "./cost-report";
import { synthDir } from "./synth-dir";
import { SynthModel } from "./synth-model";

const args = process.argv.slice(2);
const VALUED = ["--deployment", "--ceiling"];
const flagValue = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const only = flagValue("--deployment");
const ceiling = flagValue("--ceiling") === undefined ? undefined : Number(flagValue("--ceiling"));
if (ceiling !== undefined && !(ceiling >= 0)) {
  console.error(`--ceiling ${flagValue("--ceiling")}: must be an amount in USD`);
  process.exit(2);
}
const dir = args.find((a, i) => !a.startsWith("--") && !VALUED.includes(args[i - 1]));
const estimates = estimateAll(SynthModel.load(synthDir(dir))).filter((e) => !only || e.deployment === only);
if (only && estimates.length === 0) {
  console.error(`no deployment named ${only}`);
  process.exit(1);
}
console.log(args.includes("--summary") ? costSummary(estimates) : costDetail(estimates));
const over = ceiling === undefined ? [] : estimates.filter((e) => e.monthly > ceiling);
for (const e of over) console.error(`${e.deployment}: estimated $${e.monthly.toFixed(2)}/month is above the ceiling of $${ceiling!.toFixed(2)}`);
if (over.length) process.exit(1);
