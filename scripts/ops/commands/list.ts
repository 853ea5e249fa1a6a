import type { Deployment } from "../../../config/deployment";
import { applyWaves, deploymentStacks, externalDependencies, type StackManifest } from "../../../lib/apply-order";
import type { StackInfo } from "../workspace";

/** One deployment's stacks in apply order, as `list --json` prints them. */
export interface DeploymentListing {
  readonly deployment: string;
  readonly region: string;
  readonly account: string;
  readonly stacks: readonly { readonly name: string; readonly wave: number; readonly kind: string; readonly dependencies: readonly string[] }[];
  /** Stacks of other deployments these depend on (applied with their own deployment). */
  readonly external: readonly string[];
}

/** Every deployment (or the named ones) with its stacks, waves and dependencies. */
export function listDeployments(manifest: StackManifest, infos: ReadonlyMap<string, StackInfo>, deployments: readonly Deployment[]): DeploymentListing[] {
  return deployments.map((d) => {
    const stacks = deploymentStacks(manifest, d);
    const waves = applyWaves(manifest, stacks);
    return {
      deployment: d.name,
      region: d.region,
      account: d.account.name,
      stacks: waves.flatMap((wave, i) => wave.map((name) => ({ name, wave: i + 1, kind: infos.get(name)?.kind ?? "layer", dependencies: [...manifest.stacks[name].dependencies].sort() }))),
      external: externalDependencies(manifest, stacks),
    };
  });
}

/** Human-readable listing: one block per deployment, stacks in apply order. */
export function formatListing(listings: readonly DeploymentListing[], infos: ReadonlyMap<string, StackInfo>, terraformVersion: string): string {
  const lines = [`Terraform pinned for CI: ${terraformVersion} (.github/terraform-version)`, "Apply order: wave by wave; stacks in one wave are independent. Destroy runs in reverse.", ""];
  for (const l of listings) {
    lines.push(`${l.deployment}  (${l.region}, account ${l.account}): ${l.stacks.length} stacks`);
    const width = Math.max(...l.stacks.map((s) => s.name.length));
    for (const s of l.stacks) {
      const shared = (infos.get(s.name)?.deployments.length ?? 1) > 1 ? `, shared with ${infos.get(s.name)!.deployments.filter((d) => d !== l.deployment).join(", ")}` : "";
      const note = s.kind === "state" ? `state backend${shared}` : `after ${s.dependencies.join(", ") || "nothing"}`;
      lines.push(`  wave ${s.wave}  ${s.name.padEnd(width)}  ${note}`);
    }
    if (l.external.length > 0) lines.push(`  also needs (other deployments): ${l.external.join(", ")}`);
    lines.push("");
  }
  return lines.join("\n");
}
