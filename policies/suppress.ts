import type { TerraformElement, TerraformStack } from "cdktf";
import { reasonProblems, ruleIdProblems } from "./suppression-rules";

/** One exemption of one element from one rule, as written into `cdk.tf.json`. */
export interface Suppression {
  readonly rule: string;
  readonly reason: string;
}

/** Key, inside the element's `//` comment object, that suppressions are written under. */
export const SUPPRESSIONS_KEY = "suppressions";

const declared = new WeakMap<object, Suppression[]>();

/**
 * Exempts one resource (or data source, output, or a whole stack for its
 * stack-level findings such as the backend) from one policy rule, with the
 * reason a reviewer will read in the check report.
 *
 * Call it next to the construct that needs it, so the exemption is reviewed
 * with the code it excuses. It writes into the element's `"//"` object,
 * beside cdktf's own metadata: Terraform ignores `"//"` keys in block bodies
 * (hashicorp/hcl `json/structure.go`), so the plan is unchanged while the
 * suppression travels with the synthesized JSON the checker reads.
 *
 * @throws when the rule id is malformed, the reason is empty, short or a
 *   placeholder, or the element already suppresses this rule.
 */
export function suppress(target: TerraformElement | TerraformStack, ruleId: string, reason: string): void {
  const problems = [...ruleIdProblems(ruleId), ...reasonProblems(reason)];
  const existing = declared.get(target) ?? [];
  if (existing.some((s) => s.rule === ruleId)) problems.push(`${ruleId} is already suppressed here`);
  if (problems.length > 0) {
    throw new Error(`Invalid suppression of ${ruleId} on ${target.node.path}: ${problems.join("; ")}`);
  }
  const all = [...existing, { rule: ruleId, reason: reason.trim() }];
  declared.set(target, all);
  // addOverride deep-merges into the rendered object, so cdktf's `//.metadata` stays.
  target.addOverride(`//.${SUPPRESSIONS_KEY}`, all);
}
