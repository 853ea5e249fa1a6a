import type { Thresholds } from "../../../config/layers/observability";
import { type AlarmSpec, type AlarmTiming, GIB, MIB } from "../alarm-spec";

/** An Aurora PostgreSQL cluster: its identifier (config) and whether it has readers. */
export interface AuroraComponent {
  readonly kind: "aurora";
  readonly clusterIdentifier: string;
  readonly readers: number;
}

/**
 * Aurora alarms on the writer (dimensions DBClusterIdentifier and Role=WRITER,
 * which follow a failover): CPU, freeable memory, local storage, connections,
 * read and write latency; replica lag when the cluster has readers.
 */
export function auroraAlarms(c: AuroraComponent, t: Thresholds, timing: AlarmTiming): AlarmSpec[] {
  const writer = { DBClusterIdentifier: c.clusterIdentifier, Role: "WRITER" };
  const base = { namespace: "AWS/RDS", dimensions: writer, treatMissingData: "missing" as const, ...timing };
  const id = c.clusterIdentifier;
  return [
    { ...base, key: "cpu", metricName: "CPUUtilization", statistic: "Average", comparison: "GreaterThanThreshold", threshold: t.cpuPercent,
      description: `Writer of Aurora cluster ${id} above ${t.cpuPercent}% CPU. First: Performance Insights top SQL for the last hour; scale the instance class if the load is legitimate.` },
    { ...base, key: "freeable-memory", metricName: "FreeableMemory", statistic: "Minimum", comparison: "LessThanThreshold", threshold: t.freeableMemoryMib * MIB,
      description: `Writer of Aurora cluster ${id} has under ${t.freeableMemoryMib} MiB freeable memory. First: check connection count and work_mem-heavy queries in Performance Insights; swapping follows.` },
    { ...base, key: "local-storage", metricName: "FreeLocalStorage", statistic: "Minimum", comparison: "LessThanThreshold", threshold: t.freeStorageGib * GIB,
      description: `Writer of Aurora cluster ${id} has under ${t.freeStorageGib} GiB local (temporary) storage. First: look for large sorts or temp files (log_temp_files) and long-running queries.` },
    { ...base, key: "connections", metricName: "DatabaseConnections", statistic: "Maximum", comparison: "GreaterThanThreshold", threshold: t.connections,
      description: `Aurora cluster ${id} writer holds over ${t.connections} connections. First: find the client pool that grew (pg_stat_activity by application_name); max_connections refuses new ones next.` },
    { ...base, key: "read-latency", metricName: "ReadLatency", statistic: "Average", comparison: "GreaterThanThreshold", threshold: t.latencyMs / 1000,
      description: `Aurora cluster ${id} writer read latency above ${t.latencyMs} ms. First: Performance Insights waits (IO:DataFileRead) and buffer cache hit ratio.` },
    { ...base, key: "write-latency", metricName: "WriteLatency", statistic: "Average", comparison: "GreaterThanThreshold", threshold: t.latencyMs / 1000,
      description: `Aurora cluster ${id} writer write latency above ${t.latencyMs} ms. First: Performance Insights waits (IO:XactSync, Lock) and recent bulk writes.` },
    ...(c.readers > 0 ? [{
      ...base, dimensions: { DBClusterIdentifier: id }, key: "replica-lag", metricName: "AuroraReplicaLagMaximum", statistic: "Maximum" as const,
      comparison: "GreaterThanThreshold" as const, threshold: t.replicaLagMs,
      description: `A reader of Aurora cluster ${id} lags the writer by over ${t.replicaLagMs} ms. First: check the reader's CPU and long transactions on the writer; readers serve stale data meanwhile.`,
    }] : []),
  ];
}
