import { fail, pass, unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { block, flag, isSet, UNKNOWN } from "../../engine/values";

/** Tables are encrypted with a customer-managed key. */
export const DynamoDbCmkEncryption: ResourceRule = {
  id: "DynamoDB.CmkEncryption",
  scope: "resource",
  description: "aws_dynamodb_table has server_side_encryption.enabled = true with kms_key_arn set.",
  why: "The default AWS-owned key cannot be audited or restricted; a customer key adds a key policy, CloudTrail decrypt records and the ability to cut access off.",
  resourceTypes: ["aws_dynamodb_table"],
  check(table) {
    const sse = block(table.attributes.server_side_encryption);
    const enabled = flag(sse?.enabled);
    if (enabled === UNKNOWN) return unknown("server_side_encryption.enabled is computed");
    if (enabled !== true) return fail("server_side_encryption is not enabled (AWS-owned key)");
    return isSet(sse?.kms_key_arn) ? pass() : fail("server_side_encryption.kms_key_arn is not set (AWS-managed aws/dynamodb key)");
  },
};
