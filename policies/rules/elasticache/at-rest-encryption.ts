import { requireTrue } from "../../engine/checks";
import type { ResourceRule } from "../../engine/types";

/** Replication groups encrypt data at rest. */
export const ElastiCacheAtRestEncryption: ResourceRule = {
  id: "ElastiCache.AtRestEncryption",
  scope: "resource",
  description: "aws_elasticache_replication_group has at_rest_encryption_enabled = true (kms_key_id recommended).",
  why: "Snapshots and swap of an unencrypted cache hold session data in clear; at-rest encryption cannot be added to an existing group.",
  resourceTypes: ["aws_elasticache_replication_group"],
  check: (group) => requireTrue(group, "at_rest_encryption_enabled"),
};
