import type { Environment } from "../../presets";
import type { MessagingInput } from "../types";

/**
 * Order events for the event-driven checkout the seed lists as the next
 * step: FIFO so one order's events stay in order (message group per order),
 * high-throughput across orders, with a FIFO DLQ. Off in dev, where checkout
 * stays synchronous.
 */
export function messaging(env: Environment): MessagingInput {
  if (env === "dev") return {};
  return {
    queues: [
      { id: "OrderEvents", fifo: true, highThroughput: true, visibilityTimeoutSeconds: 60, deadLetter: { queue: "OrderEventsDlq", maxReceiveCount: 5 } },
      { id: "OrderEventsDlq", fifo: true, retentionDays: 14 },
    ],
  };
}
