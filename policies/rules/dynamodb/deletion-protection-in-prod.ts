import { inProduction, requireTrue } from "../../engine/checks";
import type { ResourceRule } from "../../engine/types";

/** Production tables refuse deletion. */
export const DynamoDbDeletionProtectionInProd: ResourceRule = {
  id: "DynamoDB.DeletionProtectionInProd",
  scope: "resource",
  description: "In production, aws_dynamodb_table has deletion_protection_enabled = true.",
  why: "Deleting a table deletes its PITR history too; deletion protection makes the API refuse it.",
  resourceTypes: ["aws_dynamodb_table"],
  check: (table, stack) => inProduction(stack, () => requireTrue(table, "deletion_protection_enabled")),
};
