import type { z } from "zod";
import type { DeploymentBase, LayerSettings } from "./deployment";
import type { NameKindId } from "./names";
import type { RefKind } from "./refs";

/** What a layer's resolver may read and record while resolving one deployment. */
export interface LayerContext {
  /** The deployment's identity and environment-wide settings, presets applied. */
  readonly deployment: DeploymentBase;
  /** Reports `<deployment>: <field> = <value>: <allowed>`. */
  problem(field: string, value: unknown, allowed: string): void;
  /** Declares an id this layer owns (reference registry). */
  define(kind: RefKind, id: string, field: string): void;
  /** Declares a reference from this layer to an id of its own or an earlier layer. */
  use(kinds: RefKind | readonly RefKind[], id: string, field: string): void;
  /** Ids of a kind defined so far (by this or earlier layers), in definition order. */
  idsOf(kind: RefKind): string[];
  /**
   * Resolved settings of an earlier layer, for checks on what an id names
   * (a table's stream, a queue's type); undefined for this layer or a later one.
   */
  settingsOf<L extends keyof LayerSettings>(layer: L): LayerSettings[L] | undefined;
  /**
   * Registers an AWS name this deployment creates (name registry) and returns
   * it; `field` and `value` say what in config the name is built from.
   * @default value the name itself
   */
  name(kind: NameKindId, name: string, field: string, value?: unknown): string;
}

/**
 * One layer's config: what a deployment may write (`schema`, with defaults
 * on the zod fields), how it resolves into the settings stacks read
 * (`resolve`), and whether a deployment has a stack of the layer at all.
 */
export interface LayerConfig<S extends z.ZodType = z.ZodType, Settings = unknown, L extends keyof LayerSettings = keyof LayerSettings> {
  readonly layer: L;
  readonly schema: S;
  resolve(parsed: z.output<S>, ctx: LayerContext): Settings;
  /** True when the deployment synthesizes this layer's stack. */
  used(settings: Settings): boolean;
}

/** Declares a layer config with its types inferred. */
export const defineLayer = <S extends z.ZodType, Settings, L extends keyof LayerSettings>(config: LayerConfig<S, Settings, L>): LayerConfig<S, Settings, L> => config;

