import type { Environment } from "../../../config/presets";
import type { PlanResult } from "./plan";
import type { StatefulChange } from "./plan-json";

/** The pull-request label that lets a plan destroying stateful resources pass; a reviewer other than the author adds it. */
export const ALLOW_DESTROY_LABEL = "allow-stateful-destroy";

/** Environments whose stateful resources the gate protects. */
export const GATED_ENVIRONMENTS: readonly Environment[] = ["staging", "prod"];

/** A gated stack whose plan deletes or replaces stateful resources. */
export interface GateFinding {
  readonly stack: string;
  readonly changes: readonly StatefulChange[];
}

/**
 * Whether the gate protects a stack: every stack of a staging or prod
 * deployment, and every state stack (its bucket, lock table and key hold the
 * state of all the account's stacks, dev included: losing it orphans every
 * resource they manage).
 */
export function isGated(stack: { readonly kind: "state" | "layer"; readonly environments: readonly Environment[] }): boolean {
  return stack.kind === "state" || stack.environments.some((e) => GATED_ENVIRONMENTS.includes(e));
}

/** The gated stacks whose plan destroys or replaces stateful resources, by stack name. */
export function gateFindings(results: readonly PlanResult[]): GateFinding[] {
  return results
    .filter((r) => r.gated && (r.stateful?.length ?? 0) > 0)
    .map((r) => ({ stack: r.stack, changes: r.stateful! }))
    .sort((a, b) => a.stack.localeCompare(b.stack));
}

/** `<stack>:<address>`, the form the apply workflow's `allow-destroy` input takes. */
export function qualified(stack: string, address: string): string {
  return `${stack}:${address}`;
}

/** Splits the `allow-destroy` input: entries separated by commas or white space. */
export function parseAllowList(input: string | undefined): string[] {
  return (input ?? "").split(/[\s,]+/).filter((e) => e.length > 0);
}

/** What the apply gate decided for one wave. */
export interface ApplyGateOutcome {
  /** Destroyed or replaced stateful resources nobody named: the apply stops. */
  readonly unapproved: readonly string[];
  /** Entries naming a stack of this wave that its plan does not destroy (a typo, or the plan changed). */
  readonly unused: readonly string[];
}

/**
 * The gate before an apply: every stateful resource a gated stack of the
 * wave would delete or replace must be named, as `<stack>:<address>`, in
 * the run's `allow-destroy` input. Entries for stacks of other waves are
 * left alone.
 */
export function applyGate(findings: readonly GateFinding[], waveStacks: readonly string[], allowed: readonly string[]): ApplyGateOutcome {
  const destroyed = findings.flatMap((f) => f.changes.map((c) => qualified(f.stack, c.address)));
  const inWave = allowed.filter((e) => waveStacks.some((s) => e.startsWith(`${s}:`)));
  return { unapproved: destroyed.filter((d) => !allowed.includes(d)), unused: inWave.filter((e) => !destroyed.includes(e)) };
}

/** One event of a pull request's issue-events list (the fields read here). */
export interface IssueEvent {
  readonly event: string;
  readonly actor?: { readonly login?: string } | null;
  readonly label?: { readonly name?: string } | null;
}

/**
 * Who approved destroying stateful resources: the person who last added
 * {@link ALLOW_DESTROY_LABEL}, provided the label is still on and that
 * person is not the pull request's author. Undefined when nobody did.
 */
export function labelApprover(events: readonly IssueEvent[], author: string, label = ALLOW_DESTROY_LABEL): string | undefined {
  let approver: string | undefined;
  for (const e of events) {
    if (e.label?.name !== label) continue;
    if (e.event === "labeled") approver = e.actor?.login ?? undefined;
    if (e.event === "unlabeled") approver = undefined;
  }
  return approver && approver !== author ? approver : undefined;
}
