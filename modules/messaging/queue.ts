import { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue";
import { SqsQueuePolicy } from "@cdktf/provider-aws/lib/sqs-queue-policy";
import { SqsQueueRedriveAllowPolicy } from "@cdktf/provider-aws/lib/sqs-queue-redrive-allow-policy";
import { Construct } from "constructs";
import { policyDocument } from "../iam/policy-document";
import { between, check, matches, validateProps } from "../validate";

/** Props of a queue. */
export interface QueueProps {
  /** Queue name; a FIFO queue's ends in `.fifo`. */
  readonly name: string;
  /** @default false */
  readonly fifo?: boolean;
  /** FIFO only: throughput per message group (`perMessageGroupId`, deduplication per group). @default false */
  readonly highThroughput?: boolean;
  /** FIFO only: deduplicate by a body hash. @default false */
  readonly contentBasedDeduplication?: boolean;
  /** Key encrypting messages at rest (SSE-KMS). */
  readonly kmsKeyArn: string;
  /** 60 to 1,209,600 (14 days). */
  readonly retentionSeconds: number;
  /** 0 to 43,200 (12 hours). */
  readonly visibilityTimeoutSeconds: number;
  /** 0 to 20. */
  readonly receiveWaitSeconds: number;
  /** The dead-letter queue and how many receives a message gets before it moves there. @default none (the queue is a DLQ) */
  readonly deadLetter?: { readonly arn: string; readonly maxReceiveCount: number };
  /** Refuse `terraform destroy`: messages in flight would be lost. */
  readonly preventDestroy: boolean;
}

/**
 * An SQS queue encrypted with a customer-managed key, long polling, an
 * optional dead-letter queue, and a policy that denies every request not made
 * over TLS. A dead-letter queue lists its sources with {@link allowRedriveFrom}.
 */
export class Queue extends Construct {
  readonly arn: string;
  readonly url: string;
  readonly name: string;

  constructor(scope: Construct, id: string, props: QueueProps) {
    super(scope, id);
    const fifo = props.fifo ?? false;
    validateProps(this, [
      check("name", props.name, matches(fifo ? /^[A-Za-z0-9_-]{1,75}\.fifo$/ : /^[A-Za-z0-9_-]{1,80}$/,
        fifo ? "must be up to 75 letters, digits, hyphens and underscores followed by .fifo (SQS FIFO queue names)" : "must be up to 80 letters, digits, hyphens and underscores (SQS queue names)")),
      check("retentionSeconds", props.retentionSeconds, between(60, 1209600, "SQS message retention")),
      check("visibilityTimeoutSeconds", props.visibilityTimeoutSeconds, between(0, 43200, "SQS visibility timeout")),
      check("receiveWaitSeconds", props.receiveWaitSeconds, between(0, 20, "SQS long polling")),
      check("deadLetter.maxReceiveCount", props.deadLetter?.maxReceiveCount, between(1, 1000, "SQS maxReceiveCount")),
    ]);
    const highThroughput = fifo && (props.highThroughput ?? false);
    const queue = new SqsQueue(this, "Queue", {
      name: props.name,
      fifoQueue: fifo || undefined,
      contentBasedDeduplication: fifo ? props.contentBasedDeduplication ?? false : undefined,
      deduplicationScope: highThroughput ? "messageGroup" : undefined,
      fifoThroughputLimit: highThroughput ? "perMessageGroupId" : undefined,
      kmsMasterKeyId: props.kmsKeyArn,
      // Five minutes of data-key reuse: one KMS call per five minutes per consumer instead of one per message.
      kmsDataKeyReusePeriodSeconds: 300,
      messageRetentionSeconds: props.retentionSeconds,
      visibilityTimeoutSeconds: props.visibilityTimeoutSeconds,
      receiveWaitTimeSeconds: props.receiveWaitSeconds,
      redrivePolicy: props.deadLetter
        ? JSON.stringify({ deadLetterTargetArn: props.deadLetter.arn, maxReceiveCount: props.deadLetter.maxReceiveCount })
        : undefined,
      lifecycle: { preventDestroy: props.preventDestroy },
      tags: { Name: props.name },
    });
    new SqsQueuePolicy(this, "Policy", {
      queueUrl: queue.url,
      policy: policyDocument([{
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: "sqs:*",
        Resource: queue.arn,
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      }]),
    });
    this.arn = queue.arn;
    this.url = queue.url;
    this.name = queue.name;
  }

  /**
   * Makes this queue a dead-letter queue for exactly `sourceArns` (SQS's
   * `byQueue` redrive permission). A separate resource, so the sources can
   * reference this queue's ARN without a cycle.
   */
  allowRedriveFrom(sourceArns: readonly string[]): void {
    new SqsQueueRedriveAllowPolicy(this, "RedriveAllow", {
      queueUrl: this.url,
      redriveAllowPolicy: JSON.stringify({ redrivePermission: "byQueue", sourceQueueArns: sourceArns }),
    });
  }
}
