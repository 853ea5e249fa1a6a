import type { MessagingInput } from "../types";

/**
 * The seed's async work: the Todo subgraph queues notifications that the
 * Notification Lambda sends as email (SES) or mobile push (SNS). Standard
 * queue (order does not matter, throughput does), with a DLQ kept 14 days.
 */
export function messaging(): MessagingInput {
  return {
    queues: [
      { id: "Notifications", visibilityTimeoutSeconds: 60, deadLetter: { queue: "NotificationsDlq", maxReceiveCount: 5 } },
      { id: "NotificationsDlq", retentionDays: 14 },
    ],
  };
}
