import { Wafv2WebAcl } from "@cdktf/provider-aws/lib/wafv2-web-acl";
import { Construct } from "constructs";
import { between, check, matches, oneOf, validateProps } from "../validate";

/** Props of a web ACL. */
export interface WebAclProps {
  /** ACL name (1-128 letters, digits, hyphens, underscores); also the metric name prefix. */
  readonly name: string;
  /** `CLOUDFRONT` (created with the us-east-1 provider) or `REGIONAL` (API stages, ALBs). */
  readonly scope: "CLOUDFRONT" | "REGIONAL";
  /** AWS managed rule groups, evaluated first in this order. */
  readonly managedRuleGroups: readonly string[];
  /** Requests one client IP may make per window before it is blocked (10 to 2,000,000,000). */
  readonly rateLimit: number;
  /** Window the rate is counted over: 60, 120, 300 or 600 seconds. @default 300 */
  readonly rateWindowSeconds?: number;
  /**
   * Block every request lacking this header with this value (an origin that
   * only CloudFront may reach checks the secret CloudFront adds). @default no header check
   */
  readonly requiredHeader?: { readonly name: string; readonly value: string };
}

const visibility = (metricName: string) => ({ cloudwatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true });

/**
 * A WAFv2 web ACL that allows by default after: the origin-header check
 * (when set), the AWS managed rule groups, and a per-IP rate-based rule.
 * Statements are written in snake_case: the binding passes `statement`
 * through unconverted (next-layers facts, A.0).
 */
export class WebAcl extends Construct {
  readonly arn: string;
  readonly id: string;
  /** The ACL's CloudWatch metric name: the WebACL dimension of its AWS/WAFV2 metrics. */
  readonly metricName: string;

  constructor(scope: Construct, id: string, props: WebAclProps) {
    super(scope, id);
    validateProps(this, [
      check("name", props.name, matches(/^[A-Za-z0-9_-]{1,128}$/, "must be 1-128 letters, digits, hyphens and underscores (WAF web ACL names)")),
      check("rateLimit", props.rateLimit, between(10, 2_000_000_000, "WAF rate-based rule limits")),
      check("rateWindowSeconds", props.rateWindowSeconds, oneOf([60, 120, 300, 600], "WAF evaluation windows")),
      check("managedRuleGroups", props.managedRuleGroups.length, between(1, 10, "at least one managed rule group")),
    ]);
    const header = props.requiredHeader ? [{
      name: "RequireOriginHeader", priority: 0, action: { block: {} }, visibilityConfig: visibility(`${props.name}-origin-header`),
      statement: { not_statement: { statement: { byte_match_statement: {
        field_to_match: { single_header: { name: props.requiredHeader.name.toLowerCase() } },
        positional_constraint: "EXACTLY", search_string: props.requiredHeader.value, text_transformation: [{ priority: 0, type: "NONE" }],
      } } } },
    }] : [];
    const managed = props.managedRuleGroups.map((group, i) => ({
      name: group, priority: 10 + i, overrideAction: { none: {} }, visibilityConfig: visibility(`${props.name}-${group}`),
      statement: { managed_rule_group_statement: { name: group, vendor_name: "AWS" } },
    }));
    const rate = {
      name: "RateLimitPerIp", priority: 100, action: { block: {} }, visibilityConfig: visibility(`${props.name}-rate-limit`),
      statement: { rate_based_statement: { limit: props.rateLimit, aggregate_key_type: "IP", evaluation_window_sec: props.rateWindowSeconds ?? 300 } },
    };
    const acl = new Wafv2WebAcl(this, "WebAcl", {
      name: props.name,
      scope: props.scope,
      defaultAction: { allow: {} },
      visibilityConfig: visibility(props.name),
      rule: [...header, ...managed, rate],
    });
    this.arn = acl.arn;
    this.id = acl.id;
    this.metricName = acl.visibilityConfig.metricName;
  }
}
