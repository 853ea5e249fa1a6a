/**
 * `npm run cost [-- <cdktf.out dir>] [--summary] [--deployment <name>]`:
 * the monthly estimate of every deployment (or one), from a fresh synth or
 * the synth given: the offline counterpart of the Infracost step in CI.
 * `--summary` prints the Markdown table the pull-request comment shows.
 */
import { estimateAll } from "./cost-model";
import { costDetail, costSummary } from "./cost-report";
import { synthDir } from "./synth-dir";
import { SynthModel } from "./synth-model";

const args = process.argv.slice(2);
const flagValue = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const only = flagValue("--deployment");
const dir = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--deployment");
const estimates = estimateAll(SynthModel.load(synthDir(dir))).filter((e) => !only || e.deployment === only);
if (only && estimates.length === 0) {
  console.error(`no deployment named ${only}`);
  process.exit(1);
}
console.log(args.includes("--summary") ? costSummary(estimates) : costDetail(estimates));
