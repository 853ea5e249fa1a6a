import { DataAwsSecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/data-aws-secretsmanager-secret-version";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";
import { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue";
import { SqsQueuePolicy } from "@cdktf/provider-aws/lib/sqs-queue-policy";
import { TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import type { PagerDutySettings } from "../../config/layers/observability";
import { policyDocument } from "../iam/policy-document";

/** Name of the Terraform variable holding the integration URL (CI sets `TF_VAR_pagerduty_integration_url`). */
export const PAGERDUTY_VARIABLE = "pagerduty_integration_url";

/** Props of the PagerDuty subscription. */
export interface PagerDutySubscriptionProps {
  readonly topicArn: string;
  /** Where the URL comes from; or the URL another subscription of the stack already reads (one variable or secret read per stack). */
  readonly source: PagerDutySettings | { readonly endpoint: string };
  /** Name of the queue keeping notifications PagerDuty did not take (`<deployment>-alarms-pagerduty-dlq`). */
  readonly deadLetterQueueName: string;
  /** The topic's key, which also encrypts the dead-letter queue (its policy lets SNS use it for that queue). */
  readonly kmsKeyArn: string;
  /** `prevent_destroy` on the dead-letter queue (staging and prod). */
  readonly preventDestroy: boolean;
}

/**
 * PagerDuty's CloudWatch integration as an HTTPS subscription of the alarm
 * topic. The integration URL embeds the integration key, so it never sits in
 * code or config: it comes from a sensitive Terraform variable, or from a
 * Secrets Manager secret whose value is the URL alone. Either way Terraform
 * keeps it in the (encrypted) state, as it must to manage the subscription.
 * PagerDuty confirms the subscription itself. Notifications SNS could not
 * deliver after its retries land in a dead-letter queue (14 days), which
 * the stack alarms on.
 */
export class PagerDutySubscription extends Construct {
  /** Name of the dead-letter queue, for its alarm. */
  readonly deadLetterQueueName: string;
  /** The integration URL (a variable or secret reference), for a second subscription. */
  readonly endpoint: string;

  constructor(scope: Construct, id: string, props: PagerDutySubscriptionProps) {
    super(scope, id);
    const dlq = new SqsQueue(this, "DeadLetterQueue", {
      name: props.deadLetterQueueName, kmsMasterKeyId: props.kmsKeyArn, kmsDataKeyReusePeriodSeconds: 300,
      messageRetentionSeconds: 1209600, lifecycle: { preventDestroy: props.preventDestroy }, tags: { Name: props.deadLetterQueueName },
    });
    new SqsQueuePolicy(this, "DeadLetterQueuePolicy", {
      queueUrl: dlq.url,
      policy: policyDocument([
        { Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "sqs:*", Resource: dlq.arn, Condition: { Bool: { "aws:SecureTransport": "false" } } },
        { Sid: "AlarmTopicDeadLetters", Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: "sqs:SendMessage", Resource: dlq.arn, Condition: { ArnEquals: { "aws:SourceArn": props.topicArn } } },
      ]),
    });
    this.deadLetterQueueName = dlq.name;
    this.endpoint = "endpoint" in props.source ? props.source.endpoint : integrationUrl(this, props.source);
    new SnsTopicSubscription(this, "Subscription", {
      topicArn: props.topicArn,
      protocol: "https",
      endpoint: this.endpoint,
      endpointAutoConfirms: true,
      redrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn }),
    });
  }
}

/** The integration URL from a sensitive variable (validated https) or a secret holding the URL alone. */
function integrationUrl(scope: Construct, source: PagerDutySettings): string {
  if (source.source === "secret") return new DataAwsSecretsmanagerSecretVersion(scope, "IntegrationUrl", { secretId: source.secretName }).secretString;
  const variable = new TerraformVariable(scope, "IntegrationUrl", {
    type: "string", sensitive: true, nullable: false,
    description: "PagerDuty CloudWatch integration URL (https://events.pagerduty.com/integration/<key>/enqueue)",
    validation: [{ condition: `\${startswith(var.${PAGERDUTY_VARIABLE}, "https://")}`, errorMessage: "The PagerDuty integration URL must start with https://." }],
  });
  variable.overrideLogicalId(PAGERDUTY_VARIABLE);
  return variable.stringValue;
}
