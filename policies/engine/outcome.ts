import type { Outcome } from "./types";

/** The resource meets the rule. */
export const pass = (): Outcome => ({ status: "compliant" });

/** The resource breaks the rule; `reason` names the attribute and the value found. */
export const fail = (reason: string): Outcome => ({ status: "non_compliant", reason });

/** The rule does not concern this resource. */
export const skip = (note?: string): Outcome => (note ? { status: "not_applicable", note } : { status: "not_applicable" });

/** A needed value is an unresolved reference, known only at plan time. */
export const unknown = (reason: string): Outcome => ({ status: "unknown", reason });

/**
 * Combines the outcomes of several requirements of one rule: any failure
 * fails (reasons joined), else any unknown is unknown, else compliant when
 * at least one applied, else not applicable.
 */
export function combine(outcomes: readonly Outcome[]): Outcome {
  const failures = outcomes.flatMap((o) => (o.status === "non_compliant" ? [o.reason] : []));
  if (failures.length > 0) return fail(failures.join("; "));
  const unknowns = outcomes.flatMap((o) => (o.status === "unknown" ? [o.reason] : []));
  if (unknowns.length > 0) return unknown(unknowns.join("; "));
  if (outcomes.some((o) => o.status === "compliant")) return pass();
  return skip();
}
