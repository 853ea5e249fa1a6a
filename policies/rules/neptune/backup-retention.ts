import { requireAtLeast } from "../../engine/checks";
import type { ResourceRule } from "../../engine/types";
import { MIN_BACKUP_RETENTION_DAYS } from "../rds/backup-retention";

/** Neptune keeps automated backups at least a week. */
export const NeptuneBackupRetention: ResourceRule = {
  id: "Neptune.BackupRetention",
  scope: "resource",
  description: `aws_neptune_cluster keeps automated backups for at least ${MIN_BACKUP_RETENTION_DAYS} days.`,
  why: "The default is 1 day: a bad write found on Monday cannot be undone from Friday's state.",
  resourceTypes: ["aws_neptune_cluster"],
  check: (cluster) => requireAtLeast(cluster, "backup_retention_period", MIN_BACKUP_RETENTION_DAYS, "AWS keeps 1 day"),
};
