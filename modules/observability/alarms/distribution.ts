import type { Thresholds } from "../../../config/layers/observability";
import type { AlarmSpec, AlarmTiming } from "../alarm-spec";

/** A CloudFront distribution: its config id and id (edge contract `distribution_ids`). */
export interface DistributionComponent {
  readonly kind: "distribution";
  readonly id: string;
  readonly distributionId: string;
}

/**
 * The share of viewer requests answered with a 5xx (AWS/CloudFront,
 * DistributionId + Region=Global, published in us-east-1 only). A default
 * metric: no additional distribution metrics need to be paid for.
 */
export function distributionAlarms(c: DistributionComponent, t: Thresholds, timing: AlarmTiming): AlarmSpec[] {
  return [{
    key: "5xx-rate", namespace: "AWS/CloudFront", metricName: "5xxErrorRate", dimensions: { DistributionId: c.distributionId, Region: "Global" },
    statistic: "Average", comparison: "GreaterThanThreshold", threshold: t.cloudFront5xxPercent, treatMissingData: "notBreaching", global: true, ...timing,
    description: `Distribution ${c.id} answers over ${t.cloudFront5xxPercent}% of requests with a 5xx. First: its access logs' x-edge-result-type (Error vs OriginError); origin errors point at the origin (its 5xx, timeouts, the origin secret header), edge errors at a CloudFront or WAF change.`,
  }];
}
