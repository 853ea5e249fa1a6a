import { fail, pass, skip, unknown } from "../../engine/outcome";
import { isPublicPrincipal, parsePolicy } from "../../engine/policy-document";
import type { ResourceRule } from "../../engine/types";

/** No key policy allows everyone without a condition. */
export const KmsNoPublicKeyPolicy: ResourceRule = {
  id: "KMS.NoPublicKeyPolicy",
  scope: "resource",
  description: "No KMS key policy has an Allow statement for Principal \"*\" without a Condition.",
  why: "A key policy is the only resource policy that decides who may decrypt; an unconditioned \"*\" lets any AWS principal in any account use the key.",
  resourceTypes: ["aws_kms_key", "aws_kms_key_policy"],
  check(key, stack) {
    const parsed = parsePolicy(key.attributes.policy, stack);
    if (!parsed) return skip("default key policy (account root only)");
    if (!parsed.known) return unknown(parsed.reason);
    const open = parsed.statements.filter((s) => s.effect === "Allow" && isPublicPrincipal(s.principal) && Object.keys(s.conditions).length === 0);
    return open.length === 0 ? pass() : fail(`statement ${open[0].sid ?? "(no Sid)"} allows Principal "*" without a condition`);
  },
};
