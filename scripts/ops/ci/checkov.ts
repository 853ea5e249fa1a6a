import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import type { StackManifest } from "../../../lib/apply-order";
import { OpsError } from "../errors";

/** One skipped Checkov check: which check, on which stacks, and why. */
export interface CheckovSkip {
  readonly id: string;
  /** Stack name patterns (`*` matches any run of characters); `["*"]` for every stack. */
  readonly stacks: readonly string[];
  readonly reason: string;
}

/** A set of stacks scanned with the same skipped checks. */
export interface CheckovGroup {
  readonly dir: string;
  readonly skipChecks: readonly string[];
  readonly stacks: readonly string[];
}

/** Reads and validates the committed skip list: every entry needs an id, its stacks and a real reason. */
export function readCheckovSkips(file: string): CheckovSkip[] {
  const doc = parse(readFileSync(file, "utf8")) as { skips?: unknown } | null;
  const skips = (doc?.skips ?? []) as Partial<CheckovSkip>[];
  const problems: string[] = [];
  skips.forEach((s, i) => {
    if (typeof s.id !== "string" || !/^CKV2?_[A-Z0-9]+_\d+$/.test(s.id)) problems.push(`skips[${i}].id = ${JSON.stringify(s.id)}: must be a Checkov check id such as CKV_AWS_18`);
    if (!Array.isArray(s.stacks) || s.stacks.length === 0) problems.push(`skips[${i}].stacks: list the stack name patterns it applies to (["*"] for all)`);
    if (typeof s.reason !== "string" || s.reason.trim().length < 20) problems.push(`skips[${i}].reason: explain why the check does not apply (at least a sentence)`);
  });
  if (problems.length > 0) throw new OpsError(`Invalid Checkov skip list ${file}:\n  - ${problems.join("\n  - ")}`);
  return skips as CheckovSkip[];
}

/** True when `stack` matches a `*` pattern. */
export function matchesStack(pattern: string, stack: string): boolean {
  const regex = new RegExp(`^${pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
  return regex.test(stack);
}

/**
 * Lays out Checkov's input: each stack's `cdk.tf.json` copied without
 * `terraform.required_version`, grouped by the checks skipped for it.
 * Checkov's terraform_json parser raises "this method receives only dicts"
 * on that string (bridgecrewio/checkov#7454, unfixed in 3.3.x) and aborts
 * the whole scan; the field says nothing about resources, so dropping it
 * from the scanned copy loses no finding. Writes `<dest>/<n>/<stack>/cdk.tf.json`
 * and `<dest>/<n>/skip-checks.txt` (comma-separated, for `--skip-check`).
 */
export function prepareCheckovInput(outdir: string, manifest: StackManifest, skips: readonly CheckovSkip[], dest: string): CheckovGroup[] {
  rmSync(dest, { recursive: true, force: true });
  const byKey = new Map<string, string[]>();
  for (const stack of Object.keys(manifest.stacks).sort()) {
    const ids = [...new Set(skips.filter((s) => s.stacks.some((p) => matchesStack(p, stack))).map((s) => s.id))].sort();
    const key = ids.join(",");
    byKey.set(key, [...(byKey.get(key) ?? []), stack]);
  }
  return [...byKey.entries()].map(([key, stacks], i) => {
    const dir = join(dest, String(i + 1));
    for (const stack of stacks) {
      const path = manifest.stacks[stack].synthesizedStackPath ?? join("stacks", stack, "cdk.tf.json");
      const json = JSON.parse(readFileSync(join(outdir, path), "utf8")) as { terraform?: Record<string, unknown> };
      if (json.terraform) delete json.terraform.required_version;
      mkdirSync(join(dir, stack), { recursive: true });
      writeFileSync(join(dir, stack, "cdk.tf.json"), JSON.stringify(json, null, 2));
    }
    writeFileSync(join(dir, "skip-checks.txt"), key);
    return { dir, skipChecks: key ? key.split(",") : [], stacks };
  });
}
