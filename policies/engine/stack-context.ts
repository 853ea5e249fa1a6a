import { referencesIn, type Reference } from "./references";
import type { StackJson, SynthesizedStack } from "./stack-json";
import type { ResourceView } from "./types";
import { block, isRecord } from "./values";

/** Suffix of the per-account bootstrap stacks (`<account>-<region>-state`). */
const STATE_STACK_SUFFIX = "-state";

/**
 * Everything a rule may know about the stack a resource sits in: its other
 * resources, the provider's `default_tags` (and so environment and layer),
 * and the other stacks of the same synth for cross-stack lookups.
 */
export class StackContext {
  readonly name: string;
  readonly json: StackJson;
  /** Tags of the default (un-aliased) AWS provider. */
  readonly defaultTags: Readonly<Record<string, string>>;
  readonly layer: string | undefined;
  readonly environment: string | undefined;
  /**
   * A bootstrap state stack: named `*-state` and tagged `layer = state`.
   * Both are required so a stack cannot claim the exception by name alone.
   */
  readonly isStateStack: boolean;
  /**
   * Production: the environment tag (state stacks join several, `dev+prod`)
   * includes `prod`. A stack without the tag counts as production, so a
   * missing tag never relaxes a rule.
   */
  readonly isProduction: boolean;
  /**
   * Holds data one edit must not destroy: production, or staging (whose
   * preset protects its data as production does, so that a change meets
   * production's guards one environment earlier). Untagged counts, as above.
   */
  readonly protectsData: boolean;
  /** Every stack of the synth, by name (this one included). */
  readonly run: ReadonlyMap<string, StackJson>;

  private readonly byType = new Map<string, ResourceView[]>();
  private readonly byAddress = new Map<string, ResourceView>();
  private readonly referenceCache = new WeakMap<object, Map<string, Reference[]>>();

  constructor(stack: SynthesizedStack, run?: readonly SynthesizedStack[]) {
    this.name = stack.name;
    this.json = stack.json;
    this.run = new Map((run ?? [stack]).map((s) => [s.name, s.json]));
    for (const mode of ["resource", "data"] as const) {
      for (const [type, byName] of Object.entries(stack.json[mode] ?? {})) {
        for (const [name, attributes] of Object.entries(byName)) {
          const address = mode === "data" ? `data.${type}.${name}` : `${type}.${name}`;
          const view: ResourceView = { mode, type, name, address, attributes };
          const key = mode === "data" ? `data.${type}` : type;
          this.byType.set(key, [...(this.byType.get(key) ?? []), view]);
          this.byAddress.set(address, view);
        }
      }
    }
    this.defaultTags = tagsOfProvider(this.provider("aws"));
    this.layer = this.defaultTags.layer;
    this.environment = this.defaultTags.environment;
    this.isStateStack = this.name.endsWith(STATE_STACK_SUFFIX) && this.layer === "state";
    const environments = this.environment?.split("+");
    this.isProduction = environments === undefined || environments.includes("prod");
    this.protectsData = this.isProduction || environments!.includes("staging");
  }

  /** Resources (not data sources) of a type, in file order. */
  resources(type: string): readonly ResourceView[] {
    return this.byType.get(type) ?? [];
  }

  /** Data sources of a type. */
  dataSources(type: string): readonly ResourceView[] {
    return this.byType.get(`data.${type}`) ?? [];
  }

  /** Every resource and data source. */
  all(): readonly ResourceView[] {
    return [...this.byAddress.values()];
  }

  /** A resource (`aws_vpc.Vpc`) or data source (`data.aws_partition.P`) by address. */
  get(address: string): ResourceView | undefined {
    return this.byAddress.get(address);
  }

  /** References inside one attribute of a resource (all attributes when omitted), cached. */
  referencesOf(resource: ResourceView, attribute?: string): readonly Reference[] {
    const cache = this.referenceCache.get(resource.attributes) ?? new Map<string, Reference[]>();
    this.referenceCache.set(resource.attributes, cache);
    const key = attribute ?? "*";
    if (!cache.has(key)) cache.set(key, referencesIn(attribute ? resource.attributes[attribute] : resource.attributes));
    return cache.get(key)!;
  }

  /** The resources and data sources of this stack a value refers to. */
  referencedBy(value: unknown): ResourceView[] {
    return referencesIn(value).flatMap((r) => {
      const target = r.kind === "resource" ? this.get(`${r.type}.${r.name}`) : r.kind === "data" ? this.get(`data.${r.type}.${r.name}`) : undefined;
      return target ? [target] : [];
    });
  }

  /**
   * Resources of `type` whose `attribute` refers to `target` (the usual link
   * from a companion resource, e.g. a bucket's public access block), or
   * holds the same literal as `target[literalKey]` (a bucket given by name).
   */
  referencing(target: ResourceView, type: string, attribute: string, literalKey?: string): ResourceView[] {
    const own = target.mode === "data" ? `data.${target.type}.${target.name}` : `${target.type}.${target.name}`;
    const literal = literalKey ? target.attributes[literalKey] : undefined;
    return this.resources(type).filter((candidate) => {
      const value = candidate.attributes[attribute];
      if (literal !== undefined && typeof literal === "string" && value === literal) return true;
      return this.referencesOf(candidate, attribute).some((r) => addressOf(r) === own);
    });
  }

  /** A provider configuration: the default one, or the one with `alias`. */
  provider(name: string, alias?: string): Record<string, unknown> | undefined {
    return (this.json.provider?.[name] ?? []).find((p) => (alias ? p.alias === alias : p.alias === undefined));
  }

  /**
   * Tags a resource ends up with: its provider's `default_tags` (honouring a
   * `provider = "aws.alias"` argument) overlaid with its own `tags`, which
   * is how the AWS provider computes `tags_all`.
   */
  effectiveTags(resource: ResourceView): Record<string, unknown> {
    const [name, alias] = typeof resource.attributes.provider === "string"
      ? resource.attributes.provider.replace(/^\$\{|\}$/g, "").split(".")
      : [resource.type.split("_")[0], undefined];
    const own = isRecord(resource.attributes.tags) ? resource.attributes.tags : {};
    return { ...tagsOfProvider(this.provider(name, alias)), ...own };
  }
}

/** The address a reference points at, in this module's address format. */
export function addressOf(reference: Reference): string {
  switch (reference.kind) {
    case "resource": return `${reference.type}.${reference.name}`;
    case "data": return `data.${reference.type}.${reference.name}`;
    default: return `${reference.kind}.${reference.name}`;
  }
}

function tagsOfProvider(provider: Record<string, unknown> | undefined): Record<string, string> {
  const tags = block(provider?.default_tags)?.tags;
  if (!isRecord(tags)) return {};
  return Object.fromEntries(Object.entries(tags).filter(([, v]) => typeof v === "string")) as Record<string, string>;
}
