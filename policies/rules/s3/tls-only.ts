import { fail, pass, unknown } from "../../engine/outcome";
import { actionMatches, isPublicPrincipal, parsePolicy, type Statement } from "../../engine/policy-document";
import type { ResourceRule } from "../../engine/types";
import { companions } from "./bucket-companion";

/** A Deny for everyone on all S3 actions when aws:SecureTransport is false. */
function deniesPlainHttp(s: Statement): boolean {
  if (s.effect !== "Deny" || !isPublicPrincipal(s.principal)) return false;
  if (!s.actions.some((a) => actionMatches(a, "s3:GetObject") && actionMatches(a, "s3:PutObject") && actionMatches(a, "s3:ListBucket"))) return false;
  return ["Bool", "BoolIfExists"].some((op) => (s.conditions[op]?.["aws:SecureTransport"] ?? []).map((v) => v.toLowerCase()).includes("false"));
}

/** Every bucket policy refuses requests over plain HTTP. */
export const S3TlsOnly: ResourceRule = {
  id: "S3.TlsOnly",
  scope: "resource",
  description: "Every S3 bucket has a bucket policy denying all S3 actions to everyone when aws:SecureTransport is false.",
  why: "S3 still answers plain HTTP; without the deny, a misconfigured client sends credentials-signed requests and data in clear text.",
  resourceTypes: ["aws_s3_bucket"],
  check(bucket, stack) {
    const policy = companions(stack, bucket, "aws_s3_bucket_policy")[0];
    const parsed = parsePolicy(policy?.attributes.policy ?? bucket.attributes.policy, stack);
    if (!parsed) return fail("no aws_s3_bucket_policy refers to this bucket");
    if (!parsed.known) return unknown(parsed.reason);
    return parsed.statements.some(deniesPlainHttp) ? pass() : fail(`${policy?.address ?? "bucket policy"} has no Deny of s3:* for aws:SecureTransport = false`);
  },
};
