import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { StackManifest } from "../../../lib/apply-order";

/** Stacks that require exactly the same providers (sources and version constraints). */
export interface ProviderSet {
  /** The shared `required_providers` block. */
  readonly providers: Readonly<Record<string, { readonly source?: string; readonly version?: string }>>;
  /** The shared `required_version`, if any. */
  readonly requiredVersion?: string;
  /** Sorted stack names. */
  readonly stacks: readonly string[];
  /** `aws 6.25.0 + random 3.7.2`: for job names and logs. */
  readonly label: string;
  /** Short digest of the block, for cache keys. */
  readonly digest: string;
}

/**
 * Groups the manifest's stacks by their `required_providers` block, in
 * stack-name order of first appearance. Provider lock refreshes and the
 * credential-less validation both work once per group: one `providers lock`
 * per group, one provider plugin cache per group.
 */
export function providerSets(outdir: string, manifest: StackManifest): ProviderSet[] {
  const sets = new Map<string, { providers: ProviderSet["providers"]; requiredVersion?: string; stacks: string[] }>();
  for (const [name, stack] of Object.entries(manifest.stacks).sort(([a], [b]) => a.localeCompare(b))) {
    const path = stack.synthesizedStackPath ?? join("stacks", name, "cdk.tf.json");
    const json = JSON.parse(readFileSync(join(outdir, path), "utf8")) as { terraform?: { required_providers?: ProviderSet["providers"]; required_version?: string } };
    const providers = json.terraform?.required_providers;
    if (!providers || Object.keys(providers).length === 0) continue;
    const key = JSON.stringify(providers);
    const set = sets.get(key) ?? { providers, ...(json.terraform?.required_version ? { requiredVersion: json.terraform.required_version } : {}), stacks: [] };
    set.stacks.push(name);
    sets.set(key, set);
  }
  return [...sets.entries()].map(([key, set]) => ({
    ...set,
    label: Object.entries(set.providers).map(([name, p]) => `${name} ${p.version ?? "any"}`).sort().join(" + "),
    digest: createHash("sha256").update(key).digest("hex").slice(0, 16),
  }));
}
