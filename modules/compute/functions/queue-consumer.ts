import { LambdaEventSourceMapping } from "@cdktf/provider-aws/lib/lambda-event-source-mapping";
import { Construct } from "constructs";
import { between, check, validateProps } from "../../validate";

/** Props of an SQS event source mapping. */
export interface QueueConsumerProps {
  /** The function, or its alias ARN when callers are pinned to one. */
  readonly functionName: string;
  readonly queueArn: string;
  /** Messages per batch (1-10,000; 10 at most on FIFO queues or without a window). */
  readonly batchSize: number;
  /** Seconds to gather a batch (standard queues). @default none */
  readonly batchWindowSeconds?: number;
  /** Most concurrent invocations this source drives (2-1000). @default no cap */
  readonly maxConcurrency?: number;
}

/**
 * A function consuming an SQS queue with partial batch failure reporting
 * (`ReportBatchItemFailures`): the function returns the ids of the
 * messages it failed, so only those return to the queue (and, after the
 * queue's maxReceiveCount, to its dead-letter queue) instead of the whole batch.
 */
export class QueueConsumer extends Construct {
  constructor(scope: Construct, id: string, props: QueueConsumerProps) {
    super(scope, id);
    validateProps(this, [
      check("batchSize", props.batchSize, between(1, 10000, "SQS event source batch size")),
      check("batchWindowSeconds", props.batchWindowSeconds, between(0, 300, "SQS event source batching window")),
      check("maxConcurrency", props.maxConcurrency, between(2, 1000, "SQS event source maximum concurrency")),
    ]);
    new LambdaEventSourceMapping(this, "Mapping", {
      functionName: props.functionName,
      eventSourceArn: props.queueArn,
      batchSize: props.batchSize,
      maximumBatchingWindowInSeconds: props.batchWindowSeconds,
      functionResponseTypes: ["ReportBatchItemFailures"],
      scalingConfig: props.maxConcurrency === undefined ? undefined : { maximumConcurrency: props.maxConcurrency },
    });
  }
}
