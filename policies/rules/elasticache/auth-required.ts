import { fail, pass, skip } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { isSet } from "../../engine/values";
import { passwordSource } from "../rds/master-password-source";
import { isRedisLike } from "./engine";

/** Redis/Valkey caches require authentication. */
export const ElastiCacheAuthRequired: ResourceRule = {
  id: "ElastiCache.AuthRequired",
  scope: "resource",
  description: "Redis/Valkey replication groups set auth_token (from a secret, never a literal) or user_group_ids; serverless caches set user_group_id.",
  why: "Without AUTH any host that reaches the port can read every key and run FLUSHALL; security groups alone make one mistaken rule fatal.",
  resourceTypes: ["aws_elasticache_replication_group", "aws_elasticache_serverless_cache"],
  check(cache, stack) {
    if (!isRedisLike(cache)) return skip("memcached has no AUTH");
    const a = cache.attributes;
    if (isSet(a.user_group_ids) || isSet(a.user_group_id)) return pass();
    if (isSet(a.auth_token)) return passwordSource("auth_token", a.auth_token, stack);
    return fail(cache.type === "aws_elasticache_serverless_cache" ? "user_group_id is not set" : "neither auth_token nor user_group_ids is set");
  },
};
