import { combine, fail, pass, skip, unknown } from "../../engine/outcome";
import { parsePolicy } from "../../engine/policy-document";
import type { ResourceRule } from "../../engine/types";
import { isRecord } from "../../engine/values";

const GITHUB_ISSUER = "token.actions.githubusercontent.com";

/** One repository's GitHub environment, written out: no wildcard anywhere. */
const ENVIRONMENT_SUBJECT = /^repo:[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+:environment:[A-Za-z0-9_.-]+$/;

/** Exact subjects of one repository, no wildcard: its pull requests, a named branch, or an environment. */
const EXACT_SUBJECT = /^repo:[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+:(pull_request|ref:refs\/heads\/[A-Za-z0-9._\/-]+|environment:[A-Za-z0-9_.-]+)$/;

/**
 * A GitHub-trusted role that is not read-only is an apply role: only a
 * GitHub environment may assume it. The read-only plan role says so with the
 * tag `github-access = plan` (modules/governance/github-deploy-role.ts) and
 * may trust pull requests and named branches, still without wildcards; an
 * untagged role is judged as an apply role, so forgetting the tag fails
 * closed.
 */
export const IamGithubOidcApplyEnvironment: ResourceRule = {
  id: "IAM.GithubOidcApplyEnvironment",
  scope: "resource",
  description: "A role trusting GitHub's OIDC provider pins every `sub` to repo:<owner>/<repo>:environment:<name> with no wildcard; one tagged github-access = plan may also name pull_request and ref:refs/heads/<branch>, still without wildcards.",
  why: "A `sub` on a branch (or `ref:*`) lets anyone who can push a branch, or open a pull request from one, apply with write access; a GitHub environment adds required reviewers and a deployment-branch rule first.",
  resourceTypes: ["aws_iam_role"],
  check(role, stack) {
    const tags = role.attributes.tags;
    const plan = isRecord(tags) && tags["github-access"] === "plan";
    const parsed = parsePolicy(role.attributes.assume_role_policy, stack);
    if (!parsed) return skip("no trust policy");
    if (!parsed.known) return unknown(parsed.reason);
    const github = parsed.statements.filter((s) => s.effect === "Allow" && typeof s.principal === "object" && (s.principal.Federated ?? []).some((f) => f.includes(GITHUB_ISSUER)));
    if (github.length === 0) return skip("does not trust GitHub Actions");
    return combine(github.map((s) => {
      const subjects = Object.values(s.conditions).flatMap((byKey) => byKey[`${GITHUB_ISSUER}:sub`] ?? []);
      if (subjects.length === 0) return fail(`statement ${s.sid ?? "(no Sid)"} has no ${GITHUB_ISSUER}:sub condition`);
      const loose = subjects.filter((sub) => !(plan ? EXACT_SUBJECT : ENVIRONMENT_SUBJECT).test(sub));
      if (loose.length === 0) return pass();
      return fail(plan
        ? `plan trust accepts ${loose.join(", ")}: name pull_request, a branch or an environment exactly`
        : `apply trust accepts ${loose.join(", ")}, not one GitHub environment (tag github-access = plan only on a read-only role)`);
    }));
  },
};
