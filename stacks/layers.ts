/**
 * Layers in apply order (SPEC.md) and the rules that keep them one hop
 * apart. A test over the synthesized manifest enforces the rules
 * (test/layers.test.ts).
 *
 * Rules:
 * - A deployment stack (`<system>-<env>-<layer>`) depends only on stacks of
 *   earlier layers of its own deployment, and on scope stacks.
 * - A scope stack (account: `<account>-<region>-<layer>`; organization:
 *   `organization-<layer>`) depends only on scope stacks of earlier layers;
 *   an account stack may also read its own layer's organization stack (an
 *   account's OAM link reads the organization's sink).
 * - Glue lives in the later layer: event-source mappings, subscriptions and
 *   targets in compute; API Gateway's lambda permission, WAF associations
 *   and DNS records in edge.
 * - What a workload needs at creation lives with it: the ALB, listener,
 *   target group and certificate of an ECS service are compute's.
 * - Workload security groups are network's; compute attaches them and only
 *   stores own their groups.
 * - Values cross a stack boundary only through named contracts
 *   (stacks/contracts.ts), which also record the dependency.
 */
export const LAYERS = [
  "state", "governance", "network", "data", "messaging", "compute", "edge", "observability",
] as const;
export type Layer = (typeof LAYERS)[number];

/** Where a stack lives: once per deployment, per account and region, or per organization. */
export type StackScope = "deployment" | "account" | "organization";

/**
 * The scopes each layer has stacks in. State exists once per account and
 * region; governance per organization (OUs, SCPs, the org trail) and per
 * account (OIDC provider, deploy roles, budgets); observability may add an
 * account-scoped stack for what exists once per account (OAM links) and an
 * organization-scoped one for what the organization shares (the OAM sink).
 */
export const LAYER_SCOPES: Readonly<Record<Layer, readonly StackScope[]>> = {
  state: ["account"],
  governance: ["organization", "account"],
  network: ["deployment"],
  data: ["deployment"],
  messaging: ["deployment"],
  compute: ["deployment"],
  edge: ["deployment", "account"],
  observability: ["deployment", "account", "organization"],
};

/** Position of a layer in apply order. */
export const layerIndex = (layer: Layer): number => LAYERS.indexOf(layer);

/** The layer a stack name ends in, or undefined. */
export function layerOf(stackName: string): Layer | undefined {
  return LAYERS.find((layer) => stackName.endsWith(`-${layer}`));
}

/** An account and region, or an organization: what a scope stack exists once per. */
export type ScopeRef =
  | { readonly kind: "account"; readonly account: string; readonly region: string }
  | { readonly kind: "organization"; readonly organization: string };

/** `<account>-<region>-<layer>` or `<organization>-organization-<layer>`: the names apply order and CI know scope stacks by. */
export function scopeStackName(scope: ScopeRef, layer: Layer): string {
  return scope.kind === "account" ? `${scope.account}-${scope.region}-${layer}` : `${scope.organization}-organization-${layer}`;
}
