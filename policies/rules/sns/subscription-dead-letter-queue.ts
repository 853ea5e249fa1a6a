import { requireSet } from "../../engine/checks";
import { skip } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { literal } from "../../engine/values";

/** Protocols whose deliveries can fail after SNS's retries. */
const RETRIED_PROTOCOLS = ["sqs", "lambda", "http", "https", "firehose", "application"];

/** Subscriptions that can fail keep their undelivered messages. */
export const SnsSubscriptionDeadLetterQueue: ResourceRule = {
  id: "SNS.SubscriptionDeadLetterQueue",
  scope: "resource",
  description: "aws_sns_topic_subscription with protocol sqs, lambda, http(s), firehose or application sets redrive_policy (a DLQ).",
  why: "When retries run out SNS drops the message; for an alert to PagerDuty or an event to a consumer that is a silent loss. A DLQ keeps it for replay and alarms.",
  resourceTypes: ["aws_sns_topic_subscription"],
  check(subscription) {
    const protocol = literal(subscription.attributes.protocol);
    if (protocol !== undefined && !RETRIED_PROTOCOLS.includes(protocol)) return skip(`${protocol} has no DLQ support`);
    return requireSet(subscription, "redrive_policy");
  },
};
