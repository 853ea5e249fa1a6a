import type { Thresholds } from "../../../config/layers/observability";
import type { AlarmSpec, AlarmTiming } from "../alarm-spec";

/** A Neptune serverless cluster: identifier and maximum capacity (config). */
export interface NeptuneComponent {
  readonly kind: "neptune";
  readonly clusterIdentifier: string;
  readonly maxCapacity: number;
}

/** Neptune alarms (dimension DBClusterIdentifier): CPU, and serverless capacity near its configured maximum. */
export function neptuneAlarms(c: NeptuneComponent, t: Thresholds, timing: AlarmTiming): AlarmSpec[] {
  const id = c.clusterIdentifier;
  const base = { namespace: "AWS/Neptune", dimensions: { DBClusterIdentifier: id }, treatMissingData: "missing" as const, ...timing };
  const ceiling = Math.round(c.maxCapacity * t.capacityPercentOfMax) / 100;
  return [
    { ...base, key: "cpu", metricName: "CPUUtilization", statistic: "Average", comparison: "GreaterThanThreshold", threshold: t.cpuPercent,
      description: `Neptune cluster ${id} above ${t.cpuPercent}% CPU. First: the slow-query log (/aws/neptune/${id}/slowquery) for the traversal that grew.` },
    { ...base, key: "capacity", metricName: "ServerlessDatabaseCapacity", statistic: "Maximum", comparison: "GreaterThanOrEqualToThreshold", threshold: ceiling,
      description: `Neptune cluster ${id} runs at ${ceiling} NCU or more, ${t.capacityPercentOfMax}% of its ${c.maxCapacity} NCU maximum. First: raise maxCapacity in config (up to 128) or find the query driving it; at the maximum, queries queue.` },
  ];
}
