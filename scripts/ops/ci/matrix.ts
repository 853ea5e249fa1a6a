import { applyWaves, type StackManifest } from "../../../lib/apply-order";
import { LAYERS } from "../../../stacks/layers";
import { OpsError } from "../errors";
import { planEnvironment, planRoleVariable, type StackInfo } from "../workspace";

/** One `include` entry of a plan or apply job matrix. */
export interface MatrixEntry {
  readonly stack: string;
  readonly deployment: string;
  readonly region: string;
  readonly kind: "state" | "layer";
  /** Repository variable with the deployment's read-only plan role (`vars[roleVariable]` in the workflow). */
  readonly roleVariable: string;
  /** The stack has a Cloudflare provider: plan and apply get CLOUDFLARE_API_TOKEN from an environment secret. */
  readonly cloudflare: boolean;
  /**
   * GitHub environment a plan job runs in: `<deployment>-plan` for a
   * Cloudflare stack (its read-only CLOUDFLARE_API_TOKEN), empty otherwise,
   * so every other plan keeps the pull_request / branch OIDC subject.
   */
  readonly planEnvironment: string;
}

/**
 * How many wave jobs the workflows define. Stacks depend along the layer
 * order, so a dependency chain is at most one stack per layer long; a longer
 * one fails {@link buildWaves} with a message saying what to add.
 */
export const MAX_WAVES = LAYERS.length;

/**
 * The matrix of each wave: `selected` stacks in dependency waves from the
 * manifest, each entry carrying what the job needs (region, role variable).
 * `asDeployment` (an apply) plans every stack with that deployment's role,
 * including a state stack it shares with another deployment of its account;
 * otherwise a shared state stack uses its first deployment's role.
 */
export function buildWaves(manifest: StackManifest, infos: ReadonlyMap<string, StackInfo>, selected: readonly string[], asDeployment?: string): MatrixEntry[][] {
  const waves = applyWaves(manifest, selected);
  if (waves.length > MAX_WAVES) {
    throw new OpsError(`${waves.length} dependency waves, but the workflows define ${MAX_WAVES} wave jobs: add wave jobs to .github/workflows/pull-request.yml and apply.yml (and MAX_WAVES)`);
  }
  return waves.map((wave) => wave.map((name) => entryOf(infos, name, asDeployment)));
}

/**
 * Step outputs for the workflow: `wave-1` .. `wave-N` (JSON arrays, `[]`
 * when empty), `wave-count`, `stacks` (names), and `entries` (every entry in
 * one array, for plans that need no order: drift detection).
 */
export function waveOutputs(waves: readonly MatrixEntry[][]): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (let i = 0; i < MAX_WAVES; i++) outputs[`wave-${i + 1}`] = JSON.stringify(waves[i] ?? []);
  outputs["wave-count"] = String(waves.length);
  outputs.stacks = JSON.stringify(waves.flat().map((e) => e.stack));
  outputs.entries = JSON.stringify(waves.flat());
  return outputs;
}

function entryOf(infos: ReadonlyMap<string, StackInfo>, name: string, asDeployment?: string): MatrixEntry {
  const info = infos.get(name);
  if (!info) throw new OpsError(`No description of stack ${name}`);
  const deployment = asDeployment && info.deployments.includes(asDeployment) ? asDeployment : info.deployment;
  const cloudflare = info.providers.includes("cloudflare");
  return { stack: name, deployment, region: info.region, kind: info.kind, roleVariable: planRoleVariable(deployment), cloudflare, planEnvironment: cloudflare ? planEnvironment(deployment) : "" };
}
