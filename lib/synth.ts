import { App } from "cdktf";
import { existsSync, renameSync, rmSync } from "node:fs";
import type { Deployment } from "../config/deployment";
import { buildStacks } from "../stacks/build";

/** What a synth produced. */
export interface SynthResult {
  readonly outdir: string;
  readonly stackNames: readonly string[];
}

/**
 * Synthesizes the deployments into `outdir` atomically: the app writes into a
 * sibling staging folder that replaces `outdir` only once every stack is
 * written, so a failure (a module's validation, a cdktf error) leaves the
 * previous output, or none, but never a half-written one.
 */
export function synthesize(deployments: readonly Deployment[], outdir: string, all: readonly Deployment[] = deployments): SynthResult {
  const staging = `${outdir}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  let stackNames: string[];
  try {
    // No stack trace on annotations: manifest.json then never carries machine-specific source paths.
    const app = new App({ outdir: staging, stackTraces: false });
    buildStacks(app, deployments, all);
    stackNames = app.node.children.map((stack) => stack.node.id);
    app.synth();
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  if (existsSync(outdir)) rmSync(outdir, { recursive: true, force: true });
  renameSync(staging, outdir);
  return { outdir, stackNames };
}
