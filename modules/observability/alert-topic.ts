import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy";
import { Construct } from "constructs";
import { policyDocument, type PolicyStatement } from "../iam/policy-document";
import { topicPublisherKeyUse } from "../kms/key-grants";
import { KmsKey } from "../kms/kms-key";

/** Props of a deployment's alarm topic. */
export interface AlertTopicProps {
  /** Topic name and key alias (`<deployment>-alarms`). */
  readonly name: string;
  readonly accountId: string;
  readonly partition: string;
  readonly region: string;
  /** `prevent_destroy` on the key (staging and prod). @default true */
  readonly preventDestroy?: boolean;
  /** Only CloudWatch alarms publish (the us-east-1 topic of CloudFront and WAF alarms). @default false */
  readonly alarmsOnly?: boolean;
}

/**
 * The services that publish to the topic, each only for its own resources
 * of this account (`aws:SourceAccount` and an `aws:SourceArn` pattern):
 * CloudWatch alarms, EventBridge rules, AWS Budgets and RDS event
 * subscriptions.
 */
function publishers(p: AlertTopicProps): readonly { sid: string; service: string; sourceArn: string }[] {
  const arn = (service: string, region: string, resource: string) => `arn:${p.partition}:${service}:${region}:${p.accountId}:${resource}`;
  return [
    { sid: "CloudWatchAlarms", service: "cloudwatch.amazonaws.com", sourceArn: arn("cloudwatch", p.region, "alarm:*") },
    { sid: "EventBridgeRules", service: "events.amazonaws.com", sourceArn: arn("events", p.region, "rule/*") },
    // Budgets is global: its ARNs carry no region.
    { sid: "Budgets", service: "budgets.amazonaws.com", sourceArn: arn("budgets", "", "budget/*") },
    { sid: "RdsEvents", service: "events.rds.amazonaws.com", sourceArn: arn("rds", p.region, "es:*") },
  ].filter((s) => !p.alarmsOnly || s.sid === "CloudWatchAlarms");
}

/**
 * One SNS topic per deployment for alarm and OK notifications, encrypted
 * with its own key. The key policy lets exactly the publishing services
 * generate data keys for this topic (SNS Developer Guide, "Enable
 * compatibility between event sources from AWS services and encrypted
 * topics"); the topic policy lets them publish for this account's
 * resources only, and refuses publishing without TLS.
 */
export class AlertTopic extends Construct {
  readonly arn: string;
  readonly name: string;
  readonly keyArn: string;

  constructor(scope: Construct, id: string, props: AlertTopicProps) {
    super(scope, id);
    // The key exists before the topic, so its policy names the topic by its predictable ARN.
    const topicArn = `arn:${props.partition}:sns:${props.region}:${props.accountId}:${props.name}`;
    const services = publishers(props);
    const key = new KmsKey(this, "Key", {
      alias: props.name,
      description: `Encrypts the alarm topic ${props.name}`,
      accountId: props.accountId,
      partition: props.partition,
      preventDestroy: props.preventDestroy,
      grants: [
        ...services.map((s) => topicPublisherKeyUse({ sid: `${s.sid}Publish`, service: s.service, accountId: props.accountId, topicArns: [topicArn] })),
        // SNS itself, moving undeliverable notifications of this topic into its dead-letter queue (encrypted with this key).
        {
          Sid: "SnsDeadLetters", Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: "*",
          Condition: { StringEquals: { "aws:SourceAccount": props.accountId }, ArnEquals: { "aws:SourceArn": topicArn } },
        },
      ],
    });
    const topic = new SnsTopic(this, "Topic", { name: props.name, kmsMasterKeyId: key.arn, signatureVersion: 2, tags: { Name: props.name } });
    new SnsTopicPolicy(this, "Policy", {
      arn: topic.arn,
      policy: policyDocument([
        { Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "sns:Publish", Resource: topic.arn, Condition: { Bool: { "aws:SecureTransport": "false" } } },
        ...services.map((s): PolicyStatement => ({
          Sid: `${s.sid}Publish`, Effect: "Allow", Principal: { Service: s.service }, Action: "sns:Publish", Resource: topic.arn,
          Condition: { StringEquals: { "aws:SourceAccount": props.accountId }, ArnLike: { "aws:SourceArn": s.sourceArn } },
        })),
      ]),
    });
    this.arn = topic.arn;
    this.name = topic.name;
    this.keyArn = key.arn;
  }
}
