import { DEPLOYMENT_INPUTS } from "./config";
import { ConfigError } from "./config/errors";
import { resolveDeployments } from "./config/resolve";
import { parseSelector, selectDeployments, UnknownDeploymentError } from "./lib/select";
import { synthesize } from "./lib/synth";

/**
 * Entry point of `cdktf synth` and `npm run synth`: validates every
 * deployment before building any construct, then synthesizes all of them, or
 * those named in DEPLOYMENTS / the arguments (e.g. `DEPLOYMENTS=commerce-prod`).
 */
function main(): void {
  const deployments = resolveDeployments(DEPLOYMENT_INPUTS);
  const selected = selectDeployments(deployments, parseSelector([process.env.DEPLOYMENTS, ...process.argv.slice(2)]));
  const result = synthesize(selected, process.env.CDKTF_OUTDIR ?? "cdktf.out");
  console.log(`Synthesized ${result.stackNames.length} stacks for ${selected.length} deployments into ${result.outdir}`);
}

try {
  main();
} catch (error) {
  if (error instanceof ConfigError || error instanceof UnknownDeploymentError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
