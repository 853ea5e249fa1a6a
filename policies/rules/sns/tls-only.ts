import { fail, pass, unknown } from "../../engine/outcome";
import { actionMatches, isPublicPrincipal, parsePolicy, type Statement } from "../../engine/policy-document";
import type { ResourceRule } from "../../engine/types";

/** A Deny for everyone of sns:Publish when aws:SecureTransport is false. */
function deniesPlainPublish(s: Statement): boolean {
  if (s.effect !== "Deny" || !isPublicPrincipal(s.principal)) return false;
  if (!s.actions.some((a) => actionMatches(a, "sns:Publish"))) return false;
  return ["Bool", "BoolIfExists"].some((op) => (s.conditions[op]?.["aws:SecureTransport"] ?? []).map((v) => v.toLowerCase()).includes("false"));
}

/** Every topic refuses publishing over plain HTTP. */
export const SnsTlsOnly: ResourceRule = {
  id: "SNS.TlsOnly",
  scope: "resource",
  description: "Every aws_sns_topic has a topic policy (aws_sns_topic_policy or its own policy) denying sns:Publish to everyone when aws:SecureTransport is false.",
  why: "SNS still accepts publishing over plain HTTP; without the deny a misconfigured producer sends messages (and its signed request) in clear text.",
  resourceTypes: ["aws_sns_topic"],
  check(topic, stack) {
    const policy = stack.referencing(topic, "aws_sns_topic_policy", "arn")[0];
    const parsed = parsePolicy(policy?.attributes.policy ?? topic.attributes.policy, stack);
    if (!parsed) return fail("no topic policy: neither an aws_sns_topic_policy for this topic nor a policy attribute");
    if (!parsed.known) return unknown(parsed.reason);
    return parsed.statements.some(deniesPlainPublish) ? pass() : fail(`${policy?.address ?? "topic policy"} has no Deny of sns:Publish for aws:SecureTransport = false`);
  },
};
