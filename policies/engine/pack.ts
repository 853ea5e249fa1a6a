import { RULE_ID_PATTERN } from "../suppression-rules";
import type { Rule, Severity } from "./types";

/** A rule as a pack assigns it: the pack decides how much it matters here. */
export interface PackEntry {
  readonly rule: Rule;
  readonly severity: Severity;
}

/** A named set of rules every stack must pass. */
export interface Pack {
  readonly name: string;
  readonly description: string;
  readonly entries: readonly PackEntry[];
}

/**
 * Builds a pack, refusing duplicate or malformed ids and rules without an
 * explanation: a finding must always be able to say why it matters.
 */
export function definePack(name: string, description: string, entries: readonly PackEntry[]): Pack {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { rule } of entries) {
    if (!RULE_ID_PATTERN.test(rule.id)) problems.push(`${rule.id}: id is not <Service>.<RuleName>`);
    if (seen.has(rule.id)) problems.push(`${rule.id}: listed twice`);
    if (!rule.description.trim() || !rule.why.trim()) problems.push(`${rule.id}: description and why are required`);
    if (rule.scope === "resource" && rule.resourceTypes.length === 0) problems.push(`${rule.id}: no resource types`);
    seen.add(rule.id);
  }
  if (problems.length > 0) throw new Error(`Invalid policy pack ${name}:\n  - ${problems.join("\n  - ")}`);
  return { name, description, entries };
}

/** True when a type key (`aws_s3_bucket`, `data.aws_iam_policy_document`) matches a pattern (`aws_*`). */
export function typeMatches(pattern: string, key: string): boolean {
  return pattern.endsWith("*") ? key.startsWith(pattern.slice(0, -1)) : pattern === key;
}
