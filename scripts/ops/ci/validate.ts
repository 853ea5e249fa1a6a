import { copyFileSync } from "node:fs";
import { join } from "node:path";
import type { StackManifest } from "../../../lib/apply-order";
import { initStep, lockFileOf } from "../steps";
import type { TerraformRunner } from "../terraform";
import type { StackInfo } from "../workspace";
import { providerSets } from "./provider-sets";

/** One job of the validate matrix: the stacks sharing a provider set, and its plugin cache key. */
export interface ValidateGroup {
  /** `aws 6.25.0 + random 3.7.2`. */
  readonly providers: string;
  /** Space-separated stack names (the job splits them). */
  readonly stacks: string;
  /** Digest of the provider set: the plugin cache's key, together with the lock files. */
  readonly cacheKey: string;
}

/**
 * The validate matrix: one entry per distinct `required_providers` block of
 * the manifest's stacks, so each job downloads its providers once into a
 * shared plugin cache and every stack of the group links to it.
 */
export function validateGroups(outdir: string, manifest: StackManifest): ValidateGroup[] {
  return providerSets(outdir, manifest).map((set) => ({ providers: set.label, stacks: set.stacks.join(" "), cacheKey: set.digest }));
}

/** How one stack validated. */
export interface ValidateResult {
  readonly stack: string;
  readonly ok: boolean;
  /** Terraform's output of the failing step. */
  readonly output: string;
}

/**
 * Validates stacks without any cloud credentials: the committed lock file
 * copied in, `terraform init -backend=false` (no state, no remote state
 * read; providers from TF_PLUGIN_CACHE_DIR when the workflow sets it,
 * checked against the lock file), then `terraform validate`. Every stack
 * is validated even after a failure, so one run reports all of them.
 */
export function ciValidate(stacks: readonly StackInfo[], locksDir: string, run: TerraformRunner): ValidateResult[] {
  return stacks.map((stack) => {
    const lock = lockFileOf(stack, locksDir);
    if (lock) copyFileSync(lock, join(stack.dir, ".terraform.lock.hcl"));
    const init = run(initStep(stack, locksDir, ["-backend=false", "-no-color"]).terraform!, { capture: true });
    if (init.status !== 0) return { stack: stack.name, ok: false, output: init.output };
    const validate = run([`-chdir=${stack.dir}`, "validate", "-no-color"], { capture: true });
    return { stack: stack.name, ok: validate.status === 0, output: validate.status === 0 ? "" : validate.output };
  });
}
