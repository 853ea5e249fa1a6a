import { fail, pass } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { IDENTITY_POLICY_TYPES, judgeAllowStatements } from "./policy-attributes";

/** No identity policy allows every action on every resource. */
export const IamNoStarOnStar: ResourceRule = {
  id: "IAM.NoStarOnStar",
  scope: "resource",
  description: "No IAM policy has an Allow statement with Action \"*\" (or \"*:*\") on Resource \"*\".",
  why: "Administrator access on everything turns any compromised workload or CI job into a compromised account; grants name the actions and resources a role needs.",
  resourceTypes: [...IDENTITY_POLICY_TYPES],
  check: (policy, stack) => judgeAllowStatements(policy, stack, (allows) => {
    const bad = allows.find((s) => s.actions.some((a) => a === "*" || a === "*:*") && s.resources.includes("*"));
    return bad ? fail(`statement ${bad.sid ?? "(no Sid)"} allows "*" on "*"`) : pass();
  }),
};
