import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { Construct } from "constructs";
import { pascalCase } from "../../lib/naming";
import type { StorePlacement } from "./placement";

/** Props of a service log group. */
export interface ServiceLogGroupProps {
  /** The exact name the service writes to. */
  readonly name: string;
  /** Retention and logs key of the deployment. */
  readonly placement: StorePlacement;
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
      retentionInDays: props.placement.logRetentionDays,
      kmsKeyId: props.placement.logsKmsKeyArn,
    });
  }
}

/** One `Logs<Type>` group per exported log, named `<prefix>/<type>`; returned for `depends_on`. */
export function exportLogGroups(scope: Construct, prefix: string, logs: readonly string[], placement: StorePlacement): CloudwatchLogGroup[] {
  return logs.map((log) => new ServiceLogGroup(scope, `Logs${pascalCase(log)}`, { name: `${prefix}/${log}`, placement }).logGroup);
}
