import { CloudwatchLogResourcePolicy } from "@cdktf/provider-aws/lib/cloudwatch-log-resource-policy";
import { Construct } from "constructs";
import { policyDocument } from "../iam/policy-document";

/** Props of a log delivery policy. */
export interface LogDeliveryPolicyProps {
  /** Policy name, unique in the account and region (CloudWatch Logs allows 10 resource policies per region). */
  readonly name: string;
  /** Log groups the delivery service may write to. */
  readonly logGroupArns: readonly string[];
  readonly accountId: string;
  readonly region: string;
  readonly partition: string;
}

/**
 * One CloudWatch Logs resource policy per deployment and region letting the
 * log delivery service (WAF logs, CloudFront access logs) write into exactly
 * the deployment's edge log groups, on behalf of this account's sources only.
 */
export class LogDeliveryPolicy extends Construct {
  readonly policy: CloudwatchLogResourcePolicy;

  constructor(scope: Construct, id: string, props: LogDeliveryPolicyProps) {
    super(scope, id);
    this.policy = new CloudwatchLogResourcePolicy(this, "Policy", {
      policyName: props.name,
      policyDocument: policyDocument([{
        Sid: "LogDelivery", Effect: "Allow", Principal: { Service: "delivery.logs.amazonaws.com" },
        Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: props.logGroupArns.map((arn) => `${arn}:*`),
        Condition: {
          StringEquals: { "aws:SourceAccount": props.accountId },
          ArnLike: { "aws:SourceArn": `arn:${props.partition}:logs:${props.region}:${props.accountId}:*` },
        },
      }]),
    });
  }
}
