/**
 * What makes a suppression acceptable. Shared by `suppress()` (which throws
 * at synth, next to the construct) and the checker (which re-validates what
 * reached `cdk.tf.json`, so a hand-written override cannot slip through).
 * No imports: the synth path loads this file.
 */

/** Shortest reason accepted: long enough to say what is exempt and why. */
export const MIN_REASON_LENGTH = 20;
/** Fewest words accepted, so `"see ticket"`-style padding fails. */
export const MIN_REASON_WORDS = 4;

/** Rule ids look like `S3.PublicAccessBlock`: service, dot, PascalCase name. */
export const RULE_ID_PATTERN = /^[A-Z][A-Za-z0-9]*\.[A-Z][A-Za-z0-9]*$/;

/** Reasons that say nothing, whatever their length. */
const PLACEHOLDER = /^(todo|tbd|fixme|xxx|n\/?a|none|ignore|ignored|suppress(ed)?|not needed|false positive|temporary|later|wip)\b/i;

/** Problems with a suppression reason; empty when it is acceptable. */
export function reasonProblems(reason: unknown): string[] {
  if (typeof reason !== "string" || reason.trim() === "") return ["a reason is required"];
  const text = reason.trim();
  const problems: string[] = [];
  if (text.length < MIN_REASON_LENGTH) problems.push(`reason "${text}" is shorter than ${MIN_REASON_LENGTH} characters`);
  else if (text.split(/\s+/).length < MIN_REASON_WORDS) problems.push(`reason "${text}" has fewer than ${MIN_REASON_WORDS} words`);
  if (PLACEHOLDER.test(text)) problems.push(`reason "${text}" is a placeholder, not an explanation`);
  return problems;
}

/** Problems with a rule id's shape (whether the rule exists is the pack's business). */
export function ruleIdProblems(ruleId: unknown): string[] {
  if (typeof ruleId !== "string" || !RULE_ID_PATTERN.test(ruleId)) {
    return [`rule id ${JSON.stringify(ruleId)} is not of the form <Service>.<RuleName>`];
  }
  return [];
}
