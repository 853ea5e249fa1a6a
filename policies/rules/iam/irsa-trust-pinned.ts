import { combine, fail, pass, skip, unknown } from "../../engine/outcome";
import { parsePolicy } from "../../engine/policy-document";
import type { ResourceRule } from "../../engine/types";

const GITHUB_ISSUER = "token.actions.githubusercontent.com";

/** A role trusting a cluster's OIDC provider trusts one service account, exactly. */
export const IamIrsaTrustPinned: ResourceRule = {
  id: "IAM.IrsaTrustPinned",
  scope: "resource",
  description: "A role assumed with a web identity other than GitHub's (IRSA) requires, with StringEquals, `<issuer>:sub` = system:serviceaccount:<namespace>:<name> and `<issuer>:aud` = sts.amazonaws.com.",
  why: "Without an exact `sub`, every service account of the cluster (or, with StringLike and a wildcard, of a namespace) can assume the role; without `aud`, tokens minted for another audience are accepted.",
  resourceTypes: ["aws_iam_role"],
  check(role, stack) {
    const parsed = parsePolicy(role.attributes.assume_role_policy, stack);
    if (!parsed) return skip("no trust policy");
    if (!parsed.known) return unknown(parsed.reason);
    // GitHub's trust (IAM.GithubOidcTrustPinned) is known by its provider or, when the provider is a reference, by its condition keys.
    const github = (s: (typeof parsed.statements)[number]) => (typeof s.principal === "object" && (s.principal.Federated ?? []).some((f) => f.includes(GITHUB_ISSUER)))
      || Object.values(s.conditions).some((byKey) => Object.keys(byKey).some((k) => k.startsWith(`${GITHUB_ISSUER}:`)));
    const irsa = parsed.statements.filter((s) => s.effect === "Allow" && s.actions.includes("sts:AssumeRoleWithWebIdentity") && !github(s));
    if (irsa.length === 0) return skip("no web identity other than GitHub's");
    return combine(irsa.map((s) => {
      const exact = s.conditions.StringEquals ?? {};
      const key = (suffix: string) => Object.keys(exact).find((k) => k.endsWith(suffix));
      const sub = key(":sub");
      const aud = key(":aud");
      const name = `statement ${s.sid ?? "(no Sid)"}`;
      if (!sub) return fail(`${name} has no StringEquals <issuer>:sub condition`);
      const loose = exact[sub].filter((v) => !/^system:serviceaccount:[a-z0-9]([a-z0-9.-]*[a-z0-9])?:[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(v));
      if (loose.length > 0) return fail(`${name} allows sub ${loose.join(", ")}, not one service account`);
      if (!aud || exact[aud].join() !== "sts.amazonaws.com") return fail(`${name} does not require aud = sts.amazonaws.com with StringEquals`);
      return pass();
    }));
  },
};
