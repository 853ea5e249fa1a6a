import type { AccountRef } from "../config/deployment";
import { LAYER_SCOPES, LAYERS, scopeStackName } from "../stacks/layers";

/** One stack of cdktf's `manifest.json`, as far as ordering needs it. */
export interface ManifestStack {
  readonly name: string;
  /** Stacks that must be applied before this one (explicit and cross-stack references). */
  readonly dependencies: readonly string[];
  /** `stacks/<name>`, relative to the synth output directory. */
  readonly workingDirectory?: string;
  /** `stacks/<name>/cdk.tf.json`, relative to the synth output directory. */
  readonly synthesizedStackPath?: string;
}

/** cdktf's `manifest.json`, parsed. */
export interface StackManifest {
  readonly stacks: Readonly<Record<string, ManifestStack>>;
}

/** What ordering needs to know about a deployment: its name and where its state lives. */
export interface DeploymentRef {
  readonly name: string;
  readonly account: AccountRef;
  readonly region: string;
}

/** The manifest cannot be ordered: a stack depends on one that is not in it, or a name is unknown. */
export class ManifestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ManifestError";
  }
}

/** Stacks depend on each other in a circle, so no apply order exists. */
export class DependencyCycleError extends ManifestError {
  /** The stacks of one cycle, first stack repeated at the end. */
  readonly cycle: readonly string[];

  constructor(cycle: readonly string[]) {
    super(`Dependency cycle between stacks (each depends on the next): ${cycle.join(" -> ")}. Break it by removing a cross-stack reference or an explicit dependency.`);
    this.name = "DependencyCycleError";
    this.cycle = cycle;
  }
}

/**
 * Stacks grouped into waves: every stack of wave n depends only on stacks of
 * earlier waves, so a wave's stacks can be planned or applied in parallel.
 * With `subset`, only those stacks are ordered, but an ordering through a
 * stack outside the subset still counts (a -> x -> b keeps a before b).
 * Within a wave, stacks are sorted by layer (SPEC order, from the name's
 * `-<layer>` suffix), then by name, so the output is stable and reads in the
 * order the layers are documented.
 * @throws DependencyCycleError when the manifest has a cycle
 * @throws ManifestError on a dependency or subset name not in the manifest
 */
export function applyWaves(manifest: StackManifest, subset?: Iterable<string>): string[][] {
  const graph = dependencyGraph(manifest);
  const selected = subset === undefined ? [...graph.keys()] : [...new Set(subset)];
  const unknown = selected.filter((name) => !graph.has(name));
  if (unknown.length > 0) throw new ManifestError(`Unknown stack${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}. Known stacks: ${[...graph.keys()].sort().join(", ")}`);
  const inSubset = new Set(selected);
  const level = new Map<string, number>();
  const levelOf = (name: string): number => {
    const known = level.get(name);
    if (known !== undefined) return known;
    const upstream = upstreamOfGraph(graph, name).filter((u) => inSubset.has(u));
    // The graph is acyclic (checked above), so this recursion terminates.
    const value = upstream.length === 0 ? 0 : 1 + Math.max(...upstream.map(levelOf));
    level.set(name, value);
    return value;
  };
  const waves: string[][] = [];
  for (const name of [...inSubset].sort(byLayerThenName)) {
    const l = levelOf(name);
    (waves[l] ??= []).push(name);
  }
  return waves.filter((wave) => wave !== undefined);
}

/** Every stack of `subset` (default: all) in one apply order: the waves, flattened. */
export function applyOrder(manifest: StackManifest, subset?: Iterable<string>): string[] {
  return applyWaves(manifest, subset).flat();
}

/** Destroy order: the apply order reversed, so nothing is destroyed while a dependant still exists. */
export function destroyOrder(manifest: StackManifest, subset?: Iterable<string>): string[] {
  return applyOrder(manifest, subset).reverse();
}

/** Every stack `stack` depends on, directly or through others, sorted by name. */
export function upstreamOf(manifest: StackManifest, stack: string): string[] {
  const graph = dependencyGraph(manifest);
  if (!graph.has(stack)) throw new ManifestError(`Unknown stack: ${stack}`);
  return upstreamOfGraph(graph, stack).sort();
}

/**
 * The stacks that belong to a deployment, in apply order: the scope stacks
 * of its account and region (state first), the `<deployment>-<layer>`
 * stacks that exist, and the organization-scoped stacks they depend on.
 * Stacks of other deployments it depends on are not included (they are
 * applied with their own deployment); see {@link externalDependencies}.
 */
export function deploymentStacks(manifest: StackManifest, deployment: DeploymentRef): string[] {
  const names = new Set(Object.keys(manifest.stacks));
  const account = { kind: "account" as const, account: deployment.account.name, region: deployment.region };
  const own = LAYERS.flatMap((layer) => LAYER_SCOPES[layer].flatMap((scope) => {
    if (scope === "deployment") return [`${deployment.name}-${layer}`];
    return scope === "account" ? [scopeStackName(account, layer)] : [];
  })).filter((n) => names.has(n));
  const graph = dependencyGraph(manifest);
  const organization = own.flatMap((s) => upstreamOfGraph(graph, s)).filter((s) => s.includes("-organization-"));
  return applyOrder(manifest, [...new Set([...own, ...organization])]);
}

/** Dependencies of `stacks` that are not among them (e.g. another deployment's stack), sorted. */
export function externalDependencies(manifest: StackManifest, stacks: readonly string[]): string[] {
  const graph = dependencyGraph(manifest);
  const inside = new Set(stacks);
  return [...new Set(stacks.flatMap((s) => graph.get(s) ?? []))].filter((d) => !inside.has(d)).sort();
}

/**
 * The deployments each stack belongs to: a layer stack to its deployment, a
 * state stack to every deployment sharing that account and region (in the
 * given order). Stacks of no deployment are absent from the map.
 */
export function stackOwners<D extends DeploymentRef>(manifest: StackManifest, deployments: readonly D[]): Map<string, D[]> {
  const owners = new Map<string, D[]>();
  for (const d of deployments) {
    for (const stack of deploymentStacks(manifest, d)) owners.set(stack, [...(owners.get(stack) ?? []), d]);
  }
  return owners;
}

function byLayerThenName(a: string, b: string): number {
  return layerRank(a) - layerRank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

function layerRank(stack: string): number {
  const index = LAYERS.findIndex((layer) => stack.endsWith(`-${layer}`));
  return index < 0 ? LAYERS.length : index;
}

/** Adjacency list (stack -> direct dependencies), validated: every dependency exists and there is no cycle. */
function dependencyGraph(manifest: StackManifest): Map<string, readonly string[]> {
  const graph = new Map<string, readonly string[]>();
  for (const [key, stack] of Object.entries(manifest.stacks)) graph.set(key, stack.dependencies ?? []);
  for (const [name, deps] of graph) {
    const missing = deps.filter((d) => !graph.has(d));
    if (missing.length > 0) throw new ManifestError(`Stack ${name} depends on ${missing.join(", ")}, which ${missing.length > 1 ? "are" : "is"} not in the manifest`);
  }
  const cycle = findCycle(graph);
  if (cycle) throw new DependencyCycleError(cycle);
  return graph;
}

function upstreamOfGraph(graph: Map<string, readonly string[]>, stack: string): string[] {
  const seen = new Set<string>();
  const visit = (name: string): void => {
    for (const dep of graph.get(name) ?? []) {
      if (!seen.has(dep)) {
        seen.add(dep);
        visit(dep);
      }
    }
  };
  visit(stack);
  return [...seen];
}

/** One cycle of the graph (first node repeated at the end), or undefined when acyclic. */
function findCycle(graph: Map<string, readonly string[]>): string[] | undefined {
  const state = new Map<string, "visiting" | "done">();
  const path: string[] = [];
  const visit = (name: string): string[] | undefined => {
    state.set(name, "visiting");
    path.push(name);
    for (const dep of [...(graph.get(name) ?? [])].sort()) {
      if (state.get(dep) === "visiting") return [...path.slice(path.indexOf(dep)), dep];
      if (!state.has(dep)) {
        const found = visit(dep);
        if (found) return found;
      }
    }
    path.pop();
    state.set(name, "done");
    return undefined;
  };
  for (const name of [...graph.keys()].sort()) {
    if (!state.has(name)) {
      const found = visit(name);
      if (found) return found;
    }
  }
  return undefined;
}
