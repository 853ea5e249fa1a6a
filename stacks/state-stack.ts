import { LocalBackend, TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { accessLogRetentionDays } from "../config/access-logs";
import type { AccountRef } from "../config/deployment";
import { StateBackendLocation } from "../lib/state-backend";
import { KmsKey } from "../modules/kms/kms-key";
import { LockTable } from "../modules/state/lock-table";
import { ServerAccessLogBucket } from "../modules/state/server-access-log-bucket";
import { PrivateBucket } from "../modules/storage/private-bucket";
import { ScopeStack } from "./scope-stack";

/** Props of the bootstrap stack of one account and region. */
export interface StateStackProps {
  readonly account: AccountRef;
  readonly backend: StateBackendLocation;
}

/**
 * Bootstrap of the S3 backend for one account and region: the state bucket,
 * the lock table and the key encrypting both, and the bucket every bucket of
 * the account and region logs its requests into (this stack is applied
 * before any other of the account, which all depend on it). It cannot keep its own state in
 * a bucket it has yet to create, so it starts on local state; README.md
 * ("State bootstrap") describes the migration into the bucket afterwards.
 */
export class StateStack extends ScopeStack {
  readonly backend: StateBackendLocation;

  constructor(scope: Construct, props: StateStackProps) {
    super(scope, "state", { kind: "account", account: props.account, region: props.backend.region });
    this.backend = props.backend;
    new LocalBackend(this, { path: `terraform.${props.backend.stackName}.tfstate` });

    const key = new KmsKey(this, "StateKey", {
      alias: props.backend.keyAlias,
      description: `Encrypts Terraform state and locks of ${props.account.name} in ${props.backend.region}`,
      accountId: this.accountId,
      partition: this.partition,
    });
    const accessLogs = new ServerAccessLogBucket(this, "AccessLogBucket", {
      bucketName: props.backend.accessLogBucket, accountId: this.accountId, partition: this.partition,
      retentionDays: accessLogRetentionDays(props.account.name),
    });
    // Versioned so any state write can be rolled back; superseded versions expire after 90 days.
    const bucket = new PrivateBucket(this, "StateBucket", {
      bucketName: props.backend.bucket,
      kmsKeyArn: key.arn,
      preventDestroy: true,
      accessLogs: { bucket: accessLogs.bucketName },
      lifecycleRules: [{
        id: "expire-noncurrent-state-versions", status: "Enabled", filter: [{ prefix: "" }],
        noncurrentVersionExpiration: [{ noncurrentDays: 90 }],
      }],
    });
    const table = new LockTable(this, "LockTable", { tableName: props.backend.lockTable, kmsKeyArn: key.arn });

    new TerraformOutput(this, "state_bucket", { value: bucket.bucketName, description: "S3 bucket holding Terraform state" });
    new TerraformOutput(this, "lock_table", { value: table.tableName, description: "DynamoDB table locking Terraform state" });
    new TerraformOutput(this, "access_log_bucket", { value: accessLogs.bucketName, description: "S3 bucket receiving the server access logs of this account and region" });
    new TerraformOutput(this, "state_kms_key_arn", { value: key.arn, description: "KMS key encrypting state and locks" });
  }
}
