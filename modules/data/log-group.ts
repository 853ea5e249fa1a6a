import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { Construct } from "constructs";

/** Props of a service log group. */
export interface ServiceLogGroupProps {
  /** The exact name the service writes to. */
  readonly name: string;
  readonly retentionDays: number;
  readonly kmsKeyArn: string;
}

/**
 * Creates, ahead of the service, the log group RDS, Neptune or ElastiCache
 * would otherwise create on first export: unencrypted and kept forever.
 */
export class ServiceLogGroup extends Construct {
  readonly logGroup: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: ServiceLogGroupProps) {
    super(scope, id);
    this.logGroup = new CloudwatchLogGroup(this, "LogGroup", {
      name: props.name,
      retentionInDays: props.retentionDays,
      kmsKeyId: props.kmsKeyArn,
    });
  }
}
