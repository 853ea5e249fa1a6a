import { Token } from "cdktf";
import type { Construct } from "constructs";

/** What one prop must satisfy: `when` spots a bad value, `allowed` says what would be accepted. */
export interface Rule<T> {
  readonly when: (value: T) => boolean;
  readonly allowed: string;
}

/** One prop paired with one rule, ready for {@link validateProps}. */
export interface PropCheck {
  readonly prop: string;
  readonly value: unknown;
  readonly isBad: () => boolean;
  readonly allowed: string;
}

/** Pairs a prop's value with a rule; `prop` is how the message names it, e.g. `settings.identifier`. */
export function check<T>(prop: string, value: T | undefined, rule: Rule<T>): PropCheck {
  return { prop, value, isBad: () => rule.when(value as T), allowed: rule.allowed };
}

/** Thrown by a module whose props AWS (or the module itself) would refuse; carries every problem at once. */
export class ModulePropsError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid module props (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n` + problems.map((p) => `  - ${p}`).join("\n"));
    this.name = "ModulePropsError";
  }
}

/**
 * Runs a module's checks before it builds anything (as aws-cdk-lib's
 * `validateAllProps`) and throws one {@link ModulePropsError} listing each
 * failure as `<construct path>: <prop> = <value>: <allowed>`. Unset props and
 * unresolved tokens are skipped: their values exist only at apply time.
 */
export function validateProps(scope: Construct, checks: readonly PropCheck[]): void {
  const problems = checks
    .filter((c) => c.value !== undefined && !Token.isUnresolved(c.value) && c.isBad())
    .map((c) => `${scope.node.path}: ${c.prop} = ${JSON.stringify(c.value)}: ${c.allowed}`);
  if (problems.length > 0) throw new ModulePropsError(problems);
}

/** A whole number from `min` to `max`; `what` names the AWS limit. */
export const between = (min: number, max: number, what: string): Rule<number> => ({
  when: (v) => !Number.isInteger(v) || v < min || v > max,
  allowed: `must be a whole number from ${min} to ${max} (${what})`,
});

/** One of a fixed set of values; `what` names the AWS limit. */
export const oneOf = (values: readonly (string | number)[], what: string): Rule<string | number> => ({
  when: (v) => !values.includes(v),
  allowed: `must be one of: ${values.join(", ")} (${what})`,
});

/** At most `max` characters; `what` names the AWS limit. */
export const maxLength = (max: number, what: string): Rule<string> => ({
  when: (v) => v.length > max,
  allowed: `must be at most ${max} characters (${what})`,
});

/** A string matching `pattern`; `allowed` says in words what the pattern accepts. */
export const matches = (pattern: RegExp, allowed: string): Rule<string> => ({
  when: (v) => !pattern.test(v),
  allowed,
});

/**
 * A value `problemOf` finds nothing wrong with, for checks whose message
 * depends on the value (an event pattern that is not JSON, or a field that
 * is not a list). Unresolved tokens are never judged.
 */
export function accepted<T>(value: T | undefined, problemOf: (v: T) => string | undefined): Rule<T> {
  const problem = value === undefined || Token.isUnresolved(value) ? undefined : problemOf(value);
  return { when: () => problem !== undefined, allowed: problem ?? "" };
}
