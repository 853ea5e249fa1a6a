import { fail, pass, unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { block, flag, UNKNOWN } from "../../engine/values";

/** Tables can be restored to any second of the last 35 days. */
export const DynamoDbPointInTimeRecovery: ResourceRule = {
  id: "DynamoDB.PointInTimeRecovery",
  scope: "resource",
  description: "aws_dynamodb_table has point_in_time_recovery.enabled = true.",
  why: "DynamoDB has no other undo: a bad batch write or a buggy stream consumer is recoverable only from PITR.",
  resourceTypes: ["aws_dynamodb_table"],
  check(table) {
    const enabled = flag(block(table.attributes.point_in_time_recovery)?.enabled);
    if (enabled === true) return pass();
    if (enabled === UNKNOWN) return unknown("point_in_time_recovery.enabled is computed");
    return fail(`point_in_time_recovery.enabled is ${enabled ?? "unset"}`);
  },
};
