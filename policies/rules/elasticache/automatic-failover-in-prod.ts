import { inProduction, requireTrue } from "../../engine/checks";
import { combine, skip } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { isRedisLike } from "./engine";

/** Production replication groups fail over automatically across AZs. */
export const ElastiCacheAutomaticFailoverInProd: ResourceRule = {
  id: "ElastiCache.AutomaticFailoverInProd",
  scope: "resource",
  description: "In production, Redis/Valkey replication groups have automatic_failover_enabled and multi_az_enabled true.",
  why: "Without automatic failover a primary or AZ failure leaves the cache read-only until someone promotes a replica by hand.",
  resourceTypes: ["aws_elasticache_replication_group"],
  check(group, stack) {
    if (!isRedisLike(group)) return skip("memcached has no failover");
    return inProduction(stack, () => combine([requireTrue(group, "automatic_failover_enabled"), requireTrue(group, "multi_az_enabled")]));
  },
};
