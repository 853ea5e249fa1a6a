import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { DEPLOYMENT_INPUTS } from "../../config";
import { resolveDeployments } from "../../config/resolve";
import { synthesize } from "../../lib/synth";

declare module "vitest" {
  export interface ProvidedContext {
    /** cdktf.out of all deployments, synthesized once for the whole run. */
    synthDir: string;
  }
}

/** Synthesizes every deployment once; test files read the JSON from disk. */
export default function setup(project: TestProject): () => void {
  const root = mkdtempSync(join(tmpdir(), "platform-synth-"));
  const outdir = join(root, "cdktf.out");
  synthesize(resolveDeployments(DEPLOYMENT_INPUTS), outdir);
  project.provide("synthDir", outdir);
  return () => rmSync(root, { recursive: true, force: true });
}
