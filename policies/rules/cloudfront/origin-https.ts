import { combine, fail, pass, skip } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { block, blocks, list } from "../../engine/values";

/** Protocols CloudFront may use towards a custom origin. */
const OK_PROTOCOLS = ["TLSv1.2"];

/** CloudFront talks to custom origins over TLS 1.2 only. */
export const CloudFrontOriginHttps: ResourceRule = {
  id: "CloudFront.OriginHttps",
  scope: "resource",
  description: "Custom origins of aws_cloudfront_distribution use origin_protocol_policy https-only and origin_ssl_protocols [\"TLSv1.2\"].",
  why: "HTTPS at the viewer is worth little if the edge fetches the page over HTTP or TLS 1.0 across the internet to the origin.",
  resourceTypes: ["aws_cloudfront_distribution"],
  check(distribution) {
    const custom = blocks(distribution.attributes.origin).map((o) => [String(o.origin_id), block(o.custom_origin_config)] as const).filter(([, c]) => c);
    if (custom.length === 0) return skip("no custom origins");
    return combine(custom.flatMap(([id, config]) => {
      const protocols = list(config?.origin_ssl_protocols);
      const weak = protocols === "unknown" ? [] : protocols.map(String).filter((p) => !OK_PROTOCOLS.includes(p));
      return [
        config?.origin_protocol_policy === "https-only" ? pass() : fail(`origin ${id} origin_protocol_policy is ${String(config?.origin_protocol_policy)}`),
        weak.length === 0 ? pass() : fail(`origin ${id} allows ${weak.join(", ")}`),
      ];
    }));
  },
};
