import { skip, unknown } from "../../engine/outcome";
import { parsePolicy, type Statement } from "../../engine/policy-document";
import type { StackContext } from "../../engine/stack-context";
import type { Outcome, ResourceView } from "../../engine/types";

/** Identity-policy resources (and the document data source, checked where used). */
export const IDENTITY_POLICY_TYPES = [
  "aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy", "data.aws_iam_policy_document",
] as const;

/**
 * Applies `judge` to the Allow statements of an identity policy, or says why
 * it cannot: a document data source is judged where a policy uses it, an
 * absent policy does not apply, a computed one is unknown until plan.
 */
export function judgeAllowStatements(policy: ResourceView, stack: StackContext, judge: (allows: readonly Statement[]) => Outcome): Outcome {
  if (policy.mode === "data") return skip("policy documents are checked where a policy uses them");
  const parsed = parsePolicy(policy.attributes.policy, stack);
  if (!parsed) return skip("no policy document");
  if (!parsed.known) return unknown(parsed.reason);
  return judge(parsed.statements.filter((s) => s.effect === "Allow"));
}
