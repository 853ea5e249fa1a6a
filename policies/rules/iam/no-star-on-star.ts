import { fail, pass, skip, unknown } from "../../engine/outcome";
import { parsePolicy } from "../../engine/policy-document";
import type { ResourceRule } from "../../engine/types";
import { IDENTITY_POLICY_TYPES, policyAttribute } from "./policy-attributes";

/** No identity policy allows every action on every resource. */
export const IamNoStarOnStar: ResourceRule = {
  id: "IAM.NoStarOnStar",
  scope: "resource",
  description: "No IAM policy has an Allow statement with Action \"*\" (or \"*:*\") on Resource \"*\".",
  why: "Administrator access on everything turns any compromised workload or CI job into a compromised account; grants name the actions and resources a role needs.",
  resourceTypes: [...IDENTITY_POLICY_TYPES],
  check(policy, stack) {
    if (policy.mode === "data") return skip("policy documents are checked where a policy uses them");
    const parsed = parsePolicy(policy.attributes[policyAttribute(policy.type)], stack);
    if (!parsed) return skip("no policy document");
    if (!parsed.known) return unknown(parsed.reason);
    const bad = parsed.statements.find((s) => s.effect === "Allow" && s.actions.some((a) => a === "*" || a === "*:*") && s.resources.includes("*"));
    return bad ? fail(`statement ${bad.sid ?? "(no Sid)"} allows "*" on "*"`) : pass();
  },
};
