import { DynamodbTable as AwsDynamodbTable } from "@cdktf/provider-aws/lib/dynamodb-table";
import { Construct } from "constructs";
import type { DynamodbSettings } from "../../config/layers/data";
import { check, matches, validateProps } from "../validate";
import { protection } from "./protection";

/** Props of a DynamoDB table. */
export interface DynamodbTableProps {
  readonly settings: DynamodbSettings;
  readonly kmsKeyArn: string;
}

/**
 * On-demand DynamoDB table encrypted with the data key, point-in-time
 * recovery on, a stream for change consumers (EventBridge Pipes), optional
 * TTL, deletion protection and `prevent_destroy` when the deployment protects
 * its data.
 */
export class DynamodbTable extends Construct {
  readonly tableName: string;
  readonly arn: string;
  /** Stream ARN; empty string when the table has no stream. */
  readonly streamArn: string;

  constructor(scope: Construct, id: string, props: DynamodbTableProps) {
    super(scope, id);
    const s = props.settings;
    validateProps(this, [
      check("settings.name", s.name, matches(/^[A-Za-z0-9_.-]{3,255}$/, "must be 3-255 letters, digits and _.- (DynamoDB table names)")),
    ]);
    const guard = protection(s.deletionProtection, s.name);
    const keys = [s.partitionKey, ...(s.sortKey ? [s.sortKey] : [])];
    const streamed = s.stream !== "none";
    const table = new AwsDynamodbTable(this, "Table", {
      name: s.name,
      billingMode: "PAY_PER_REQUEST",
      hashKey: s.partitionKey.name,
      rangeKey: s.sortKey?.name,
      attribute: keys.map((k) => ({ name: k.name, type: k.type })),
      streamEnabled: streamed,
      streamViewType: streamed ? s.stream : undefined,
      pointInTimeRecovery: { enabled: true },
      serverSideEncryption: { enabled: true, kmsKeyArn: props.kmsKeyArn },
      ttl: s.ttlAttribute ? { attributeName: s.ttlAttribute, enabled: true } : undefined,
      deletionProtectionEnabled: guard.deletionProtection,
      lifecycle: guard.lifecycle,
      tags: { Name: s.name },
    });
    this.tableName = table.name;
    this.arn = table.arn;
    this.streamArn = streamed ? table.streamArn : "";
  }
}
