import { inProduction, requireNotTrue, requireSet } from "../../engine/checks";
import { combine, skip } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { isSet } from "../../engine/values";

/** Production databases take a final snapshot when deleted. */
export const RdsFinalSnapshotInProd: ResourceRule = {
  id: "RDS.FinalSnapshotInProd",
  scope: "resource",
  description: "In production, aws_db_instance and aws_rds_cluster keep skip_final_snapshot false and set final_snapshot_identifier.",
  why: "Automated backups are deleted with the database; the final snapshot is the only copy that survives a delete. Terraform refuses the delete without an identifier, so it must be set up front.",
  resourceTypes: ["aws_db_instance", "aws_rds_cluster"],
  check(db, stack) {
    if (isSet(db.attributes.replicate_source_db)) return skip("read replicas have no final snapshot");
    return inProduction(stack, () => combine([requireNotTrue(db, "skip_final_snapshot"), requireSet(db, "final_snapshot_identifier")]));
  },
};
