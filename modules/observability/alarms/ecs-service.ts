import type { Thresholds } from "../../../config/layers/observability";
import type { AlarmSpec, AlarmTiming } from "../alarm-spec";

/** An ECS service: its config id and its and its cluster's names (compute contract `ecs_service_names`, `ecs_service_clusters`). */
export interface ServiceComponent {
  readonly kind: "service";
  readonly id: string;
  readonly serviceName: string;
  readonly clusterName: string;
}

/**
 * CPU and memory (AWS/ECS, ClusterName + ServiceName), and running tasks
 * short of the desired count: metric math on Container Insights'
 * RunningTaskCount and DesiredTaskCount (ECS/ContainerInsights, on in every
 * cluster), so it follows the autoscaler's desired count instead of a fixed
 * number. A shortfall during a scale-out or a replacement lasts a minute or
 * two; the deployment's M-of-N keeps that from paging.
 */
export function serviceAlarms(c: ServiceComponent, t: Thresholds, timing: AlarmTiming): AlarmSpec[] {
  const dimensions = { ClusterName: c.clusterName, ServiceName: c.serviceName };
  const base = { dimensions, comparison: "GreaterThanThreshold" as const, ...timing };
  return [
    { ...base, namespace: "AWS/ECS", key: "cpu", metricName: "CPUUtilization", statistic: "Average", threshold: t.cpuPercent, treatMissingData: "missing",
      description: `ECS service ${c.id} above ${t.cpuPercent}% CPU on average. First: check whether autoscaling is at its maximum (DesiredTaskCount) and what drives the load; raise cpu in config if tasks are undersized.` },
    { ...base, namespace: "AWS/ECS", key: "memory", metricName: "MemoryUtilization", statistic: "Average", threshold: t.memoryPercent, treatMissingData: "missing",
      description: `ECS service ${c.id} above ${t.memoryPercent}% memory on average: tasks are killed (exit 137) at their limit. First: look for a leak (memory growing since the last deploy), then raise memoryMib in config.` },
    { ...base, namespace: "ECS/ContainerInsights", key: "running-tasks", metricName: "RunningTaskCount", shortOf: "DesiredTaskCount", statistic: "Average", threshold: 0, treatMissingData: "missing",
      description: `ECS service ${c.id} runs fewer tasks than desired. First: the service's events and stopped tasks' stoppedReason (image pull, secrets, failing health checks, capacity); the deployment circuit breaker rolls back a bad release.` },
  ];
}
