import { expect } from "vitest";
import { formatProblem } from "../../config/errors";
import { configProblems as problemsOf } from "../support/config-problems";

/**
 * Shared harness of the boundary suites (issue 20 point 3): every rule's last
 * valid value resolves without a problem, and its first invalid value fails
 * with exactly one problem, the rule's own message.
 */

export { problemsOf };

/** One rule's boundary: the field, the last valid and first invalid value, and the message of the invalid one. */
export interface Boundary {
  readonly field: string;
  readonly ok: unknown;
  readonly bad: unknown;
  readonly message: string;
  /** The deployment (or accounts list) with the value in place. */
  readonly build: (value: unknown) => unknown;
  /** The deployment the problem is reported for. */
  readonly label?: string;
}

/** A row of a boundary table. */
export const at = (field: string, ok: unknown, bad: unknown, message: string, build: (value: unknown) => unknown, label?: string): Boundary =>
  ({ field, ok, bad, message, build, label });

/** Checks one boundary: `ok` passes, `bad` fails with exactly `<label>: <field> = <bad>: <message>`. */
export function expectBoundary({ field, ok, bad, message, build, label }: Boundary, defaultLabel: string): void {
  expect(problemsOf([build(ok)])).toEqual([]);
  expect(problemsOf([build(bad)])).toEqual([formatProblem({ deployment: label ?? defaultLabel, field, value: bad, allowed: message })]);
}

/** A value for a row title: numbers and short strings as themselves, long strings by their length. */
export const shown = (v: unknown): string => (typeof v === "string" && v.length > 20 ? `${v.length} characters` : JSON.stringify(v));
