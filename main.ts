import { DEPLOYMENT_INPUTS } from "./config";
import { ConfigError } from "./config/errors";
import { resolveDeployments } from "./config/resolve";
import { parseSelector, selectDeployments, UnknownDeploymentError } from "./lib/select";
import { synthesize } from "./lib/synth";
import { partFromEnv, synthesizeInParallel, SynthPartError, synthGroups, workersFor } from "./lib/synth-parallel";
import { skipTokenTraces } from "./lib/token-traces";
import { ModulePropsError } from "./modules/validate";

/**
 * Entry point of `cdktf synth` and `npm run synth`: validates every
 * deployment before building any construct, then synthesizes all of them, or
 * those named in DEPLOYMENTS / the arguments (e.g. `DEPLOYMENTS=commerce-prod`).
 * Above the measured size where it pays (lib/synth-parallel.ts), groups of
 * deployments are synthesized by child processes running this same file
 * (`SYNTH_PART`) and merged; `SYNTH_WORKERS=<n>` overrides the choice.
 */
async function main(): Promise<void> {
  skipTokenTraces();
  const deployments = resolveDeployments(DEPLOYMENT_INPUTS);
  const selected = selectDeployments(deployments, parseSelector([process.env.DEPLOYMENTS, ...process.argv.slice(2)]));
  const outdir = process.env.CDKTF_OUTDIR ?? "cdktf.out";
  const part = partFromEnv(process.env.SYNTH_PART);
  if (part) {
    synthesize(synthGroups(selected, part.count)[part.index], outdir, deployments);
    return;
  }
  const workers = Number(process.env.SYNTH_WORKERS) || workersFor(selected);
  const stackNames = workers > 1 ? await synthesizeInParallel(selected, outdir, workers, __filename) : synthesize(selected, outdir, deployments).stackNames;
  console.log(`Synthesized ${stackNames.length} stacks for ${selected.length} deployments into ${outdir}${workers > 1 ? ` (${workers} processes)` : ""}`);
}

main().catch((error: unknown) => {
  // Expected failures print their message only; anything else is a bug and keeps its stack.
  if (error instanceof ConfigError || error instanceof UnknownDeploymentError || error instanceof ModulePropsError || error instanceof SynthPartError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
});
