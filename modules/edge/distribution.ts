import { CloudfrontCachePolicy } from "@cdktf/provider-aws/lib/cloudfront-cache-policy";
import { CloudfrontDistribution, type CloudfrontDistributionOrderedCacheBehavior } from "@cdktf/provider-aws/lib/cloudfront-distribution";
import { CloudfrontOriginAccessControl } from "@cdktf/provider-aws/lib/cloudfront-origin-access-control";
import { Construct } from "constructs";
import { between, check, matches, validateProps } from "../validate";

/** CloudFront's managed policies (developer guide, "Use managed cache policies" / "origin request policies"). */
export const MANAGED_POLICIES = {
  cachingOptimized: "658327ea-f89d-4fab-a63d-7e88639e58f6",
  cachingDisabled: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
  allViewerExceptHostHeader: "b689b0a8-53d0-40ab-baf2-68738e2966ac",
} as const;

/**
 * The viewer TLS floor. Provider 6.25 accepts `TLSv1.2_2025` (TLS 1.2 with
 * the 2025 cipher list, TLS 1.3 offered); `TLSv1.3_2025` would lock out TLS 1.2 clients.
 */
export const MINIMUM_PROTOCOL_VERSION = "TLSv1.2_2025";

/** Where the distribution reads from. */
export type DistributionOrigin =
  /** A private S3 bucket's regional endpoint, signed through origin access control. */
  | { readonly kind: "s3"; readonly domainName: string; readonly spa: boolean }
  /**
   * An HTTPS origin by host name; CloudFront adds the secret header the
   * origin checks, so it can refuse requests that bypass CloudFront.
   */
  | { readonly kind: "custom"; readonly domainName: string; readonly readTimeoutSeconds: number; readonly secretHeader: { readonly name: string; readonly value: string } };

/** One path pattern's caching: `ttlSeconds` (default and maximum TTL) or never cached. */
export interface CachePath {
  readonly path: string;
  readonly cache: boolean;
  readonly ttlSeconds?: number;
}

/** Props of a distribution. */
export interface DistributionProps {
  /** Base of the OAC and cache policy names (letters, digits, hyphens). */
  readonly name: string;
  readonly hostname: string;
  /** ACM certificate in us-east-1 covering `hostname`. */
  readonly certificateArn: string;
  /** ARN of a CLOUDFRONT-scope web ACL (us-east-1). */
  readonly webAclArn: string;
  readonly origin: DistributionOrigin;
  /** Path-specific caching, in precedence order. @default none */
  readonly paths?: readonly CachePath[];
  /**
   * Cache what no path matches (managed CachingOptimized, read methods only);
   * false passes every method through uncached, as an API needs. @default true
   */
  readonly cacheByDefault?: boolean;
  /**
   * Qualified ARN of a Lambda@Edge version every behavior runs on viewer
   * requests (without the body); Terraform follows the newest published version. @default none
   */
  readonly viewerRequestFunctionArn?: string;
}

const READ_METHODS = ["GET", "HEAD", "OPTIONS"];
const ALL_METHODS = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"];
const ORIGIN_ID = "origin";

/**
 * A CloudFront distribution: one origin, HTTPS only towards viewers
 * (HTTP redirected) and the origin (TLS 1.2), the {@link MINIMUM_PROTOCOL_VERSION}
 * floor with SNI, HTTP/2 and HTTP/3, IPv6, the web ACL, managed cache
 * policies (a custom one per distinct path TTL), and for a single-page app
 * 403/404 answered by /index.html.
 */
export class Distribution extends Construct {
  readonly arn: string;
  readonly id: string;
  readonly domainName: string;
  readonly hostedZoneId: string;

  constructor(scope: Construct, id: string, props: DistributionProps) {
    super(scope, id);
    const paths = props.paths ?? [];
    validateProps(this, [
      check("name", props.name, matches(/^[A-Za-z0-9-]{1,50}$/, "must be 1-50 letters, digits and hyphens (it prefixes CloudFront policy names)")),
      ...paths.map((p, i) => check(`paths[${i}].ttlSeconds`, p.ttlSeconds, {
        when: () => !p.cache,
        allowed: `must be unset: ${p.path} is uncacheable`,
      })),
      ...paths.map((p, i) => check(`paths[${i}].ttlSeconds`, p.ttlSeconds, between(0, 31_536_000, "CloudFront TTLs"))),
      ...(props.origin.kind === "custom" ? [check("origin.readTimeoutSeconds", props.origin.readTimeoutSeconds, between(1, 60, "CloudFront origin read timeouts without a quota increase"))] : []),
    ]);
    const ttlPolicies = new Map<number, string>();
    for (const ttl of [...new Set(paths.flatMap((p) => (p.cache && p.ttlSeconds !== undefined ? [p.ttlSeconds] : [])))].sort((a, b) => a - b)) {
      ttlPolicies.set(ttl, new CloudfrontCachePolicy(this, `Ttl${ttl}`, {
        name: `${props.name}-ttl-${ttl}`,
        comment: `Cached ${ttl} s at the edge`,
        minTtl: 0, defaultTtl: ttl, maxTtl: ttl,
        parametersInCacheKeyAndForwardedToOrigin: {
          cookiesConfig: { cookieBehavior: "none" },
          headersConfig: { headerBehavior: "none" },
          queryStringsConfig: { queryStringBehavior: "all" },
          enableAcceptEncodingBrotli: true, enableAcceptEncodingGzip: true,
        },
      }).id);
    }
    const custom = props.origin.kind === "custom";
    const lambdaFunctionAssociation = props.viewerRequestFunctionArn === undefined ? undefined
      : [{ eventType: "viewer-request", lambdaArn: props.viewerRequestFunctionArn, includeBody: false }];
    const originRequestPolicyId = custom ? MANAGED_POLICIES.allViewerExceptHostHeader : undefined;
    const behavior = (p: CachePath): CloudfrontDistributionOrderedCacheBehavior => ({
      pathPattern: p.path, targetOriginId: ORIGIN_ID, viewerProtocolPolicy: "redirect-to-https", compress: true,
      allowedMethods: p.cache ? READ_METHODS : ALL_METHODS, cachedMethods: ["GET", "HEAD"],
      cachePolicyId: !p.cache ? MANAGED_POLICIES.cachingDisabled : p.ttlSeconds === undefined ? MANAGED_POLICIES.cachingOptimized : ttlPolicies.get(p.ttlSeconds)!,
      originRequestPolicyId, lambdaFunctionAssociation,
    });
    const origin = props.origin;
    const originAccessControlId = origin.kind === "s3" ? new CloudfrontOriginAccessControl(this, "OriginAccessControl", {
      name: `${props.name}-oac`, description: `${props.hostname} reads its bucket`,
      originAccessControlOriginType: "s3", signingBehavior: "always", signingProtocol: "sigv4",
    }).id : undefined;
    const distribution = new CloudfrontDistribution(this, "Distribution", {
      enabled: true,
      comment: props.hostname,
      aliases: [props.hostname],
      httpVersion: "http2and3",
      isIpv6Enabled: true,
      priceClass: "PriceClass_All",
      webAclId: props.webAclArn,
      defaultRootObject: origin.kind === "s3" ? "index.html" : undefined,
      origin: [origin.kind === "s3"
        ? { originId: ORIGIN_ID, domainName: origin.domainName, originAccessControlId }
        : {
          originId: ORIGIN_ID, domainName: origin.domainName,
          customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"], originReadTimeout: origin.readTimeoutSeconds },
          customHeader: [{ name: origin.secretHeader.name, value: origin.secretHeader.value }],
        }],
      defaultCacheBehavior: {
        targetOriginId: ORIGIN_ID, viewerProtocolPolicy: "redirect-to-https", compress: true,
        allowedMethods: props.cacheByDefault === false ? ALL_METHODS : READ_METHODS, cachedMethods: ["GET", "HEAD"],
        cachePolicyId: props.cacheByDefault === false ? MANAGED_POLICIES.cachingDisabled : MANAGED_POLICIES.cachingOptimized, originRequestPolicyId,
        lambdaFunctionAssociation,
      },
      orderedCacheBehavior: paths.map(behavior),
      customErrorResponse: origin.kind === "s3" && origin.spa
        ? [403, 404].map((errorCode) => ({ errorCode, responseCode: 200, responsePagePath: "/index.html", errorCachingMinTtl: 10 }))
        : undefined,
      restrictions: { geoRestriction: { restrictionType: "none" } },
      viewerCertificate: { acmCertificateArn: props.certificateArn, sslSupportMethod: "sni-only", minimumProtocolVersion: MINIMUM_PROTOCOL_VERSION },
    });
    this.arn = distribution.arn;
    this.id = distribution.id;
    this.domainName = distribution.domainName;
    this.hostedZoneId = distribution.hostedZoneId;
  }
}
