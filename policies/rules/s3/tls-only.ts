import { fail, pass, unknown } from "../../engine/outcome";
import { actionMatches, isPublicPrincipal, parsePolicy, type Statement } from "../../engine/policy-document";
import type { ResourceRule, ResourceView } from "../../engine/types";
import { companions } from "./bucket-companion";

/** The ways a policy names a bucket's ARN: its reference, or the literal ARN of a literal name. */
function bucketArns(bucket: ResourceView): string[] {
  const literal = typeof bucket.attributes.bucket === "string" ? [`arn:aws:s3:::${bucket.attributes.bucket}`] : [];
  return [`\${${bucket.type}.${bucket.name}.arn}`, ...literal];
}

/** True when one of the statement's Resource patterns (`*` wildcards, as IAM reads them) matches `arn`. */
function covers(s: Statement, arn: string): boolean {
  return s.resources.some((pattern) => new RegExp(`^${pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`).test(arn));
}

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
  description: "Every S3 bucket has a bucket policy denying all S3 actions to everyone when aws:SecureTransport is false, on both the bucket ARN and its objects (bucket/*).",
  why: "S3 still answers plain HTTP; without the deny, a misconfigured client sends credentials-signed requests and data in clear text.",
  resourceTypes: ["aws_s3_bucket"],
  check(bucket, stack) {
    const policy = companions(stack, bucket, "aws_s3_bucket_policy")[0];
    const parsed = parsePolicy(policy?.attributes.policy ?? bucket.attributes.policy, stack);
    if (!parsed) return fail("no aws_s3_bucket_policy refers to this bucket");
    if (!parsed.known) return unknown(parsed.reason);
    // The bucket (ListBucket, its settings) and its objects (`bucket/*`) are
    // separate resources: a deny on either alone leaves the other open over HTTP.
    const denies = parsed.statements.filter(deniesPlainHttp);
    const arns = bucketArns(bucket);
    const both = arns.some((arn) => denies.some((s) => covers(s, arn))) && arns.some((arn) => denies.some((s) => covers(s, `${arn}/*`)));
    return both ? pass() : fail(`${policy?.address ?? "bucket policy"} has no Deny of s3:* for aws:SecureTransport = false on both the bucket and bucket/*`);
  },
};
