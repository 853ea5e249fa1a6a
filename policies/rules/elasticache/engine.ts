import type { ResourceView } from "../../engine/types";
import { isSet, literal } from "../../engine/values";

/**
 * True for Redis/Valkey caches (AUTH, replication and failover apply);
 * memcached has none of these. A replication group without `engine` is Redis.
 */
export function isRedisLike(cache: ResourceView): boolean {
  const engine = literal(cache.attributes.engine);
  if (engine === undefined) return cache.type === "aws_elasticache_replication_group" || !isSet(cache.attributes.engine);
  return engine === "redis" || engine === "valkey";
}
