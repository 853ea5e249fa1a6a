/**
 * `npm run preview -- <pull-request number> [<outdir>]`: synthesizes the
 * preview deployment of a pull request (config/preview.ts) into `outdir`
 * (default cdktf.out) and writes `<outdir>/preview-stacks.txt`, its own
 * layer stacks in apply order, one per line: what the preview workflow
 * applies, and destroys in reverse. The account's state stack is left out:
 * it is the integration-test account's, applied with its dev deployment.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { previewDeployment } from "../../config/preview";
import { resolveDeployments } from "../../config/resolve";
import { applyOrder, type StackManifest } from "../../lib/apply-order";
import { synthesize } from "../../lib/synth";
import { skipTokenTraces } from "../../lib/token-traces";
import { loadSynthDir } from "../../policies/engine/load";

const [number, outdir = "cdktf.out"] = process.argv.slice(2);
if (!/^[1-9]\d{0,5}$/.test(number ?? "")) {
  console.error(`usage: npm run preview -- <pull-request number 1-999999> [<outdir>] (got ${number ?? "nothing"})`);
  process.exit(2);
}
skipTokenTraces();
const [deployment] = resolveDeployments([previewDeployment(Number(number))]);
synthesize([deployment], outdir);
const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as StackManifest;
const own = loadSynthDir(outdir).map((s) => s.name).filter((name) => name.startsWith(`${deployment.name}-`) && !name.endsWith("-state"));
writeFileSync(join(outdir, "preview-stacks.txt"), `${applyOrder(manifest, own).join("\n")}\n`);
console.log(`${deployment.name}: ${own.length} stacks in ${outdir} (apply order in preview-stacks.txt)`);
