import type { MessagingInput } from "../types";
import { appDomain } from "./domain";

/**
 * The seed's async work: the Todo subgraph queues notifications that the
 * Notification Lambda sends as email (SES) or mobile push (SNS), and
 * "DynamoDB --Streams--> EventBridge: Pub/Sub -> Lambda: Analytics".
 * Standard queues (order does not matter, throughput does), each DLQ kept
 * 14 days. Table changes reach the domain-events bus through a pipe; a rule
 * there routes every `thestack.*` event to Analytics, whose target the
 * compute layer adds. Topics: mobile push broadcasts, fan-out of domain
 * events (EventBridge may publish), and SES's sending events.
 */
/** `env`: the environment, or `pr-<n>` for a preview (config/preview.ts). */
export function messaging(env: string): MessagingInput {
  return {
    queues: [
      { id: "Notifications", visibilityTimeoutSeconds: 60, deadLetter: { queue: "NotificationsDlq", maxReceiveCount: 5 } },
      { id: "NotificationsDlq", retentionDays: 14 },
      { id: "AppChangesDlq", retentionDays: 14 },
    ],
    buses: [{
      id: "DomainEvents",
      rules: [{
        id: "AnalyticsDomainEvents",
        description: "Domain events of The Stack to the Analytics Lambda (target added by the compute layer)",
        pattern: JSON.stringify({ source: [{ prefix: "thestack." }] }),
      }],
    }],
    pipes: [{
      id: "AppChanges", table: "App", bus: "DomainEvents", deadLetterQueue: "AppChangesDlq",
      // TTL expiries are housekeeping, not domain events: only they carry userIdentity (principal dynamodb.amazonaws.com).
      filters: [JSON.stringify({ userIdentity: { principalId: [{ exists: false }] } })],
      eventSource: "thestack.app", detailType: "AppItemChanged",
    }],
    topics: [
      { id: "MobilePush" },
      { id: "FanOut", servicePublishers: ["events"] },
      { id: "EmailEvents" },
    ],
    email: { domain: appDomain(env), eventsTopic: "EmailEvents" },
  };
}
