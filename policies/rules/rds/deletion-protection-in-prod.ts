import { inProduction, requireTrue } from "../../engine/checks";
import type { ResourceRule } from "../../engine/types";

/** Production databases refuse deletion. */
export const RdsDeletionProtectionInProd: ResourceRule = {
  id: "RDS.DeletionProtectionInProd",
  scope: "resource",
  description: "In production, aws_db_instance and aws_rds_cluster have deletion_protection = true.",
  why: "Deletion protection makes the API refuse a delete, whether it comes from a plan that replaces the database, a destroy in the wrong workspace or the console.",
  resourceTypes: ["aws_db_instance", "aws_rds_cluster"],
  check: (db, stack) => inProduction(stack, () => requireTrue(db, "deletion_protection")),
};
