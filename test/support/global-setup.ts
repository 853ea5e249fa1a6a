import { build } from "esbuild";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { DEPLOYMENT_INPUTS } from "../../config";
import { resolveDeployments } from "../../config/resolve";
import { synthesize } from "../../lib/synth";
import { skipTokenTraces } from "../../lib/token-traces";
import { EXAMPLE_ACCOUNTS, EXAMPLE_INPUTS } from "../examples";

declare module "vitest" {
  export interface ProvidedContext {
    /** cdktf.out of all deployments, synthesized once for the whole run. */
    synthDir: string;
    /** cdktf.out of the example deployments (test/examples/). */
    examplesDir: string;
    /** scripts/ops/cli.ts bundled once for the run (see opsBundle). */
    opsCli: string;
  }
}

const ROOT = join(__dirname, "..", "..");

/**
 * The operator CLI bundled by esbuild, as scripts/synth.mjs bundles main.ts: the
 * CLI suites start it a dozen times, and plain node loads the bundle in half
 * the time tsx takes to compile the same sources on every start. It lives two
 * folders under the repository (REPO_ROOT in scripts/ops/workspace.ts is two
 * folders up from the code) so node_modules resolve as usual; per process, so
 * concurrent runs never share one.
 */
async function opsBundle(): Promise<string> {
  const outfile = join(ROOT, ".build", "ops", `cli.${process.pid}.cjs`);
  await build({ entryPoints: [join(ROOT, "scripts", "ops", "cli.ts")], outfile, bundle: true, packages: "external", platform: "node", format: "cjs", keepNames: true, logLevel: "error" });
  return outfile;
}

/** Synthesizes every deployment, and the examples, once; test files read the JSON from disk. */
export default async function setup(project: TestProject): Promise<() => void> {
  const opsCli = opsBundle();
  const root = mkdtempSync(join(tmpdir(), "platform-synth-"));
  const outdir = join(root, "cdktf.out");
  const examples = join(root, "examples.out");
  // As main.ts does: no per-token stack traces while synthesizing (the output is the same).
  const restoreTraces = skipTokenTraces();
  try {
    synthesize(resolveDeployments(DEPLOYMENT_INPUTS), outdir);
    synthesize(resolveDeployments(EXAMPLE_INPUTS, EXAMPLE_ACCOUNTS), examples);
  } finally {
    restoreTraces();
  }
  project.provide("synthDir", outdir);
  project.provide("examplesDir", examples);
  project.provide("opsCli", await opsCli);
  return () => {
    rmSync(root, { recursive: true, force: true });
    rmSync(join(ROOT, ".build", "ops", `cli.${process.pid}.cjs`), { force: true });
  };
}
