import { requireAtLeast } from "../../engine/checks";
import { skip } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { isSet } from "../../engine/values";

/** Minimum automated backup retention, in days. */
export const MIN_BACKUP_RETENTION_DAYS = 7;

/** Automated backups are kept at least a week. */
export const RdsBackupRetention: ResourceRule = {
  id: "RDS.BackupRetention",
  scope: "resource",
  description: `aws_db_instance and aws_rds_cluster keep automated backups for at least ${MIN_BACKUP_RETENTION_DAYS} days.`,
  why: "Point-in-time restore reaches back only as far as the retention period; problems such as a bad migration or silent corruption are often found days later, and the default is 1 day.",
  resourceTypes: ["aws_db_instance", "aws_rds_cluster"],
  check(db) {
    if (isSet(db.attributes.replicate_source_db)) return skip("read replicas are backed up through their source");
    return requireAtLeast(db, "backup_retention_period", MIN_BACKUP_RETENTION_DAYS, "AWS keeps 1 day");
  },
};
