import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { Construct } from "constructs";
import { pascalCase } from "../../lib/naming";
import { check, matches, oneOf, validateProps } from "../validate";

/** Retention values CloudWatch Logs accepts (`retention_in_days`), in days. */
export const CLOUDWATCH_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/** A retention CloudWatch Logs accepts; anything else fails at apply. */
export const cloudwatchRetention = oneOf(CLOUDWATCH_RETENTION_DAYS, "CloudWatch Logs retention values");

/** Props of a log group. */
export interface LogGroupProps {
  /** The exact name the writer (a service, a function) uses. */
  readonly name: string;
  /** Days events are kept; one of {@link CLOUDWATCH_RETENTION_DAYS}. */
  readonly retentionDays: number;
  /** KMS key encrypting the events; its policy must let CloudWatch Logs of this region use it. */
  readonly kmsKeyArn: string;
  /**
   * Refuse deletion: CloudWatch's own deletion protection (the API refuses
   * `DeleteLogGroup`, whoever asks) and Terraform's `prevent_destroy`.
   * Audit and database logs are evidence; losing them to one edit is not an option.
   * @default true
   */
  readonly deletionProtection?: boolean;
}

/**
 * A KMS-encrypted log group with retention, created ahead of its writer:
 * RDS, Neptune, ElastiCache or Lambda would otherwise create it on first
 * write, unencrypted and kept forever. Protected from deletion unless told
 * otherwise.
 */
export class LogGroup extends Construct {
  /** The log group, for `depends_on` and its attributes. */
  readonly logGroup: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: LogGroupProps) {
    super(scope, id);
    validateProps(this, [
      check("name", props.name, matches(/^[.\-_/#A-Za-z0-9]{1,512}$/, "must be 1-512 letters, digits and . - _ / # (CloudWatch Logs group names)")),
      check("retentionDays", props.retentionDays, cloudwatchRetention),
    ]);
    const protect = props.deletionProtection ?? true;
    this.logGroup = new CloudwatchLogGroup(this, "LogGroup", {
      name: props.name,
      retentionInDays: props.retentionDays,
      kmsKeyId: props.kmsKeyArn,
      deletionProtectionEnabled: protect,
      lifecycle: { preventDestroy: protect },
    });
  }
}

/**
 * One `Logs<Type>` log group per exported log, named `<prefix>/<type>`, as
 * RDS and Neptune name them; returned for the store's `depends_on`.
 */
export function exportLogGroups(scope: Construct, prefix: string, logs: readonly string[], settings: Omit<LogGroupProps, "name">): CloudwatchLogGroup[] {
  return logs.map((log) => new LogGroup(scope, `Logs${pascalCase(log)}`, { ...settings, name: `${prefix}/${log}` }).logGroup);
}
