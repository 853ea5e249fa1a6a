import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy";
import { Construct } from "constructs";
import { policyDocument, type PolicyStatement } from "../iam/policy-document";
import { check, matches, validateProps } from "../validate";

/** Props of a standard SNS topic. */
export interface TopicProps {
  /** 1-256 letters, digits, hyphens and underscores. */
  readonly name: string;
  /**
   * Customer-managed key encrypting messages at rest. A service that
   * publishes needs a key-policy grant (key-grants.ts `topicPublisherKeyUse`);
   * the AWS-managed SNS key cannot give one.
   */
  readonly kmsKeyArn: string;
  /** Account whose services may publish (`aws:SourceAccount`). */
  readonly accountId: string;
  /**
   * Service principals allowed to publish through the topic policy, e.g.
   * `events.amazonaws.com` for EventBridge targets. Roles of the account
   * publish through their own IAM policies.
   * @default none
   */
  readonly servicePublishers?: readonly string[];
}

/**
 * An SNS standard topic encrypted with a customer-managed key, signing
 * deliveries with SHA256 (signature version 2, so HTTPS subscribers can
 * verify it with current tooling), and a policy that denies publishing over
 * anything but TLS and lets exactly the named services publish for this
 * account. Subscriptions are glue and belong to the layer that owns the
 * subscriber.
 */
export class Topic extends Construct {
  readonly arn: string;
  readonly name: string;

  constructor(scope: Construct, id: string, props: TopicProps) {
    super(scope, id);
    validateProps(this, [
      check("name", props.name, matches(/^[A-Za-z0-9_-]{1,256}$/, "must be 1-256 letters, digits, hyphens and underscores (SNS standard topic names)")),
      ...(props.servicePublishers ?? []).map((service, i) => check(`servicePublishers.${i}`, service,
        matches(/^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com$/, "must be an AWS service principal such as events.amazonaws.com"))),
    ]);
    const topic = new SnsTopic(this, "Topic", { name: props.name, kmsMasterKeyId: props.kmsKeyArn, signatureVersion: 2, tags: { Name: props.name } });
    const publishers = (props.servicePublishers ?? []).map((service): PolicyStatement => ({
      Sid: `${service.split(".")[0].replace(/^./, (c) => c.toUpperCase())}Publishes`,
      Effect: "Allow",
      Principal: { Service: service },
      Action: "sns:Publish",
      Resource: topic.arn,
      Condition: { StringEquals: { "aws:SourceAccount": props.accountId } },
    }));
    new SnsTopicPolicy(this, "Policy", {
      arn: topic.arn,
      policy: policyDocument([
        {
          Sid: "DenyInsecureTransport",
          Effect: "Deny",
          Principal: "*",
          Action: "sns:Publish",
          Resource: topic.arn,
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
        ...publishers,
      ]),
    });
    this.arn = topic.arn;
    this.name = topic.name;
  }
}
