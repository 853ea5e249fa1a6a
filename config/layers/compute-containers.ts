import type { LayerContext } from "../context";

/**
 * The containers half of the compute layer. Its fields are spread into the
 * `compute` section (./compute.ts).
 * TODO(issue 15): the schema, checks and resolver.
 */
export const containersFields = {};

/** Resolved containers settings. */
export type ContainersSettings = Record<never, never>;

/** Resolves the containers half of the compute section. */
export const resolveContainers = (_parsed: object, _ctx: LayerContext): ContainersSettings => ({});

/** True when the deployment has any containers. */
export const containersUsed = (_settings: ContainersSettings): boolean => false;
