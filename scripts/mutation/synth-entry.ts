/**
 * Synthesizes every deployment and the examples, as the test run's global
 * setup does (test/support/global-setup.ts), into the two folders named on
 * the command line. scripts/mutation/run.ts bundles it once per mutant with
 * the mutated source in place of the file on disk.
 */
import { DEPLOYMENT_INPUTS } from "../../config";
import { resolveDeployments } from "../../config/resolve";
import { synthesize } from "../../lib/synth";
import { skipTokenTraces } from "../../lib/token-traces";
import { EXAMPLE_ACCOUNTS, EXAMPLE_INPUTS } from "../../test/examples";

const [outdir, examplesDir] = process.argv.slice(2);
skipTokenTraces();
try {
  synthesize(resolveDeployments(DEPLOYMENT_INPUTS), outdir);
  synthesize(resolveDeployments(EXAMPLE_INPUTS, EXAMPLE_ACCOUNTS), examplesDir);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
