import { z } from "zod";
import { defineLayer } from "../context";
import { constructId, intBetween } from "../fields";
import { type EventsSettings, eventsFields, eventsUsed, resolveEvents } from "./messaging-events";
import { type BrokerSettings, brokerSchema, resolveBroker } from "./messaging-broker";

/** SQS limits (SQS developer guide, "Quotas"): retention 1 minute to 14 days, visibility up to 12 hours, receive count 1-1000. */
const MAX_RETENTION_DAYS = 14;

/** One SQS queue. A queue that no other queue redrives into must name its own dead-letter queue. */
const queueSchema = z.strictObject({
  id: constructId,
  /**
   * Queue name. A FIFO queue's ends in `.fifo`, a standard queue's must not.
   * @default `<system>-<env>-<id in kebab case>`, plus `.fifo` for a FIFO queue
   */
  name: z.string().regex(/^[A-Za-z0-9_-]{1,80}(\.fifo)?$/, { error: "must be up to 80 letters, digits, hyphens and underscores (a FIFO queue's ending in .fifo)" }).optional(),
  /** First-in-first-out with exactly-once processing. @default false */
  fifo: z.boolean().default(false),
  /** FIFO only: throughput per message group instead of per queue (high-throughput mode). @default false */
  highThroughput: z.boolean().default(false),
  /** FIFO only: deduplicate by a hash of the body when producers send no deduplication id. @default false */
  contentBasedDeduplication: z.boolean().default(false),
  /** Days a message is kept. @default 4 (SQS's default) */
  retentionDays: intBetween(1, MAX_RETENTION_DAYS, "days").default(4),
  /**
   * Seconds a received message stays hidden. AWS guidance: at least six times
   * the consumer's timeout for a Lambda consumer; the compute layer checks it
   * once consumers exist. @default 30
   */
  visibilityTimeoutSeconds: intBetween(0, 43200, "seconds").default(30),
  /** Long polling wait. @default 20 (the maximum: fewer empty receives) */
  receiveWaitSeconds: intBetween(0, 20, "seconds").default(20),
  /** Where messages go after `maxReceiveCount` failed receives: a queue of this layer, FIFO for a FIFO queue. */
  deadLetter: z.strictObject({ queue: z.string(), maxReceiveCount: intBetween(1, 1000) }).optional(),
});

/** The `messaging` section of a deployment. */
export const messagingSchema = z.strictObject({
  queues: z.array(queueSchema).default([]),
  ...eventsFields,
  /** A RabbitMQ broker (config/layers/messaging-broker.ts). @default none */
  broker: brokerSchema.optional(),
});

/** A resolved queue: name fixed, dead-letter target and redrive sources known. */
export interface QueueSettings {
  readonly id: string;
  readonly name: string;
  readonly fifo: boolean;
  readonly highThroughput: boolean;
  readonly contentBasedDeduplication: boolean;
  readonly retentionSeconds: number;
  readonly visibilityTimeoutSeconds: number;
  readonly receiveWaitSeconds: number;
  readonly deadLetter?: { readonly queue: string; readonly maxReceiveCount: number };
  /** Queues that redrive into this one (it is their DLQ); empty for a working queue. */
  readonly redriveSources: readonly string[];
  /** `prevent_destroy` (staging and prod): a queue holds messages in flight. */
  readonly protect: boolean;
}

/** Resolved messaging settings of a deployment: queues here, buses, pipes, topics and email in ./messaging-events.ts. */
export interface MessagingSettings extends EventsSettings {
  readonly queues: readonly QueueSettings[];
  readonly broker?: BrokerSettings;
}

const kebab = (id: string) => id.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();

/**
 * Messaging layer: queues with their dead-letter wiring. Checks what SQS
 * would refuse at apply (FIFO names and flags, a FIFO queue redriving to a
 * standard DLQ or the reverse) and what would lose messages (a working queue
 * without a DLQ, a DLQ keeping messages for less time than its sources).
 * Queues are encrypted with the deployment's data key, so messaging needs
 * the data layer.
 */
export const messagingLayer = defineLayer({
  layer: "messaging",
  schema: messagingSchema.default(messagingSchema.parse({})),
  resolve(m, ctx): MessagingSettings {
    const d = ctx.deployment;
    const field = (i: number, key: string) => `messaging.queues.${i}.${key}`;
    const names = m.queues.map((q) => q.name ?? `${d.name}-${kebab(q.id)}${q.fifo ? ".fifo" : ""}`);
    const byId = new Map(m.queues.map((q, i) => [q.id, { q, i }]));
    m.queues.forEach((q, i) => {
      ctx.define("queue", q.id, field(i, "id"));
      ctx.name("sqs-queue", names[i], q.name === undefined ? field(i, "id") : field(i, "name"), q.name ?? q.id);
      if (q.fifo !== names[i].endsWith(".fifo")) {
        ctx.problem(field(i, "name"), names[i], q.fifo ? "must end in .fifo: the queue is FIFO" : "must not end in .fifo unless the queue sets fifo: true");
      }
      if (!q.fifo && (q.highThroughput || q.contentBasedDeduplication)) {
        ctx.problem(field(i, q.highThroughput ? "highThroughput" : "contentBasedDeduplication"), true, "applies to FIFO queues only (set fifo: true)");
      }
      if (!q.deadLetter) return;
      ctx.use("queue", q.deadLetter.queue, field(i, "deadLetter.queue"));
      const target = byId.get(q.deadLetter.queue);
      if (!target) return;
      if (target.q.id === q.id) ctx.problem(field(i, "deadLetter.queue"), q.deadLetter.queue, "must be another queue");
      else if (target.q.fifo !== q.fifo) ctx.problem(field(i, "deadLetter.queue"), q.deadLetter.queue, `must be a ${q.fifo ? "FIFO" : "standard"} queue like its source (SQS refuses a ${q.fifo ? "standard" : "FIFO"} dead-letter queue)`);
      else if (target.q.retentionDays < q.retentionDays) ctx.problem(field(i, "deadLetter.queue"), q.deadLetter.queue, `must keep messages at least as long as its source (${target.q.retentionDays} < ${q.retentionDays} days), or failed messages expire before anyone reads them`);
      else if (target.q.deadLetter) ctx.problem(field(i, "deadLetter.queue"), q.deadLetter.queue, "must be a dead-letter queue without its own dead-letter queue");
    });
    const hasDataKey = (["store", "table", "bucket"] as const).some((kind) => ctx.idsOf(kind).length > 0);
    if (m.queues.length > 0 && !hasDataKey) ctx.problem("messaging.queues", m.queues.map((q) => q.id), "need the data layer: its key encrypts every queue (declare the deployment's data stores first)");
    const sources = (id: string) => m.queues.filter((q) => q.deadLetter?.queue === id).map((q) => q.id);
    const pipeDeadLetters = new Set(m.pipes.map((p) => p.deadLetterQueue));
    m.queues.forEach((q, i) => {
      if (!q.deadLetter && sources(q.id).length === 0 && !pipeDeadLetters.has(q.id)) ctx.problem(field(i, "deadLetter"), undefined, "is required: every queue has a dead-letter queue or is one (a poison message would otherwise be retried until it expires)");
    });
    const queues = m.queues.map((q, i): QueueSettings => ({
      id: q.id, name: names[i], fifo: q.fifo, highThroughput: q.highThroughput, contentBasedDeduplication: q.contentBasedDeduplication,
      retentionSeconds: q.retentionDays * 86400, visibilityTimeoutSeconds: q.visibilityTimeoutSeconds, receiveWaitSeconds: q.receiveWaitSeconds,
      deadLetter: q.deadLetter, redriveSources: sources(q.id), protect: d.deletionProtection,
    }));
    return { queues, ...resolveEvents(m, queues, ctx), broker: m.broker && resolveBroker(m.broker, ctx) };
  },
  used: (s: MessagingSettings) => s.queues.length > 0 || eventsUsed(s) || s.broker !== undefined,
});
