/** Layers in apply order (SPEC.md). A deployment synthesizes the ones it uses. */
export const LAYERS = [
  "state", "governance", "network", "data", "messaging", "compute", "edge", "observability",
] as const;
export type Layer = (typeof LAYERS)[number];
