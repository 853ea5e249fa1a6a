import type { Thresholds } from "../../../config/layers/observability";
import type { AlarmSpec, AlarmTiming, GraphSpec } from "../alarm-spec";

/** An application load balancer and its target group (compute contract `load_balancer_arn_suffixes`, `target_group_arn_suffixes`). */
export interface LoadBalancerComponent {
  readonly kind: "load-balancer";
  readonly id: string;
  readonly loadBalancer: string;
  readonly targetGroup: string;
}

/**
 * Target 5xx, response time, unhealthy and no healthy targets
 * (AWS/ApplicationELB, LoadBalancer + TargetGroup). The metric is spelled
 * `UnHealthyHostCount`; axonflow's seed writes "UnhealthyHostCount".
 */
export function loadBalancerAlarms(c: LoadBalancerComponent, t: Thresholds, timing: AlarmTiming): AlarmSpec[] {
  const base = { namespace: "AWS/ApplicationELB", dimensions: { LoadBalancer: c.loadBalancer, TargetGroup: c.targetGroup }, ...timing };
  return [
    { ...base, key: "target-5xx", metricName: "HTTPCode_Target_5XX_Count", statistic: "Sum", comparison: "GreaterThanThreshold", threshold: t.target5xx, treatMissingData: "notBreaching",
      description: `Targets behind ${c.id} answered over ${t.target5xx} 5xx in a period. First: the service's logs for the failing requests; if it began with a deploy, roll back.` },
    { ...base, key: "response-time", metricName: "TargetResponseTime", statistic: "Average", comparison: "GreaterThanThreshold", threshold: t.targetResponseTimeMs / 1000, treatMissingData: "notBreaching",
      description: `Targets behind ${c.id} take over ${t.targetResponseTimeMs} ms on average. First: the service's CPU and memory, then its downstream calls (database latency, connections).` },
    { ...base, key: "unhealthy-hosts", metricName: "UnHealthyHostCount", statistic: "Maximum", comparison: "GreaterThanThreshold", threshold: 0, treatMissingData: "missing",
      description: `A target of ${c.id} fails its health checks. First: the target group's health reason (describe-target-health) and the task's logs; ECS replaces it after the grace period.` },
    { ...base, key: "healthy-hosts", metricName: "HealthyHostCount", statistic: "Minimum", comparison: "LessThanThreshold", threshold: 1, treatMissingData: "breaching",
      description: `${c.id} has no healthy target: every request fails with 503. First: is the service running any task (RunningTaskCount) and do they pass the health check path; then security groups from the balancer to the tasks.` },
  ];
}

/** axonflow's other ALB metrics, graphed: traffic and successful answers. */
export function loadBalancerGraphs(c: LoadBalancerComponent): GraphSpec[] {
  const base = { namespace: "AWS/ApplicationELB", dimensions: { LoadBalancer: c.loadBalancer, TargetGroup: c.targetGroup }, statistic: "Sum" as const };
  return [{ ...base, metricName: "RequestCount" }, { ...base, metricName: "HTTPCode_Target_2XX_Count" }];
}
