/**
 * A synth to read: the directory given, or a fresh synth of every deployment
 * (the code as it is now) in a temporary directory removed when the process exits.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEPLOYMENT_INPUTS } from "../../config";
import { resolveDeployments } from "../../config/resolve";
import { isSynthDir } from "../../policies/engine/load";
import { synthesize } from "../../lib/synth";
import { skipTokenTraces } from "../../lib/token-traces";

/** `dir` when given (it must hold a synth), else a fresh synth of the working tree. */
export function synthDir(dir: string | undefined): string {
  if (dir) {
    if (!isSynthDir(dir)) throw new Error(`${dir} holds no cdktf synth (no manifest.json)`);
    return dir;
  }
  const root = mkdtempSync(join(tmpdir(), "insight-"));
  // The synth is only read by this process.
  process.on("exit", () => rmSync(root, { recursive: true, force: true }));
  const out = join(root, "cdktf.out");
  const restore = skipTokenTraces();
  try {
    synthesize(resolveDeployments(DEPLOYMENT_INPUTS), out);
  } finally {
    restore();
  }
  return out;
}
