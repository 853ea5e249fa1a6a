import type { Thresholds } from "../../../config/layers/observability";
import type { AlarmSpec, AlarmTiming } from "../alarm-spec";

/**
 * An ElastiCache Redis replication group. Node metrics carry CacheClusterId
 * only; a replication group without cluster mode names its member clusters
 * `<replicationGroupId>-001`, `-002`... (ElastiCache User Guide,
 * "Replication: Redis OSS (cluster mode disabled)"), so the ids follow
 * from the configured group id and node count.
 */
export interface RedisComponent {
  readonly kind: "redis";
  readonly replicationGroupId: string;
  readonly nodes: number;
}

/** `<group>-001`... for each node of the group. */
export const memberClusterIds = (c: RedisComponent): string[] =>
  Array.from({ length: c.nodes }, (_, i) => `${c.replicationGroupId}-${String(i + 1).padStart(3, "0")}`);

/**
 * Per node: engine CPU, memory use, evictions; replication lag on every node
 * of a group with replicas (only the current replicas publish it, and the
 * primary moves on failover, so a node without the metric is not breaching).
 */
export function redisAlarms(c: RedisComponent, t: Thresholds, timing: AlarmTiming): AlarmSpec[] {
  const g = c.replicationGroupId;
  return memberClusterIds(c).flatMap((member): AlarmSpec[] => {
    const base = { namespace: "AWS/ElastiCache", dimensions: { CacheClusterId: member }, treatMissingData: "missing" as const, ...timing };
    return [
      { ...base, key: `${member}-engine-cpu`, metricName: "EngineCPUUtilization", statistic: "Average", comparison: "GreaterThanThreshold", threshold: t.cpuPercent,
        description: `Redis node ${member} of ${g}: the engine thread above ${t.cpuPercent}% CPU. First: SLOWLOG (slow-log group of ${g}) for O(N) commands; scale the node type if the load is legitimate.` },
      { ...base, key: `${member}-memory`, metricName: "DatabaseMemoryUsagePercentage", statistic: "Maximum", comparison: "GreaterThanThreshold", threshold: t.cacheMemoryPercent,
        description: `Redis node ${member} of ${g} uses over ${t.cacheMemoryPercent}% of its memory. First: check keys without TTL and the largest keys; evictions start at maxmemory.` },
      { ...base, key: `${member}-evictions`, metricName: "Evictions", statistic: "Sum", comparison: "GreaterThanThreshold", threshold: t.evictions,
        description: `Redis node ${member} of ${g} evicted over ${t.evictions} keys in a period. First: memory pressure: raise the node type or shorten TTLs; callers see cache misses meanwhile.` },
      ...(c.nodes > 1 ? [{
        ...base, treatMissingData: "notBreaching" as const, key: `${member}-replication-lag`, metricName: "ReplicationLag", statistic: "Maximum" as const, comparison: "GreaterThanThreshold" as const, threshold: t.cacheReplicationLagSeconds,
        description: `Redis replica ${member} of ${g} lags its primary by over ${t.cacheReplicationLagSeconds} s. First: check the primary's write rate and network; a failover now would lose those writes.`,
      }] : []),
    ];
  });
}
