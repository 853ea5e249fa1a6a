import { requireSet } from "../../engine/checks";
import type { ResourceRule } from "../../engine/types";

/** Distributions sit behind a web ACL. */
export const CloudFrontWafAttached: ResourceRule = {
  id: "CloudFront.WafAttached",
  scope: "resource",
  description: "aws_cloudfront_distribution sets web_acl_id (a CLOUDFRONT-scope WAFv2 web ACL).",
  why: "CloudFront is the internet-facing edge; the WAF there is what applies rate limits and managed rule sets before requests cost origin capacity.",
  resourceTypes: ["aws_cloudfront_distribution"],
  check: (distribution) => requireSet(distribution, "web_acl_id"),
};
