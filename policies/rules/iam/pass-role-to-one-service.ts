import { fail, pass } from "../../engine/outcome";
import { actionMatches } from "../../engine/policy-document";
import type { ResourceRule } from "../../engine/types";
import { IDENTITY_POLICY_TYPES, judgeAllowStatements } from "./policy-attributes";

/** iam:PassRole names the service the role may be passed to. */
export const IamPassRoleToOneService: ResourceRule = {
  id: "IAM.PassRoleToOneService",
  scope: "resource",
  description: "Every IAM policy statement allowing iam:PassRole carries a StringEquals iam:PassedToService condition.",
  why: "Without it, whoever holds the grant can hand the role to any service that accepts roles (a Lambda function, an EC2 instance) and act with its permissions there, not only where the role was meant to go.",
  resourceTypes: [...IDENTITY_POLICY_TYPES],
  check: (policy, stack) => judgeAllowStatements(policy, stack, (allows) => {
    const bad = allows.find((s) => s.actions.some((a) => actionMatches(a, "iam:PassRole")) && !s.conditions.StringEquals?.["iam:PassedToService"]?.length);
    return bad ? fail(`statement ${bad.sid ?? "(no Sid)"} allows iam:PassRole without an iam:PassedToService condition`) : pass();
  }),
};
