/**
 * EventBridge event patterns (rules, and the filters of a pipe), checked the
 * way EventBridge reads them: JSON text of at most 4,096 characters (PutRule
 * `EventPattern`, CreatePipe `Filter.Pattern`) holding an object whose every
 * field is either a list of values to match or an object of nested fields.
 * `{"source": "app"}` is refused by EventBridge ("must be an object or an
 * array"), so it is refused here before anything is planned.
 */

/** The longest pattern EventBridge accepts. */
export const MAX_EVENT_PATTERN_LENGTH = 4096;

/** Why `text` is not an event pattern EventBridge accepts, or undefined when it is one. */
export function eventPatternProblem(text: string): string | undefined {
  if (text.length > MAX_EVENT_PATTERN_LENGTH) return `must be at most ${MAX_EVENT_PATTERN_LENGTH} characters (EventBridge event patterns)`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return "must parse as a JSON object (EventBridge event pattern syntax)";
  }
  if (!isObject(parsed)) return "must parse as a JSON object (EventBridge event pattern syntax)";
  if (Object.keys(parsed).length === 0) return "must match on at least one field (an empty pattern is refused)";
  const field = badField(parsed, "");
  return field === undefined ? undefined : `field "${field}" must be a non-empty list of values or an object of fields (EventBridge matches lists, e.g. {"source": ["app"]})`;
}

/** The dotted path of the first field that is neither a non-empty list nor a non-empty object. */
function badField(node: Record<string, unknown>, prefix: string): string | undefined {
  for (const [key, value] of Object.entries(node)) {
    const path = `${prefix}${key}`;
    if (Array.isArray(value) && value.length > 0) continue;
    if (!isObject(value) || Object.keys(value).length === 0) return path;
    const nested = badField(value, `${path}.`);
    if (nested !== undefined) return nested;
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
