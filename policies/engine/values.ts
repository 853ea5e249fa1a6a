/**
 * Readers for attribute values as cdktf writes them. A value may be a
 * literal, or a string holding a `${...}` Terraform expression whose value
 * exists only at plan time: readers report those as `"unknown"` so rules
 * never mistake a reference for a wrong (or a right) literal.
 */

/** Marker for a value that is an unresolved Terraform expression. */
export const UNKNOWN = "unknown" as const;
export type Unknown = typeof UNKNOWN;

/** True for a string containing a `${...}` interpolation (`$${` is an escaped literal). */
export function isUnresolved(value: unknown): value is string {
  return typeof value === "string" && /(^|[^$])\$\{/.test(value);
}

/** Present and not an empty string (an unresolved reference counts as set). */
export function isSet(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** A boolean attribute: Terraform also accepts the strings "true" and "false". */
export function flag(value: unknown): boolean | Unknown | undefined {
  if (typeof value === "boolean") return value;
  if (value === "true") return true;
  if (value === "false") return false;
  if (isUnresolved(value)) return UNKNOWN;
  return undefined;
}

/** A number attribute (numeric strings accepted). */
export function num(value: unknown): number | Unknown | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "" && !Number.isNaN(Number(value))) return Number(value);
  if (isUnresolved(value)) return UNKNOWN;
  return undefined;
}

/** A literal string; references and non-strings give undefined (use `isUnresolved` to tell them apart). */
export function literal(value: unknown): string | undefined {
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return typeof value === "string" && !isUnresolved(value) ? value : undefined;
}

/** A list attribute; a whole-list reference (`${var.cidrs}`) is unknown. */
export function list(value: unknown): unknown[] | Unknown {
  if (Array.isArray(value)) return value;
  if (value === undefined || value === null) return [];
  if (isUnresolved(value)) return UNKNOWN;
  return [value];
}

/** Nested blocks: cdktf writes one block as an object and several as an array of objects. */
export function blocks(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.filter(isRecord);
  return isRecord(value) ? [value] : [];
}

/** The first (usually only) nested block. */
export const block = (value: unknown): Record<string, unknown> | undefined => blocks(value)[0];

/** A plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Short rendering of a value for a finding's reason. */
export function show(value: unknown): string {
  if (value === undefined) return "unset";
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
