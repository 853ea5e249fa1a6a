import { fail, pass, skip, unknown } from "../../engine/outcome";
import type { StackContext } from "../../engine/stack-context";
import type { ResourceRule, ResourceView } from "../../engine/types";
import { isSet, isUnresolved, literal } from "../../engine/values";

const DLQ_NAME = /(-|_|\.)(dlq|dead-?letter)(\.fifo)?$/i;

/** A queue is a DLQ if it is named like one, lets others redrive into it, or is some queue's target. */
function isDeadLetterQueue(queue: ResourceView, stack: StackContext): boolean {
  if (DLQ_NAME.test(literal(queue.attributes.name) ?? "")) return true;
  if (isSet(queue.attributes.redrive_allow_policy)) return true;
  return stack.referencing(queue, "aws_sqs_queue", "redrive_policy").length > 0
    || stack.referencing(queue, "aws_sqs_queue_redrive_policy", "redrive_policy").length > 0;
}

/** Every queue that is not itself a DLQ has one. */
export const SqsDeadLetterQueue: ResourceRule = {
  id: "SQS.DeadLetterQueue",
  scope: "resource",
  description: "Every aws_sqs_queue that is not a dead-letter queue has a redrive policy (deadLetterTargetArn and maxReceiveCount), inline or as aws_sqs_queue_redrive_policy.",
  why: "Without a DLQ a poison message is retried until it expires, blocking FIFO groups and burning consumer time, and then disappears without a trace.",
  resourceTypes: ["aws_sqs_queue"],
  check(queue, stack) {
    if (isDeadLetterQueue(queue, stack)) return skip("dead-letter queue");
    const separate = stack.referencing(queue, "aws_sqs_queue_redrive_policy", "queue_url")[0];
    const policy = separate?.attributes.redrive_policy ?? queue.attributes.redrive_policy;
    if (!isSet(policy)) return fail("no redrive_policy and no aws_sqs_queue_redrive_policy for this queue");
    if (typeof policy !== "string") return unknown("redrive_policy is not a JSON string");
    try {
      const parsed = JSON.parse(policy) as { deadLetterTargetArn?: unknown; maxReceiveCount?: unknown };
      if (!isSet(parsed.deadLetterTargetArn)) return fail("redrive_policy has no deadLetterTargetArn");
      if (parsed.maxReceiveCount === undefined) return fail("redrive_policy has no maxReceiveCount");
      return pass();
    } catch {
      return isUnresolved(policy) ? pass() : fail("redrive_policy is not valid JSON");
    }
  },
};
