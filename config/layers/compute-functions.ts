import type { LayerContext } from "../context";

/**
 * The functions half of the compute layer. Its fields are spread into the
 * `compute` section (./compute.ts).
 * TODO(issue 14): the schema, checks and resolver.
 */
export const functionsFields = {};

/** Resolved functions settings. */
export type FunctionsSettings = Record<never, never>;

/** Resolves the functions half of the compute section. */
export const resolveFunctions = (_parsed: object, _ctx: LayerContext): FunctionsSettings => ({});

/** True when the deployment has any functions. */
export const functionsUsed = (_settings: FunctionsSettings): boolean => false;
