import { fail, pass, skip, unknown } from "../../engine/outcome";
import { isPublicPrincipal, parsePolicy, type Statement } from "../../engine/policy-document";
import type { ResourceRule } from "../../engine/types";
import { isUnresolved } from "../../engine/values";

/**
 * Condition keys that pin the caller (or the service acting for it) to one
 * account or organization. Any other condition (a tag, a time, a VPC
 * endpoint, `kms:ViaService`) still lets a principal of another account in.
 */
const CALLER_KEYS = new Set(["aws:principalaccount", "aws:principalorgid", "aws:sourceaccount", "aws:sourcearn", "aws:sourceorgid", "kms:calleraccount"]);

/**
 * A concrete value names an account, organization or ARN: not empty, not a
 * bare wildcard, and (for an ARN) with an account field that is not a wildcard.
 * An interpolation (`${data.aws_caller_identity.C.account_id}`) resolves to one account.
 */
function concrete(key: string, value: string): boolean {
  if (isUnresolved(value as unknown)) return true;
  if (value === "" || /^[*?]+$/.test(value)) return false;
  if (key !== "aws:sourcearn") return !/[*?]/.test(value);
  const account = value.split(":")[4] ?? "";
  return account !== "" && !/[*?]/.test(account);
}

/**
 * True when the statement is limited to callers of one account or organization:
 * a positive operator (no `Not`, no `IfExists`, which passes when the key is
 * absent, as it is on a direct call) on a caller key with only concrete values.
 */
function restrictsCaller(s: Statement): boolean {
  return Object.entries(s.conditions).some(([operator, keys]) =>
    !/Not|IfExists|^Null$/i.test(operator) &&
    Object.entries(keys).some(([key, values]) => CALLER_KEYS.has(key.toLowerCase()) && values.length > 0 && values.every((v) => concrete(key.toLowerCase(), v))));
}

/** No key policy allows everyone unless a condition pins the caller to an account or organization. */
export const KmsNoPublicKeyPolicy: ResourceRule = {
  id: "KMS.NoPublicKeyPolicy",
  scope: "resource",
  description: "No KMS key policy has an Allow statement for Principal \"*\" (or AWS \"*\") unless a condition restricts the caller to an account or organization (aws:PrincipalAccount, aws:PrincipalOrgID, aws:SourceAccount, aws:SourceArn, aws:SourceOrgID or kms:CallerAccount with a concrete value).",
  why: "A key policy is the only resource policy that decides who may decrypt; a \"*\" conditioned on anything but the caller's account (a tag, kms:ViaService, an IfExists) still lets principals of other accounts use the key.",
  resourceTypes: ["aws_kms_key", "aws_kms_key_policy"],
  check(key, stack) {
    const parsed = parsePolicy(key.attributes.policy, stack);
    if (!parsed) return skip("default key policy (account root only)");
    if (!parsed.known) return unknown(parsed.reason);
    const open = parsed.statements.filter((s) => s.effect === "Allow" && isPublicPrincipal(s.principal) && !restrictsCaller(s));
    return open.length === 0 ? pass() : fail(`statement ${open[0].sid ?? "(no Sid)"} allows Principal "*" without a condition restricting the caller to an account or organization`);
  },
};
