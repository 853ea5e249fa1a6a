import type { Thresholds } from "../../../config/layers/observability";
import { type AlarmSpec, type AlarmTiming, onFirstDatapoint } from "../alarm-spec";

/** An SQS queue: its config id, its name (messaging contract) and whether it is a dead-letter queue. */
export interface QueueComponent {
  readonly kind: "queue";
  readonly id: string;
  readonly queueName: string;
  readonly deadLetter: boolean;
}

/**
 * A dead-letter queue alarms on any visible message, at once; a working
 * queue on the age of its oldest message (consumers falling behind or gone).
 */
export function queueAlarms(c: QueueComponent, t: Thresholds, timing: AlarmTiming): AlarmSpec[] {
  const base = { namespace: "AWS/SQS", dimensions: { QueueName: c.queueName }, statistic: "Maximum" as const, comparison: "GreaterThanThreshold" as const };
  if (c.deadLetter) {
    return [{
      ...base, ...onFirstDatapoint(timing), key: "messages", metricName: "ApproximateNumberOfMessagesVisible", threshold: 0, treatMissingData: "notBreaching",
      description: `Dead-letter queue ${c.id} holds a message: processing failed maxReceiveCount times. First: read one message (do not delete it), find the consumer's error for it in its logs, fix, then redrive with StartMessageMoveTask.`,
    }];
  }
  return [{
    ...base, ...timing, key: "oldest-message", metricName: "ApproximateAgeOfOldestMessage", threshold: t.oldestMessageSeconds, treatMissingData: "notBreaching",
    description: `Queue ${c.id}'s oldest message is over ${t.oldestMessageSeconds} s old: consumers are behind or stopped. First: check the consumer is running and its errors; then whether one poison message blocks a FIFO group.`,
  }];
}
