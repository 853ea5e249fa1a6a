import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { StackManifest } from "../../../lib/apply-order";
import { OpsError } from "../errors";
import { terraformStep, type Step } from "../steps";
import type { TerraformRunner } from "../terraform";
import { providerSets } from "./provider-sets";

/** Platforms every lock file carries checksums for: CI runners and engineers' machines. */
export const LOCK_PLATFORMS = ["linux_amd64", "linux_arm64", "darwin_amd64", "darwin_arm64"] as const;

/** Stacks that require the same providers share one `terraform providers lock` run. */
export interface LockGroup {
  readonly workDir: string;
  readonly stacks: readonly string[];
  readonly lockStep: Step;
}

/**
 * Plans the lock refresh: one scratch directory per distinct
 * `required_providers` block holding only that block (so no backend or
 * remote state is touched, and nothing needs `terraform init`), and the
 * `terraform providers lock` command for it.
 */
export function lockGroups(outdir: string, manifest: StackManifest, scratch: string): LockGroup[] {
  return providerSets(outdir, manifest).map((set, i) => {
    const workDir = join(scratch, `providers-${i + 1}`);
    const terraform = { required_providers: set.providers, ...(set.requiredVersion ? { required_version: set.requiredVersion } : {}) };
    return { workDir, stacks: set.stacks, lockStep: { ...terraformStep([`-chdir=${workDir}`, "providers", "lock", ...LOCK_PLATFORMS.map((p) => `-platform=${p}`)]), prepare: () => writeConfig(workDir, terraform) } };
  });
}

/**
 * Regenerates `locks/<stack>/.terraform.lock.hcl` for every stack and
 * removes the lock folders of stacks that no longer exist. Returns the
 * stacks written and removed.
 */
export function refreshLocks(groups: readonly LockGroup[], manifest: StackManifest, locksDir: string, run: TerraformRunner): { written: string[]; removed: string[] } {
  const written: string[] = [];
  for (const group of groups) {
    group.lockStep.prepare?.();
    if (run(group.lockStep.terraform!).status !== 0) throw new OpsError(`terraform providers lock failed for ${group.stacks.join(", ")}`);
    const lock = join(group.workDir, ".terraform.lock.hcl");
    for (const stack of group.stacks) {
      mkdirSync(join(locksDir, stack), { recursive: true });
      copyFileSync(lock, join(locksDir, stack, ".terraform.lock.hcl"));
      written.push(stack);
    }
  }
  const removed = existsSync(locksDir)
    ? readdirSync(locksDir, { withFileTypes: true }).filter((e) => e.isDirectory() && !manifest.stacks[e.name]).map((e) => e.name)
    : [];
  for (const stale of removed) rmSync(join(locksDir, stale), { recursive: true, force: true });
  return { written, removed };
}

function writeConfig(workDir: string, terraform: object): void {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  writeFileSync(join(workDir, "main.tf.json"), `${JSON.stringify({ terraform }, null, 2)}\n`);
}
