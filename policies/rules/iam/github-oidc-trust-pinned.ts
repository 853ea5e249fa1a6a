import { combine, fail, pass, skip, unknown } from "../../engine/outcome";
import { parsePolicy } from "../../engine/policy-document";
import type { ResourceRule } from "../../engine/types";

const GITHUB_ISSUER = "token.actions.githubusercontent.com";

/** Roles GitHub Actions assumes trust one repository, not all of GitHub. */
export const IamGithubOidcTrustPinned: ResourceRule = {
  id: "IAM.GithubOidcTrustPinned",
  scope: "resource",
  description: "A role trusting GitHub's OIDC provider requires aud = sts.amazonaws.com and pins `sub` to repo:<owner>/<repo>:... (no wildcard owner or repository).",
  why: "Without a `sub` condition every workflow in every GitHub repository can assume the role; that is the classic GitHub OIDC misconfiguration.",
  resourceTypes: ["aws_iam_role"],
  check(role, stack) {
    const parsed = parsePolicy(role.attributes.assume_role_policy, stack);
    if (!parsed) return skip("no trust policy");
    if (!parsed.known) return unknown(parsed.reason);
    const github = parsed.statements.filter((s) => s.effect === "Allow" && typeof s.principal === "object" && (s.principal.Federated ?? []).some((f) => f.includes(GITHUB_ISSUER)));
    if (github.length === 0) return skip("does not trust GitHub Actions");
    return combine(github.map((s) => {
      const values = (key: string) => Object.values(s.conditions).flatMap((byKey) => byKey[key] ?? []);
      const subjects = values(`${GITHUB_ISSUER}:sub`);
      const audiences = values(`${GITHUB_ISSUER}:aud`);
      if (subjects.length === 0) return fail(`statement ${s.sid ?? "(no Sid)"} has no ${GITHUB_ISSUER}:sub condition`);
      const loose = subjects.filter((sub) => !/^repo:[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+:/.test(sub));
      if (loose.length > 0) return fail(`sub ${loose.join(", ")} is not pinned to one repository`);
      return audiences.includes("sts.amazonaws.com") ? pass() : fail(`statement ${s.sid ?? "(no Sid)"} does not require aud = sts.amazonaws.com`);
    }));
  },
};
