import { createHash } from "node:crypto";
import { OpsError } from "../errors";
import { isStateful } from "./stateful-types";

/** One entry of `resource_changes` in `terraform show -json <plan>` (the fields read here). */
export interface ResourceChange {
  readonly address: string;
  /** Set when a `moved` block renamed the resource in this plan. */
  readonly previous_address?: string;
  readonly mode?: "managed" | "data";
  readonly type: string;
  readonly change: {
    /** `["no-op"]`, `["create"]`, `["read"]`, `["update"]`, `["delete"]`, `["delete","create"]`, `["create","delete"]`, `["forget"]`. */
    readonly actions: readonly string[];
    readonly before?: unknown;
    readonly after?: unknown;
    readonly after_unknown?: unknown;
    readonly before_sensitive?: unknown;
    readonly after_sensitive?: unknown;
  };
}

interface StateModule {
  readonly resources?: readonly { readonly mode?: string }[];
  readonly child_modules?: readonly StateModule[];
}

/** The parts of Terraform's JSON plan representation the scripts use. */
export interface PlanJson {
  readonly format_version?: string;
  readonly resource_changes?: readonly ResourceChange[];
  readonly output_changes?: Readonly<Record<string, unknown>>;
  readonly prior_state?: { readonly values?: { readonly root_module?: StateModule } };
}

/** A stateful resource that a plan deletes or replaces. */
export interface StatefulChange {
  readonly address: string;
  readonly type: string;
  /** `delete`: destroyed; `replace`: destroyed and created again (either order). */
  readonly action: "delete" | "replace";
  /** The address before a `moved` block renamed it in the same plan. */
  readonly previousAddress?: string;
}

/** Parses `terraform show -json` output, failing clearly on anything else. */
export function parsePlanJson(text: string): PlanJson {
  let plan: unknown;
  try {
    plan = JSON.parse(text);
  } catch {
    throw new OpsError("terraform show -json did not print JSON");
  }
  if (plan === null || typeof plan !== "object" || !("format_version" in plan)) throw new OpsError("terraform show -json printed JSON that is not a plan");
  return plan as PlanJson;
}

/** Whether a change's actions destroy the existing object: `delete` or a replacement. */
export function destructiveAction(actions: readonly string[]): StatefulChange["action"] | undefined {
  if (!actions.includes("delete")) return undefined;
  return actions.includes("create") ? "replace" : "delete";
}

/**
 * Managed resources of {@link STATEFUL_RESOURCE_TYPES} that the plan deletes
 * or replaces, sorted by address. A `moved` rename alone (`no-op` or
 * `update` with a `previous_address`) and `forget` (a `removed` block that
 * keeps the object) destroy nothing and are not listed.
 */
export function statefulChanges(plan: PlanJson): StatefulChange[] {
  const changes: StatefulChange[] = [];
  for (const rc of plan.resource_changes ?? []) {
    const action = destructiveAction(rc.change.actions);
    if ((rc.mode ?? "managed") !== "managed" || !action || !isStateful(rc.type)) continue;
    changes.push({ address: rc.address, type: rc.type, action, ...(rc.previous_address ? { previousAddress: rc.previous_address } : {}) });
  }
  return changes.sort((a, b) => a.address.localeCompare(b.address));
}

/** Whether the state the plan was made against holds any managed resource, i.e. the stack was applied before. */
export function hasAppliedResources(plan: PlanJson): boolean {
  const any = (m: StateModule | undefined): boolean => !!m && ((m.resources ?? []).some((r) => (r.mode ?? "managed") === "managed") || (m.child_modules ?? []).some(any));
  return any(plan.prior_state?.values?.root_module);
}

/**
 * A digest of what a plan changes: every resource change (address, actions,
 * values before and after) and every output change, keys sorted. Two plans
 * of the same configuration against the same state have the same
 * fingerprint; so an apply whose saved plan expired can plan again and apply
 * only if nothing differs from what the reviewer approved. Values enter only
 * the hash, never a file.
 */
export function planFingerprint(plan: PlanJson): string {
  const changes = (plan.resource_changes ?? []).map((rc) => ({ address: rc.address, previous: rc.previous_address ?? null, ...rc.change }));
  return createHash("sha256").update(JSON.stringify(sortKeys({ changes, outputs: plan.output_changes ?? {} }))).digest("hex");
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
}
