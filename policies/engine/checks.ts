import { fail, pass, skip, unknown } from "./outcome";
import type { StackContext } from "./stack-context";
import type { Outcome, ResourceView } from "./types";
import { flag, isSet, isUnresolved, num, show, UNKNOWN } from "./values";

/**
 * Small building blocks most rules are made of. Each returns an Outcome
 * whose reason names the attribute and the value found.
 */

/** `attribute` must be `true` (a reference is unknown). */
export function requireTrue(resource: ResourceView, attribute: string, hint = ""): Outcome {
  const value = flag(resource.attributes[attribute]);
  if (value === true) return pass();
  if (value === UNKNOWN) return unknown(`${attribute} is ${show(resource.attributes[attribute])}`);
  return fail(`${attribute} is ${show(resource.attributes[attribute])}${hint ? `; ${hint}` : ""}`);
}

/** `attribute` must not be `true` (unset passes: the provider default is false). */
export function requireNotTrue(resource: ResourceView, attribute: string): Outcome {
  const value = flag(resource.attributes[attribute]);
  if (value === true) return fail(`${attribute} is true`);
  if (value === UNKNOWN) return unknown(`${attribute} is ${show(resource.attributes[attribute])}`);
  return pass();
}

/** `attribute` must be set (to a literal or a reference). */
export function requireSet(resource: ResourceView, attribute: string, hint = ""): Outcome {
  return isSet(resource.attributes[attribute]) ? pass() : fail(`${attribute} is not set${hint ? `; ${hint}` : ""}`);
}

/** `attribute` must be a number >= `minimum`; `unsetMeans` describes the provider default. */
export function requireAtLeast(resource: ResourceView, attribute: string, minimum: number, unsetMeans: string): Outcome {
  const value = num(resource.attributes[attribute]);
  if (value === UNKNOWN) return unknown(`${attribute} is ${show(resource.attributes[attribute])}`);
  if (value === undefined) return fail(`${attribute} is not set (${unsetMeans}); at least ${minimum} required`);
  return value >= minimum ? pass() : fail(`${attribute} is ${value}; at least ${minimum} required`);
}

/** Applies `check` in production stacks only. */
export function inProduction(stack: StackContext, check: () => Outcome): Outcome {
  return stack.isProduction ? check() : skip(`${stack.environment} is not production`);
}

/** Applies `check` in stacks that protect their data (production and staging, see {@link StackContext.protectsData}). */
export function inProtectedEnvironment(stack: StackContext, check: () => Outcome): Outcome {
  return stack.protectsData ? check() : skip(`${stack.environment} protects no data`);
}

/** A literal string value of `attribute` must be one of `allowed` (case-insensitive). */
export function requireOneOf(resource: ResourceView, attribute: string, allowed: readonly string[], unsetMeans?: string): Outcome {
  const value = resource.attributes[attribute];
  if (isUnresolved(value)) return unknown(`${attribute} is ${show(value)}`);
  if (value === undefined && unsetMeans) return fail(`${attribute} is not set (${unsetMeans}); expected ${allowed.join(" or ")}`);
  const ok = typeof value === "string" && allowed.some((a) => a.toLowerCase() === value.toLowerCase());
  return ok ? pass() : fail(`${attribute} is ${show(value)}; expected ${allowed.join(" or ")}`);
}
