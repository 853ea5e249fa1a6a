import type { Thresholds } from "../../../config/layers/observability";
import { type AlarmSpec, type AlarmTiming, GIB, type GraphSpec, MIB } from "../alarm-spec";

/** An RDS instance (PostgreSQL, MySQL or MariaDB): its identifier (config). */
export interface RdsComponent {
  readonly kind: "rds";
  readonly instanceIdentifier: string;
  readonly engine: string;
}

/**
 * RDS instance alarms (dimension DBInstanceIdentifier): CPU, freeable
 * memory, free storage, connections, read and write latency. The instances
 * of this repository have no read replicas, so no ReplicaLag alarm.
 */
export function rdsAlarms(c: RdsComponent, t: Thresholds, timing: AlarmTiming): AlarmSpec[] {
  const id = c.instanceIdentifier;
  const base = { namespace: "AWS/RDS", dimensions: { DBInstanceIdentifier: id }, treatMissingData: "missing" as const, ...timing };
  return [
    { ...base, key: "cpu", metricName: "CPUUtilization", statistic: "Average", comparison: "GreaterThanThreshold", threshold: t.cpuPercent,
      description: `RDS ${c.engine} ${id} above ${t.cpuPercent}% CPU. First: Performance Insights top SQL; scale the instance class if the load is legitimate.` },
    { ...base, key: "freeable-memory", metricName: "FreeableMemory", statistic: "Minimum", comparison: "LessThanThreshold", threshold: t.freeableMemoryMib * MIB,
      description: `RDS ${c.engine} ${id} has under ${t.freeableMemoryMib} MiB freeable memory. First: check connections and memory-heavy queries; swap usage follows.` },
    { ...base, key: "free-storage", metricName: "FreeStorageSpace", statistic: "Minimum", comparison: "LessThanThreshold", threshold: t.freeStorageGib * GIB,
      description: `RDS ${c.engine} ${id} has under ${t.freeStorageGib} GiB free storage. First: raise allocated storage in config (storage autoscaling may already be growing it) and look for table bloat or runaway logs.` },
    { ...base, key: "connections", metricName: "DatabaseConnections", statistic: "Maximum", comparison: "GreaterThanThreshold", threshold: t.connections,
      description: `RDS ${c.engine} ${id} holds over ${t.connections} connections. First: find the client pool that grew; max_connections refuses new ones next.` },
    { ...base, key: "read-latency", metricName: "ReadLatency", statistic: "Average", comparison: "GreaterThanThreshold", threshold: t.latencyMs / 1000,
      description: `RDS ${c.engine} ${id} read latency above ${t.latencyMs} ms. First: check ReadIOPS against the gp3 IOPS in config and the top SQL.` },
    { ...base, key: "write-latency", metricName: "WriteLatency", statistic: "Average", comparison: "GreaterThanThreshold", threshold: t.latencyMs / 1000,
      description: `RDS ${c.engine} ${id} write latency above ${t.latencyMs} ms. First: check WriteIOPS and throughput against the gp3 settings in config.` },
  ];
}

/** axonflow's other RDS metrics, graphed: read and write throughput (bytes per second). */
export function rdsGraphs(c: RdsComponent): GraphSpec[] {
  const base = { namespace: "AWS/RDS", dimensions: { DBInstanceIdentifier: c.instanceIdentifier }, statistic: "Average" as const };
  return [{ ...base, metricName: "ReadThroughput" }, { ...base, metricName: "WriteThroughput" }];
}
