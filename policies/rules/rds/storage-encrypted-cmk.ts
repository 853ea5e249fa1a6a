import { requireSet, requireTrue } from "../../engine/checks";
import { combine, skip } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { isSet } from "../../engine/values";

/** RDS instances and clusters are encrypted with a customer-managed key. */
export const RdsStorageEncryptedCmk: ResourceRule = {
  id: "RDS.StorageEncryptedCmk",
  scope: "resource",
  description: "aws_db_instance and aws_rds_cluster have storage_encrypted = true and kms_key_id set to a customer-managed key.",
  why: "Encryption cannot be turned on after creation (it needs a snapshot restore and downtime), and the AWS-managed aws/rds key cannot be shared or have its policy changed, which blocks cross-account snapshot copies and backups.",
  resourceTypes: ["aws_db_instance", "aws_rds_cluster"],
  check(db) {
    // A same-region read replica inherits the source's encryption and key.
    if (isSet(db.attributes.replicate_source_db)) return skip("read replica inherits encryption");
    return combine([
      requireTrue(db, "storage_encrypted"),
      requireSet(db, "kms_key_id", "without it RDS uses the AWS-managed aws/rds key"),
    ]);
  },
};
