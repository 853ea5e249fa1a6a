/**
 * `npm run check [-- <cdktf.out dir>]`: runs the platform policy pack over a
 * synth and exits 1 on any unsuppressed finding or invalid suppression.
 * Without a directory it checks ./cdktf.out, synthesizing every deployment
 * first when that folder does not exist.
 * `npm run check -- --rules-doc` rewrites docs/policy-rules.md instead.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEPLOYMENT_INPUTS } from "../config";
import { resolveDeployments } from "../config/resolve";
import { synthesize } from "../lib/synth";
import { isSynthDir, loadSynthDir } from "../policies/engine/load";
import { runPack } from "../policies/engine/run";
import { PLATFORM_PACK } from "../policies/pack";
import { formatReport } from "../policies/report";
import { rulesDocument } from "../policies/rules-doc";

const args = process.argv.slice(2);
if (args.includes("--rules-doc")) {
  writeFileSync(join(__dirname, "..", "docs", "policy-rules.md"), rulesDocument(PLATFORM_PACK));
  console.log(`docs/policy-rules.md: ${PLATFORM_PACK.entries.length} rules`);
} else {
  const dir = args[0] ?? "cdktf.out";
  if (!isSynthDir(dir)) {
    if (args[0]) throw new Error(`${dir} holds no cdktf synth (no manifest.json)`);
    synthesize(resolveDeployments(DEPLOYMENT_INPUTS), dir);
  }
  const started = process.hrtime.bigint();
  const result = runPack(PLATFORM_PACK, loadSynthDir(dir));
  console.log(formatReport(result, Number(process.hrtime.bigint() - started) / 1e6));
  process.exitCode = result.ok ? 0 : 1;
}
