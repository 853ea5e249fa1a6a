/**
 * The content of a tag policy fixing the casing of each required tag key
 * (`@@assign`), so `Environment` and `environment` never both appear in the
 * cost reports. Values are left free: they come from config.
 */
export function tagPolicyContent(keys: readonly string[]): object {
  return { tags: Object.fromEntries(keys.map((key) => [key, { tag_key: { "@@assign": key } }])) };
}
