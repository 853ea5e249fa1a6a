import { CloudwatchLogResourcePolicy } from "@cdktf/provider-aws/lib/cloudwatch-log-resource-policy";
import { Wafv2WebAclLoggingConfiguration } from "@cdktf/provider-aws/lib/wafv2-web-acl-logging-configuration";
import { Construct } from "constructs";
import { policyDocument } from "../iam/policy-document";
import { LogGroup } from "../logs/log-group";
import { check, matches, validateProps } from "../validate";

/** Props of a web ACL's logging. */
export interface WafLoggingProps {
  readonly webAclArn: string;
  /** Log group name; WAF only delivers to names starting with `aws-waf-logs-`. */
  readonly logGroupName: string;
  readonly retentionDays: number;
  /** Key of the log group, in the ACL's region, usable by CloudWatch Logs there. */
  readonly kmsKeyArn: string;
  readonly protect: boolean;
  /** Region and account of the log group (the delivery condition names them). */
  readonly region: string;
  readonly accountId: string;
  readonly partition: string;
}

/**
 * Full request logs of a web ACL in a KMS-encrypted CloudWatch log group,
 * with the resource policy letting the log delivery service write there
 * (only for this account's sources), and the Authorization header redacted:
 * bearer tokens never land in logs.
 */
export class WafLogging extends Construct {
  constructor(scope: Construct, id: string, props: WafLoggingProps) {
    super(scope, id);
    validateProps(this, [
      check("logGroupName", props.logGroupName, matches(/^aws-waf-logs-[A-Za-z0-9_./#-]{1,499}$/, "must start with aws-waf-logs- (WAF refuses other destinations)")),
    ]);
    const group = new LogGroup(this, "Logs", {
      name: props.logGroupName, retentionDays: props.retentionDays, kmsKeyArn: props.kmsKeyArn, deletionProtection: props.protect,
    }).logGroup;
    const policy = new CloudwatchLogResourcePolicy(this, "DeliveryPolicy", {
      policyName: `${props.logGroupName}-delivery`,
      policyDocument: policyDocument([{
        Sid: "WafLogDelivery", Effect: "Allow", Principal: { Service: "delivery.logs.amazonaws.com" },
        Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${group.arn}:*`,
        Condition: {
          StringEquals: { "aws:SourceAccount": props.accountId },
          ArnLike: { "aws:SourceArn": `arn:${props.partition}:logs:${props.region}:${props.accountId}:*` },
        },
      }]),
    });
    new Wafv2WebAclLoggingConfiguration(this, "Logging", {
      resourceArn: props.webAclArn,
      logDestinationConfigs: [group.arn],
      redactedFields: [{ singleHeader: { name: "authorization" } }],
      dependsOn: [policy],
    });
  }
}
