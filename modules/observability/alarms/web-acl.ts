import type { Thresholds } from "../../../config/layers/observability";
import type { AlarmSpec, AlarmTiming } from "../alarm-spec";

/** The deployment's CLOUDFRONT-scope web ACL: its metric name (edge contract `web_acl_metric_name`). */
export interface WebAclComponent {
  readonly kind: "web-acl";
  readonly name: string;
  readonly metricName: string;
}

/**
 * A spike of blocked requests across all rules (AWS/WAFV2, WebACL + Rule=ALL;
 * a CLOUDFRONT-scope ACL's metrics carry no Region dimension and are
 * published in us-east-1).
 */
export function webAclAlarms(c: WebAclComponent, t: Thresholds, timing: AlarmTiming): AlarmSpec[] {
  return [{
    key: "blocked", namespace: "AWS/WAFV2", metricName: "BlockedRequests", dimensions: { WebACL: c.metricName, Rule: "ALL" },
    statistic: "Sum", comparison: "GreaterThanThreshold", threshold: t.wafBlockedRequests, treatMissingData: "notBreaching", global: true, ...timing,
    description: `Web ACL ${c.name} blocked over ${t.wafBlockedRequests} requests in a period: an attack, or a rule blocking real users. First: the WAF log group (terminatingRuleId, top client IPs and URIs); if real users are blocked, set that managed rule to count.`,
  }];
}
