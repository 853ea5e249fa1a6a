import { fail, pass } from "../../engine/outcome";
import { actionMatches } from "../../engine/policy-document";
import type { ResourceRule } from "../../engine/types";
import { IDENTITY_POLICY_TYPES, judgeAllowStatements } from "./policy-attributes";

/** iam:PassRole is granted on named roles only. */
export const IamNoPassRoleOnStar: ResourceRule = {
  id: "IAM.NoPassRoleOnStar",
  scope: "resource",
  description: "No IAM policy allows iam:PassRole (directly or through a wildcard such as iam:*) on Resource \"*\".",
  why: "PassRole on every role lets a principal hand any role, an administrator's included, to a Lambda function or an instance it controls: privilege escalation in one call.",
  resourceTypes: [...IDENTITY_POLICY_TYPES],
  check: (policy, stack) => judgeAllowStatements(policy, stack, (allows) => {
    const bad = allows.find((s) => s.actions.some((a) => actionMatches(a, "iam:PassRole")) && s.resources.some((r) => r === "*" || r === "arn:aws:iam::*:role/*"));
    return bad ? fail(`statement ${bad.sid ?? "(no Sid)"} allows iam:PassRole on ${bad.resources.join(", ")}`) : pass();
  }),
};
