import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { StackManifest } from "../../../lib/apply-order";

/** Which stacks a pull request touches, compared with its base branch, and why. */
export interface ChangeSet {
  /** Stacks to plan, sorted. */
  readonly changed: readonly string[];
  /** Stacks the base has and the head no longer synthesizes (their resources are NOT destroyed by this). */
  readonly removed: readonly string[];
  /** Stacks whose Terraform input is identical, sorted. */
  readonly unchanged: readonly string[];
  /** Why each changed stack is in `changed`. */
  readonly reasons: Readonly<Record<string, string>>;
}

/** One side of the comparison: a synth output and the repository it came from. */
export interface SynthSide {
  readonly outdir: string;
  readonly manifest: StackManifest;
  /** Root of the checkout, for `locks/` and `.github/terraform-version`. */
  readonly root: string;
}

/**
 * A stack needs a plan when what Terraform would read for it differs
 * between base and head: its `cdk.tf.json` with cdktf's `//` metadata
 * removed and keys sorted (construct paths and key order do not change a
 * plan), its committed provider lock file, or the pinned Terraform version.
 * Without a base (its synth failed), every stack is planned.
 */
export function changedStacks(head: SynthSide, base: SynthSide | undefined): ChangeSet {
  const headNames = Object.keys(head.manifest.stacks).sort();
  if (!base) return { changed: headNames, removed: [], unchanged: [], reasons: Object.fromEntries(headNames.map((n) => [n, "no base synth to compare with"])) };
  const baseNames = new Set(Object.keys(base.manifest.stacks));
  const versionChanged = readIfExists(join(head.root, ".github", "terraform-version")) !== readIfExists(join(base.root, ".github", "terraform-version"));
  const reasons: Record<string, string> = {};
  for (const name of headNames) {
    const reason = !baseNames.has(name)
      ? "new stack"
      : versionChanged
        ? "Terraform version changed"
        : normalizedStack(head, name) !== normalizedStack(base, name)
          ? "Terraform JSON changed"
          : readIfExists(lockPath(head, name)) !== readIfExists(lockPath(base, name))
            ? "provider lock file changed"
            : undefined;
    if (reason) reasons[name] = reason;
  }
  return {
    changed: headNames.filter((n) => reasons[n]),
    removed: [...baseNames].filter((n) => !head.manifest.stacks[n]).sort(),
    unchanged: headNames.filter((n) => !reasons[n]),
    reasons,
  };
}

/** A stack's Terraform JSON without cdktf's `//` comments, keys sorted, as one string. */
export function normalizedStack(side: SynthSide, name: string): string {
  const path = side.manifest.stacks[name].synthesizedStackPath ?? join("stacks", name, "cdk.tf.json");
  return JSON.stringify(normalize(JSON.parse(readFileSync(join(side.outdir, path), "utf8"))));
}

function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalize);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => key !== "//")
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, v]) => [key, normalize(v)]),
  );
}

function lockPath(side: SynthSide, name: string): string {
  return join(side.root, "locks", name, ".terraform.lock.hcl");
}

function readIfExists(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, "utf8") : undefined;
}

/**
 * The stacks each stack reads outputs from: a layer contract is read through
 * a `terraform_remote_state` data source named after the producer stack
 * (stacks/contracts.ts).
 */
export function remoteStateReads(outdir: string, manifest: StackManifest): Map<string, string[]> {
  const reads = new Map<string, string[]>();
  for (const [name, stack] of Object.entries(manifest.stacks)) {
    const path = stack.synthesizedStackPath ?? join("stacks", name, "cdk.tf.json");
    const json = JSON.parse(readFileSync(join(outdir, path), "utf8")) as { data?: { terraform_remote_state?: Record<string, unknown> } };
    reads.set(name, Object.keys(json.data?.terraform_remote_state ?? {}).filter((k) => k in manifest.stacks).sort());
  }
  return reads;
}
