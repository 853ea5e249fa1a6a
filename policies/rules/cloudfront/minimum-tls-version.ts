import { fail, pass, unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { block, flag, isUnresolved, show } from "../../engine/values";

/** Security policies offering TLS 1.2+ only with modern ciphers. */
const ALLOWED = ["TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"];

/** Viewers negotiate TLS 1.2 or later. */
export const CloudFrontMinimumTlsVersion: ResourceRule = {
  id: "CloudFront.MinimumTlsVersion",
  scope: "resource",
  description: `aws_cloudfront_distribution uses its own certificate with viewer_certificate.minimum_protocol_version in ${ALLOWED.join(", ")}.`,
  why: "The *.cloudfront.net default certificate accepts TLS 1.0, and older policies (TLSv1.2_2018/2019) still offer CBC ciphers; TLSv1.2_2021 is AWS's recommended floor.",
  resourceTypes: ["aws_cloudfront_distribution"],
  check(distribution) {
    const certificate = block(distribution.attributes.viewer_certificate);
    if (flag(certificate?.cloudfront_default_certificate) === true) return fail("uses the default *.cloudfront.net certificate, which allows TLSv1");
    const version = certificate?.minimum_protocol_version;
    if (isUnresolved(version)) return unknown(`minimum_protocol_version is ${show(version)}`);
    return ALLOWED.includes(String(version)) ? pass() : fail(`minimum_protocol_version is ${show(version)}`);
  },
};
