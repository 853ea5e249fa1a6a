import { combine, fail, pass, unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { block, blocks, isUnresolved, show } from "../../engine/values";

const HTTPS_POLICIES = ["redirect-to-https", "https-only"];

/** Viewers always use HTTPS. */
export const CloudFrontViewerHttps: ResourceRule = {
  id: "CloudFront.ViewerHttps",
  scope: "resource",
  description: "Every cache behavior of aws_cloudfront_distribution has viewer_protocol_policy redirect-to-https or https-only.",
  why: "allow-all serves pages, cookies and tokens over plain HTTP to anyone on the path between the viewer and the edge.",
  resourceTypes: ["aws_cloudfront_distribution"],
  check(distribution) {
    const behaviors = [
      ["default_cache_behavior", block(distribution.attributes.default_cache_behavior)] as const,
      ...blocks(distribution.attributes.ordered_cache_behavior).map((b, i) => [`ordered_cache_behavior[${i}]`, b] as const),
    ];
    return combine(behaviors.map(([where, b]) => {
      const policy = b?.viewer_protocol_policy;
      if (isUnresolved(policy)) return unknown(`${where}.viewer_protocol_policy is ${show(policy)}`);
      return HTTPS_POLICIES.includes(String(policy)) ? pass() : fail(`${where}.viewer_protocol_policy is ${show(policy)}`);
    }));
  },
};
