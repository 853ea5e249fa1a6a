import { requireTrue } from "../../engine/checks";
import { combine, fail, pass, skip } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { isSet } from "../../engine/values";

/** Cache traffic is TLS-only. */
export const ElastiCacheTransitEncryption: ResourceRule = {
  id: "ElastiCache.TransitEncryption",
  scope: "resource",
  description: "ElastiCache replication groups and standalone clusters have transit_encryption_enabled = true, and transit_encryption_mode is not \"preferred\".",
  why: "Without TLS, AUTH tokens and cached data (sessions, tokens) cross the network in clear text; \"preferred\" mode still accepts plaintext clients and is meant only for migrations.",
  resourceTypes: ["aws_elasticache_replication_group", "aws_elasticache_cluster", "aws_elasticache_serverless_cache"],
  check(cache) {
    if (cache.type === "aws_elasticache_serverless_cache") return skip("serverless caches always require TLS");
    if (cache.type === "aws_elasticache_cluster" && isSet(cache.attributes.replication_group_id)) return skip("member of a replication group");
    return combine([
      requireTrue(cache, "transit_encryption_enabled"),
      cache.attributes.transit_encryption_mode === "preferred" ? fail("transit_encryption_mode is \"preferred\" (plaintext still accepted)") : pass(),
    ]);
  },
};
