import type { MessagingInput } from "../types";

/** Receives before a message moves to the DLQ for manual review (the seed gives none; five tolerates transient faults). */
const MAX_RECEIVES = 5;

/**
 * Visibility timeouts sized for the longest StackFlow function (StackFlowAPI,
 * 300 s) times six, AWS's guidance for Lambda consumers of FIFO queues; the
 * compute layer checks each queue against its real consumer once it exists.
 */
const VISIBILITY_SECONDS = 6 * 300;

/**
 * The seed's four FIFO tiers, by their exact names: general ITSM events
 * (email-to-ticket, webhook ingestion; high-throughput mode, the busiest
 * tier), critical and non-critical auto-remediation, and the DLQ for failed
 * messages requiring manual review, kept the SQS maximum of 14 days. All are
 * encrypted with the system's multi-Region data key.
 */
export function messaging(): MessagingInput {
  const working = { fifo: true, retentionDays: 4, visibilityTimeoutSeconds: VISIBILITY_SECONDS, deadLetter: { queue: "RemediationDlq", maxReceiveCount: MAX_RECEIVES } };
  return {
    queues: [
      { id: "EventsIngestion", name: "StackFlow-Events-Ingestion.fifo", highThroughput: true, ...working },
      { id: "RemediationP1", name: "StackFlow-Remediation-P1.fifo", ...working },
      { id: "RemediationStandard", name: "StackFlow-Remediation-Standard.fifo", ...working },
      { id: "RemediationDlq", name: "StackFlow-Remediation-DLQ.fifo", fifo: true, retentionDays: 14 },
    ],
  };
}
