import { DynamodbTable } from "@cdktf/provider-aws/lib/dynamodb-table";
import { Construct } from "constructs";

/** Props of the Terraform lock table. */
export interface LockTableProps {
  readonly tableName: string;
  readonly kmsKeyArn: string;
}

/**
 * DynamoDB table Terraform's S3 backend locks state with: `LockID` string
 * hash key, on-demand billing (a few writes per apply), point-in-time
 * recovery, encrypted with the backend's key, protected from deletion.
 */
export class LockTable extends Construct {
  readonly tableName: string;
  readonly arn: string;

  constructor(scope: Construct, id: string, props: LockTableProps) {
    super(scope, id);
    const table = new DynamodbTable(this, "Table", {
      name: props.tableName,
      billingMode: "PAY_PER_REQUEST",
      hashKey: "LockID",
      attribute: [{ name: "LockID", type: "S" }],
      pointInTimeRecovery: { enabled: true },
      serverSideEncryption: { enabled: true, kmsKeyArn: props.kmsKeyArn },
      deletionProtectionEnabled: true,
      lifecycle: { preventDestroy: true },
    });
    this.tableName = table.name;
    this.arn = table.arn;
  }
}
