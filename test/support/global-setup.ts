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
  }
}

/** Synthesizes every deployment, and the examples, once; test files read the JSON from disk. */
export default function setup(project: TestProject): () => void {
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
  return () => rmSync(root, { recursive: true, force: true });
}
