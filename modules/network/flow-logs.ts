import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { Construct } from "constructs";
import { policyDocument, serviceTrustPolicy } from "../iam/policy-document";
import { cloudwatchRetention } from "../logs/log-group";
import { check, matches, validateProps } from "../validate";

/** Props of VPC flow logs. */
export interface FlowLogsProps {
  readonly vpcId: string;
  /** Log group name and prefix of the role name. */
  readonly name: string;
  readonly retentionDays: number;
  readonly kmsKeyArn: string;
  readonly accountId: string;
  /**
   * Refuse deletion of the log group (CloudWatch deletion protection and
   * `prevent_destroy`): flow logs are the network's audit trail, the record of
   * who connected to what that an incident review needs.
   * @default true
   */
  readonly deletionProtection?: boolean;
}

/**
 * Flow logs of every accepted and rejected connection in the VPC, at one-minute
 * aggregation, into a KMS-encrypted log group with retention, protected from
 * deletion by default. The delivery role may only write streams of that one log group.
 */
export class FlowLogs extends Construct {
  readonly logGroupName: string;
  readonly logGroupArn: string;

  constructor(scope: Construct, id: string, props: FlowLogsProps) {
    super(scope, id);
    validateProps(this, [
      check("name", props.name, matches(/^[\w+=,.@-]{1,55}$/, "must be 1-55 letters, digits and +=,.@_- (the role <name>-delivery must fit IAM's 64)")),
      check("retentionDays", props.retentionDays, cloudwatchRetention),
    ]);
    const protect = props.deletionProtection ?? true;
    const group = new CloudwatchLogGroup(this, "LogGroup", {
      name: `/vpc/${props.name}`,
      retentionInDays: props.retentionDays,
      kmsKeyId: props.kmsKeyArn,
      deletionProtectionEnabled: protect,
      lifecycle: { preventDestroy: protect },
    });
    const role = new IamRole(this, "DeliveryRole", {
      name: `${props.name}-delivery`,
      description: "Lets VPC Flow Logs write to its log group",
      assumeRolePolicy: serviceTrustPolicy("vpc-flow-logs.amazonaws.com", props.accountId),
    });
    new IamRolePolicy(this, "DeliveryPolicy", {
      role: role.name,
      name: "write-flow-logs",
      policy: policyDocument([{
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
        Resource: `${group.arn}:*`,
      }]),
    });
    new FlowLog(this, "FlowLog", {
      vpcId: props.vpcId,
      trafficType: "ALL",
      logDestinationType: "cloud-watch-logs",
      logDestination: group.arn,
      iamRoleArn: role.arn,
      maxAggregationInterval: 60,
      tags: { Name: props.name },
    });
    this.logGroupName = group.name;
    this.logGroupArn = group.arn;
  }
}
