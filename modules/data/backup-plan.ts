import { BackupPlan } from "@cdktf/provider-aws/lib/backup-plan";
import { BackupSelection } from "@cdktf/provider-aws/lib/backup-selection";
import { BackupVault } from "@cdktf/provider-aws/lib/backup-vault";
import { Construct } from "constructs";
import { ServiceRole } from "../iam/service-role";
import { between, check, matches, validateProps } from "../validate";

/** Props of a backup plan for a deployment's databases. */
export interface DatabaseBackupPlanProps {
  /** Vault, plan and selection name; the role is `<name>-backup`. */
  readonly name: string;
  /** Key encrypting the recovery points (the deployment's data key). */
  readonly kmsKeyArn: string;
  /** ARNs of the clusters and instances backed up. */
  readonly resourceArns: readonly string[];
  /** Days daily recovery points are kept (1-35 keeps them in warm storage). */
  readonly dailyRetentionDays: number;
  /** Days monthly recovery points are kept. */
  readonly monthlyRetentionDays: number;
  readonly accountId: string;
  readonly partition: string;
}

/**
 * AWS Backup for production databases, beside their automated backups:
 * recovery points in a vault of their own, encrypted with the data key and
 * kept past the 35 days automated backups allow (monthly points for a
 * year), so a dropped table found late, or a deleted cluster, can still be
 * restored. The vault refuses `terraform destroy`.
 */
export class DatabaseBackupPlan extends Construct {
  readonly vaultName: string;

  constructor(scope: Construct, id: string, props: DatabaseBackupPlanProps) {
    super(scope, id);
    validateProps(this, [
      check("name", props.name, matches(/^[A-Za-z0-9_-]{2,50}$/, "must be 2-50 letters, digits, hyphens and underscores (AWS Backup vault names)")),
      check("dailyRetentionDays", props.dailyRetentionDays, between(1, 35, "days in warm storage")),
      check("monthlyRetentionDays", props.monthlyRetentionDays, between(35, 36500, "days, longer than the daily points")),
    ]);
    const vault = new BackupVault(this, "Vault", {
      name: props.name,
      kmsKeyArn: props.kmsKeyArn,
      forceDestroy: false,
      lifecycle: { preventDestroy: true },
    });
    // Daily at 05:00 UTC, after the databases' 03:00-04:00 automated backup window; monthly on the 1st.
    const plan = new BackupPlan(this, "Plan", {
      name: props.name,
      rule: [
        { ruleName: "daily", targetVaultName: vault.name, schedule: "cron(0 5 * * ? *)", startWindow: 60, completionWindow: 360, lifecycle: { deleteAfter: props.dailyRetentionDays } },
        { ruleName: "monthly", targetVaultName: vault.name, schedule: "cron(0 5 1 * ? *)", startWindow: 60, completionWindow: 720, lifecycle: { deleteAfter: props.monthlyRetentionDays } },
      ],
    });
    const role = new ServiceRole(this, "Role", {
      name: `${props.name}-backup`,
      description: `AWS Backup takes and restores recovery points of ${props.name}`,
      service: "backup.amazonaws.com",
      sourceAccountId: props.accountId,
      managedPolicyArns: {
        Backup: `arn:${props.partition}:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup`,
        Restores: `arn:${props.partition}:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores`,
      },
    });
    new BackupSelection(this, "Selection", {
      name: props.name,
      planId: plan.id,
      iamRoleArn: role.roleArn,
      resources: [...props.resourceArns],
    });
    this.vaultName = vault.name;
  }
}
