import { describe, expect, it } from "vitest";
import { byAttr, matching, only, onlyRef, policy, refBy, resources, stack, upstream } from "../support/synth";

const EDGE_STACKS = ["stackflow-prod-edge", "stackflow-dev-edge", "serverless-saas-prod-edge", "serverless-saas-dev-edge", "commerce-prod-edge", "commerce-staging-edge", "commerce-dev-edge"];
const CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";
const CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
const ALL_VIEWER_EXCEPT_HOST = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
/** The us-east-1 alias, except in stackflow, whose region is us-east-1 (its default provider). */
const cloudFrontProvider = (name: string) => (name.startsWith("stackflow-") ? undefined : "aws.us-east-1");
const ALL_METHODS = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"];

describe("every CloudFront distribution (issue 16 shared pieces)", () => {
  it.each(EDGE_STACKS)("%s: every distribution HTTPS only, TLSv1.2_2025 with SNI on its validated us-east-1 certificate, HTTP/2 and 3, the web ACL, in us-east-1", (name) => {
    const s = stack(name);
    const acl = byAttr(s, "aws_wafv2_web_acl", "scope", "CLOUDFRONT");
    expect(acl.provider).toBe(cloudFrontProvider(name));
    const certificates = Object.entries(resources(s, "aws_acm_certificate"));
    const validations = Object.entries(resources(s, "aws_acm_certificate_validation"));
    const distributions = Object.values(resources(s, "aws_cloudfront_distribution"));
    expect(certificates).toHaveLength(distributions.length);
    for (const d of distributions) {
      expect(d.provider).toBe(cloudFrontProvider(name));
      expect(d).toMatchObject({
        http_version: "http2and3", is_ipv6_enabled: true, enabled: true,
        web_acl_id: refBy(s, "aws_wafv2_web_acl", "scope", "CLOUDFRONT", "arn"),
        viewer_certificate: { ssl_support_method: "sni-only", minimum_protocol_version: "TLSv1.2_2025" },
      });
      const behaviors = [d.default_cache_behavior, ...((d.ordered_cache_behavior as unknown[]) ?? [])] as Record<string, unknown>[];
      for (const b of behaviors) expect(b.viewer_protocol_policy).toBe("redirect-to-https");
      const [certificate, c] = certificates.find(([, x]) => x.domain_name === (d.aliases as string[])[0])!;
      expect(c).toMatchObject({ validation_method: "DNS" });
      expect(c.provider).toBe(cloudFrontProvider(name));
      const [validation] = validations.find(([, v]) => v.certificate_arn === `\${aws_acm_certificate.${certificate}.arn}`)!;
      expect((d.viewer_certificate as Record<string, unknown>).acm_certificate_arn).toBe(`\${aws_acm_certificate_validation.${validation}.certificate_arn}`);
    }
  });

  it.each(EDGE_STACKS)("%s: the web ACL runs the managed groups and a 2,000-per-5-minutes rate limit per IP, logging to aws-waf-logs-* without the Authorization header", (name) => {
    const s = stack(name);
    const deployment = name.replace(/-edge$/, "");
    const acl = byAttr(s, "aws_wafv2_web_acl", "scope", "CLOUDFRONT");
    expect((acl.rule as Record<string, unknown>[]).map((r) => [r.name, r.priority, r.statement])).toEqual([
      ["AWSManagedRulesCommonRuleSet", 10, { managed_rule_group_statement: { name: "AWSManagedRulesCommonRuleSet", vendor_name: "AWS" } }],
      ["AWSManagedRulesKnownBadInputsRuleSet", 11, { managed_rule_group_statement: { name: "AWSManagedRulesKnownBadInputsRuleSet", vendor_name: "AWS" } }],
      ["AWSManagedRulesAmazonIpReputationList", 12, { managed_rule_group_statement: { name: "AWSManagedRulesAmazonIpReputationList", vendor_name: "AWS" } }],
      ["RateLimitPerIp", 100, { rate_based_statement: { limit: 2000, aggregate_key_type: "IP", evaluation_window_sec: 300 } }],
    ]);
    const group = refBy(s, "aws_cloudwatch_log_group", "name", `aws-waf-logs-${deployment}`, "arn");
    const delivery = byAttr(s, "aws_cloudwatch_log_resource_policy", "policy_name", `${deployment}-edge-log-delivery`);
    expect(byAttr(s, "aws_wafv2_web_acl_logging_configuration", "resource_arn", refBy(s, "aws_wafv2_web_acl", "scope", "CLOUDFRONT", "arn"))).toMatchObject({
      log_destination_configs: [group],
      redacted_fields: [{ single_header: { name: "authorization" } }],
    });
    expect(policy(delivery.policy_document).Statement[0]).toMatchObject({
      Principal: { Service: "delivery.logs.amazonaws.com" }, Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
      Condition: { StringEquals: { "aws:SourceAccount": "${data.aws_caller_identity.Caller.account_id}" } },
    });
    expect(policy(delivery.policy_document).Statement[0].Resource).toContain(`${group}:*`);
  });
});

/** The distribution serving a host name (its comment), and a reference to one of its attributes. */
const distribution = (s: ReturnType<typeof stack>, host: string) => byAttr(s, "aws_cloudfront_distribution", "comment", host);
const distributionRef = (s: ReturnType<typeof stack>, host: string, out: string) => refBy(s, "aws_cloudfront_distribution", "comment", host, out);

describe("stackflow docs site (seed 000: CloudFront E1UTZ9SVSR2WGV, Docs site CDN)", () => {
  const s = () => stack("stackflow-prod-edge");
  const DOCS = "docs.stackflow-itsm.com";

  it("serves docs.stackflow-itsm.com from a private bucket through origin access control, readable only by this distribution", () => {
    const d = distribution(s(), DOCS);
    expect(d.aliases).toEqual(["docs.stackflow-itsm.com"]);
    expect(d.origin).toEqual([{ origin_id: "origin", domain_name: "stackflow-prod-docs-site.s3.us-east-1.amazonaws.com", origin_access_control_id: onlyRef(s(), "aws_cloudfront_origin_access_control", "id") }]);
    expect(only(s(), "aws_cloudfront_origin_access_control")).toMatchObject({ origin_access_control_origin_type: "s3", signing_behavior: "always", signing_protocol: "sigv4" });
    const bucketPolicy = policy(only(s(), "aws_s3_bucket_policy").policy);
    expect(bucketPolicy.Statement[1]).toEqual({
      Sid: "CloudFrontReads", Effect: "Allow", Principal: { Service: "cloudfront.amazonaws.com" }, Action: "s3:GetObject",
      Resource: "arn:${data.aws_partition.Partition.partition}:s3:::stackflow-prod-docs-site/*",
      Condition: { StringEquals: { "aws:SourceArn": distributionRef(s(), DOCS, "arn") } },
    });
    expect(only(s(), "aws_s3_bucket_public_access_block")).toMatchObject({ block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true });
    const keyPolicy = policy(only(s(), "aws_kms_key").policy);
    expect(keyPolicy.Statement.find((st) => st.Sid === "CloudFrontReadsSites")).toEqual({
      Sid: "CloudFrontReadsSites", Effect: "Allow", Principal: { Service: "cloudfront.amazonaws.com" }, Action: ["kms:Decrypt"], Resource: "*",
      Condition: { StringEquals: { "aws:SourceArn": [distributionRef(s(), DOCS, "arn")] } },
    });
  });

  it("owns its zone (prevent_destroy in prod), points A and AAAA at the distribution and logs access into a log group", () => {
    expect(only(s(), "aws_route53_zone")).toMatchObject({ name: "stackflow-itsm.com", lifecycle: { prevent_destroy: true } });
    for (const type of ["A", "AAAA"]) {
      expect(matching(s(), "aws_route53_record", (r) => r.type === type && r.name === DOCS)[0]).toMatchObject({ zone_id: onlyRef(s(), "aws_route53_zone", "zone_id"),
        alias: { name: distributionRef(s(), DOCS, "domain_name"), zone_id: distributionRef(s(), DOCS, "hosted_zone_id"), evaluate_target_health: false },
      });
    }
    expect(byAttr(s(), "aws_cloudwatch_log_delivery_source", "resource_arn", distributionRef(s(), DOCS, "arn"))).toMatchObject({ log_type: "ACCESS_LOGS", name: "stackflow-prod-Docs-access" });
    expect(byAttr(s(), "aws_cloudwatch_log_delivery_destination", "name", "stackflow-prod-Docs-access").delivery_destination_configuration).toEqual([
      { destination_resource_arn: refBy(s(), "aws_cloudwatch_log_group", "name", "/aws/cloudfront/stackflow-prod/docs", "arn") },
    ]);
  });
});

describe("serverless-saas public frontend and Cognito pool (seed 003)", () => {
  const s = () => stack("serverless-saas-prod-edge");

  it("routes a single-page app: 403 and 404 from the bucket answer /index.html with 200", () => {
    const d = distribution(s(), "app.thestack.dev");
    expect(d.aliases).toEqual(["app.thestack.dev"]);
    expect(d.custom_error_response).toEqual([403, 404].map((error_code) => ({ error_code, response_code: 200, response_page_path: "/index.html", error_caching_min_ttl: 10 })));
  });

  it("keeps the pool with deletion protection in prod, MFA on, admin-created users, and one authorization-code client returning to internal.thestack.dev", () => {
    expect(only(s(), "aws_cognito_user_pool")).toMatchObject({
      name: "serverless-saas-prod-users", deletion_protection: "ACTIVE", mfa_configuration: "ON", software_token_mfa_configuration: { enabled: true },
      admin_create_user_config: { allow_admin_create_user_only: true }, lifecycle: { prevent_destroy: true },
    });
    expect(only(s(), "aws_cognito_user_pool_client")).toMatchObject({
      user_pool_id: onlyRef(s(), "aws_cognito_user_pool", "id"), allowed_oauth_flows: ["code"], allowed_oauth_flows_user_pool_client: true,
      generate_secret: true, callback_urls: ["https://internal.thestack.dev/oauth2/callback"], supported_identity_providers: ["COGNITO"],
    });
    expect(only(s(), "aws_cognito_user_pool_domain")).toMatchObject({ domain: "thestack-prod-internal", user_pool_id: onlyRef(s(), "aws_cognito_user_pool", "id") });
    expect(only(stack("serverless-saas-dev-edge"), "aws_cognito_user_pool").deletion_protection).toBe("INACTIVE");
  });
});

describe("commerce storefront (seed 004: CloudFront -> ALB of the Load Balancer Controller)", () => {
  const s = () => stack("commerce-prod-edge");

  it("reaches ingress.commerce-shop.com over TLS 1.2 only, with the secret header from a generated secret (never a literal)", () => {
    const d = only(s(), "aws_cloudfront_distribution");
    expect(d.origin).toEqual([{
      origin_id: "origin", domain_name: "ingress.commerce-shop.com",
      custom_origin_config: { http_port: 80, https_port: 443, origin_protocol_policy: "https-only", origin_ssl_protocols: ["TLSv1.2"], origin_read_timeout: 30 },
      custom_header: [{ name: "X-Origin-Verify", value: onlyRef(s(), "random_password", "result") }],
    }]);
    expect(only(s(), "aws_secretsmanager_secret")).toMatchObject({ name: "commerce/prod/storefront-origin-header", kms_key_id: upstream("commerce-prod-data", "data_kms_key_arn") });
  });

  it("caches the catalog 60 s, never checkout, cart or the rest of the API, and static assets with the managed policy", () => {
    const d = only(s(), "aws_cloudfront_distribution");
    expect(d.default_cache_behavior).toMatchObject({ cache_policy_id: CACHING_OPTIMIZED, origin_request_policy_id: ALL_VIEWER_EXCEPT_HOST });
    expect((d.ordered_cache_behavior as Record<string, unknown>[]).map((b) => [b.path_pattern, b.cache_policy_id, b.allowed_methods])).toEqual([
      ["/api/catalog/*", onlyRef(s(), "aws_cloudfront_cache_policy", "id"), ["GET", "HEAD", "OPTIONS"]],
      ["/api/checkout/*", CACHING_DISABLED, ALL_METHODS],
      ["/api/cart/*", CACHING_DISABLED, ALL_METHODS],
      ["/api/*", CACHING_DISABLED, ALL_METHODS],
    ]);
    expect(only(s(), "aws_cloudfront_cache_policy")).toMatchObject({ min_ttl: 0, default_ttl: 60, max_ttl: 60 });
  });

  it("publishes distribution ids, domains and the origin secret for observability and the ingress", () => {
    const out = s().output!;
    expect(out.distribution_ids.value).toEqual({ Storefront: onlyRef(s(), "aws_cloudfront_distribution", "id") });
    expect(out.origin_secret_arns.value).toEqual({ Storefront: onlyRef(s(), "aws_secretsmanager_secret", "arn") });
    expect(Object.keys(resources(stack("commerce-dev-edge"), "aws_cloudfront_distribution"))).toHaveLength(1);
  });
});
