/**
 * The synthesized stacks as the insight tools read them: grouped by
 * deployment through each stack's provider `default_tags` (system,
 * environment, layer), with references resolved across stacks through the
 * contracts (`data.terraform_remote_state.<producer>.outputs.<name>` is
 * followed into the producer's output value). Nothing here knows a resource
 * type: the tools above decide what each type means.
 */
import { loadSynthDir } from "../../policies/engine/load";
import { referencesIn, type Reference } from "../../policies/engine/references";
import { StackContext } from "../../policies/engine/stack-context";
import type { SynthesizedStack } from "../../policies/engine/stack-json";
import type { ResourceView } from "../../policies/engine/types";

/** Order in which layers are drawn and listed: the traffic path first, then what supports it. */
export const LAYER_ORDER = ["edge", "compute", "messaging", "data", "network", "observability", "governance"];

/** A resource in one stack of the synth. */
export interface Located {
  readonly stack: StackContext;
  readonly resource: ResourceView;
}

/** One deployment's layer stacks, in LAYER_ORDER (unknown layers last, by name). */
export interface DeploymentStacks {
  readonly name: string;
  readonly system: string;
  readonly environment: string;
  readonly stacks: readonly StackContext[];
}

/** Every stack of a synth, by name, for cross-stack lookups. */
export class SynthModel {
  readonly stacks: ReadonlyMap<string, StackContext>;

  constructor(stacks: readonly SynthesizedStack[]) {
    this.stacks = new Map(stacks.map((s) => [s.name, new StackContext(s, stacks)]));
  }

  /** Reads a cdktf.out directory. */
  static load(dir: string): SynthModel {
    return new SynthModel(loadSynthDir(dir));
  }

  /** Layer stacks grouped by deployment (`<system>-<environment>`), sorted by name; scope stacks (state, organization) are not deployments. */
  deployments(): DeploymentStacks[] {
    const byName = new Map<string, DeploymentStacks & { stacks: StackContext[] }>();
    for (const stack of this.stacks.values()) {
      const { system, environment, layer } = stack.defaultTags;
      if (!system || !environment || !layer || stack.isStateStack || stack.name !== `${system}-${environment}-${layer}`) continue;
      const name = `${system}-${environment}`;
      if (!byName.has(name)) byName.set(name, { name, system, environment, stacks: [] });
      byName.get(name)!.stacks.push(stack);
    }
    for (const d of byName.values()) d.stacks.sort((a, b) => layerRank(a.layer!) - layerRank(b.layer!) || a.layer!.localeCompare(b.layer!));
    return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The resources a value in `stack` refers to, following remote-state reads into the producer's outputs. */
  resolve(stack: StackContext, value: unknown, depth = 0): Located[] {
    return referencesIn(value).flatMap((reference) => this.resolveReference(stack, reference, depth));
  }

  private resolveReference(stack: StackContext, reference: Reference, depth: number): Located[] {
    if (reference.kind === "resource") {
      const resource = stack.get(`${reference.type}.${reference.name}`);
      return resource ? [{ stack, resource }] : [];
    }
    if (reference.kind !== "data" || reference.type !== "terraform_remote_state" || reference.attributes[0] !== "outputs" || depth > 4) return [];
    const producer = this.stacks.get(reference.name);
    const [output, ...keys] = reference.attributes.slice(1);
    let value: unknown = producer?.json.output?.[output]?.value;
    for (const key of keys) value = typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : value;
    return producer ? this.resolve(producer, value, depth + 1) : [];
  }
}

/** Rank of a layer in LAYER_ORDER (unknown layers after every known one). */
export const layerRank = (layer: string): number => {
  const index = LAYER_ORDER.indexOf(layer);
  return index === -1 ? LAYER_ORDER.length : index;
};

/** `stack/address`, unique across a synth. */
export const keyOf = (located: Located): string => `${located.stack.name}/${located.resource.address}`;
