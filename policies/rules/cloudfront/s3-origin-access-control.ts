import { combine, fail, pass, skip } from "../../engine/outcome";
import type { StackContext } from "../../engine/stack-context";
import type { ResourceRule } from "../../engine/types";
import { block, blocks, isSet, literal } from "../../engine/values";

/** True when an origin is an S3 REST endpoint (website endpoints are custom HTTP origins). */
function isS3Origin(origin: Record<string, unknown>, stack: StackContext): boolean {
  if (block(origin.s3_origin_config)) return true;
  if (stack.referencedBy(origin.domain_name).some((r) => r.type === "aws_s3_bucket")) return true;
  const domain = literal(origin.domain_name) ?? "";
  return /\.s3[.-]([a-z0-9-]+\.)?amazonaws\.com$/.test(domain) && !/s3-website/.test(domain);
}

/** S3 origins are reached with origin access control, never public or OAI. */
export const CloudFrontS3OriginAccessControl: ResourceRule = {
  id: "CloudFront.S3OriginAccessControl",
  scope: "resource",
  description: "Every S3 origin of aws_cloudfront_distribution sets origin_access_control_id and no legacy origin_access_identity.",
  why: "OAC lets the bucket stay fully private (and SSE-KMS encrypted) while CloudFront signs its requests; legacy OAI cannot use KMS and is deprecated, and without either the bucket has to be public.",
  resourceTypes: ["aws_cloudfront_distribution"],
  check(distribution, stack) {
    const origins = blocks(distribution.attributes.origin).filter((o) => isS3Origin(o, stack));
    if (origins.length === 0) return skip("no S3 origins");
    return combine(origins.map((o) => {
      if (isSet(block(o.s3_origin_config)?.origin_access_identity)) return fail(`origin ${String(o.origin_id)} uses a legacy origin access identity`);
      return isSet(o.origin_access_control_id) ? pass() : fail(`origin ${String(o.origin_id)} has no origin_access_control_id`);
    }));
  },
};
