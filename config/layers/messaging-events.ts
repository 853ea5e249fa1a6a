import { z } from "zod";
import { eventPatternProblem } from "../../lib/event-pattern";
import type { LayerContext } from "../context";
import { constructId, enumOf, intBetween } from "../fields";
import type { QueueSettings } from "./messaging";

/**
 * The event side of the messaging layer: EventBridge buses and their rules,
 * pipes from DynamoDB streams onto a bus, SNS topics, and SES sending for a
 * domain. Schemas, resolved settings and the resolver live here; the
 * `messaging` section (./messaging.ts) spreads {@link eventsFields} into its
 * schema and calls {@link resolveEvents}.
 */

/** JSON text of an EventBridge event pattern (lib/event-pattern.ts). */
const eventPattern = z.string({ error: "must be an EventBridge event pattern as JSON text" }).superRefine((text, c) => {
  const problem = eventPatternProblem(text);
  if (problem) c.addIssue({ code: "custom", message: problem });
});

/** An AWS name built from config; the name registry checks its length and characters for its kind. */
const awsName = z.string();

/** Services that may publish to a topic through its policy and the messaging key (SES is added for the email events topic). */
export const TOPIC_SERVICE_PUBLISHERS = ["events", "cloudwatch"] as const;

/** SES sending events (SES API v2 `EventType`). */
const SES_EVENT_TYPES = ["SEND", "REJECT", "BOUNCE", "COMPLAINT", "DELIVERY", "OPEN", "CLICK", "RENDERING_FAILURE", "DELIVERY_DELAY", "SUBSCRIPTION"] as const;

const ruleSchema = z.strictObject({
  id: constructId,
  /** @default `<system>-<env>-<id in kebab case>` */
  name: awsName.optional(),
  /** What the rule routes to whom; its targets are added by the layer that owns the consumer. */
  description: z.string().max(512, { error: "must be at most 512 characters (EventBridge rule descriptions)" }),
  /** The events the rule matches. */
  pattern: eventPattern,
});

/** A custom event bus, encrypted with the deployment's messaging key. */
const busSchema = z.strictObject({
  id: constructId,
  /** @default `<system>-<env>-<id in kebab case>` */
  name: awsName.optional(),
  rules: z.array(ruleSchema).default([]),
});

/** A pipe from a DynamoDB table's stream onto a bus of this layer. */
const pipeSchema = z.strictObject({
  id: constructId,
  /** @default `<system>-<env>-<id in kebab case>` */
  name: awsName.optional(),
  /** Source: a table of data.dynamodb that has a stream. */
  table: z.string(),
  /** Target: a bus of messaging.buses. */
  bus: z.string(),
  /** Standard queue of messaging.queues receiving the records that still fail after the retries. */
  deadLetterQueue: z.string(),
  /** Patterns a record must match (any of them) to be forwarded. @default none: every record */
  filters: z.array(eventPattern).max(5, { error: "must have at most 5 entries (EventBridge Pipes filters per pipe)" }).default([]),
  /** Where a new pipe starts reading. @default LATEST (no replay of the last 24 hours) */
  startingPosition: enumOf(["LATEST", "TRIM_HORIZON"]).default("LATEST"),
  /** Records per batch. @default 10 */
  batchSize: intBetween(1, 10000, "records").default(10),
  /** Retries of a failing batch before its records go to the dead-letter queue. @default 3 (Pipes' own default retries forever) */
  maximumRetryAttempts: intBetween(0, 10000, "retries").default(3),
  /** Records older than this go to the dead-letter queue unprocessed. @default 3600 (Pipes' own default waits for the stream's 24-hour expiry) */
  maximumRecordAgeSeconds: intBetween(60, 604800, "seconds").default(3600),
  /** `source` of the events put on the bus; rules match on it. */
  eventSource: z.string().regex(/^(?!aws\.)[A-Za-z0-9/._-]{1,256}$/, { error: "must be 1-256 letters, digits and /._-, not starting with aws. (reserved for AWS events)" }),
  /** `detail-type` of the events put on the bus. */
  detailType: z.string().regex(/^.{1,128}$/s, { error: "must be 1-128 characters (EventBridge detail-type)" }),
});

/** An SNS standard topic, encrypted with the deployment's messaging key. */
const topicSchema = z.strictObject({
  id: constructId,
  /** @default `<system>-<env>-<id in kebab case>` */
  name: awsName.optional(),
  /** AWS services publishing to the topic besides the deployment's own roles. @default none */
  servicePublishers: z.array(enumOf(TOPIC_SERVICE_PUBLISHERS)).default([])
    .refine((list) => new Set(list).size === list.length, { error: "must not name a service twice" }),
});

/** SES v2 sending for one domain: identity with Easy DKIM, a configuration set, and events to a topic. */
const emailSchema = z.strictObject({
  /** The sending domain (its DKIM records are published for the layer that owns DNS). */
  domain: awsName,
  /** @default `<system>-<env>-email` */
  configurationSetName: awsName.optional(),
  /** Topic of messaging.topics receiving the sending events (SES sends events to the default bus only, so not to ours). */
  eventsTopic: z.string(),
  /** @default the events a sender must act on: BOUNCE, COMPLAINT, DELIVERY, DELIVERY_DELAY, REJECT, RENDERING_FAILURE */
  eventTypes: z.array(enumOf(SES_EVENT_TYPES)).min(1, { error: "must name at least one SES event type" })
    .default(["BOUNCE", "COMPLAINT", "DELIVERY", "DELIVERY_DELAY", "REJECT", "RENDERING_FAILURE"]),
});

/** The keys {@link eventsFields} adds to the `messaging` schema. */
export const eventsFields = {
  buses: z.array(busSchema).default([]),
  pipes: z.array(pipeSchema).default([]),
  topics: z.array(topicSchema).default([]),
  email: emailSchema.optional(),
};

type EventsParsed = z.output<z.ZodObject<typeof eventsFields>>;
type WithName<T> = Omit<T, "name"> & { readonly name: string };

export type EventRuleSettings = WithName<z.output<typeof ruleSchema>>;
export type EventBusSettings = WithName<Omit<z.output<typeof busSchema>, "rules">> & { readonly rules: readonly EventRuleSettings[] };
export type PipeSettings = WithName<z.output<typeof pipeSchema>> & {
  /** The pipe's execution role: `<system>-<env>-<id>-pipe`, a deployment role the data key admits. */
  readonly roleName: string;
};
/** A topic and every service that publishes to it (`ses` for the email events topic). */
export type TopicSettings = WithName<Omit<z.output<typeof topicSchema>, "servicePublishers">> & {
  readonly servicePublishers: readonly ((typeof TOPIC_SERVICE_PUBLISHERS)[number] | "ses")[];
};
export type EmailSettings = Required<z.output<typeof emailSchema>> & { readonly eventDestinationName: string };

/** Resolved event settings of a deployment (part of `MessagingSettings`). */
export interface EventsSettings {
  readonly buses: readonly EventBusSettings[];
  readonly pipes: readonly PipeSettings[];
  readonly topics: readonly TopicSettings[];
  readonly email?: EmailSettings;
  /** Alias of the messaging key encrypting buses and topics; undefined when the deployment has neither. */
  readonly messagingKeyAlias?: string;
}

const kebab = (id: string) => id.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();

/**
 * Resolves buses, pipes, topics and email: defines their ids (kinds `bus`,
 * `rule`, `pipe`, `topic`), resolves the ids they name, registers every
 * name, and checks what AWS would refuse or what would lose events: a pipe
 * on a table without a stream, a FIFO dead-letter queue for a pipe.
 */
export function resolveEvents(m: EventsParsed, queues: readonly QueueSettings[], ctx: LayerContext): EventsSettings {
  const d = ctx.deployment;
  const named = (kind: Parameters<LayerContext["name"]>[0], custom: string | undefined, fallback: string, field: string, id: string) =>
    ctx.name(kind, custom ?? fallback, `${field}.${custom === undefined ? "id" : "name"}`, custom ?? id);

  const buses = m.buses.map((b, i): EventBusSettings => {
    const field = `messaging.buses.${i}`;
    ctx.define("bus", b.id, `${field}.id`);
    return {
      id: b.id,
      name: named("event-bus", b.name, `${d.name}-${kebab(b.id)}`, field, b.id),
      rules: b.rules.map((r, j) => {
        ctx.define("rule", r.id, `${field}.rules.${j}.id`);
        return { ...r, name: named("event-rule", r.name, `${d.name}-${kebab(r.id)}`, `${field}.rules.${j}`, r.id) };
      }),
    };
  });

  const tables = ctx.settingsOf("data")?.dynamodb ?? [];
  const pipes = m.pipes.map((p, i): PipeSettings => {
    const field = `messaging.pipes.${i}`;
    ctx.define("pipe", p.id, `${field}.id`);
    ctx.use("table", p.table, `${field}.table`);
    ctx.use("bus", p.bus, `${field}.bus`);
    ctx.use("queue", p.deadLetterQueue, `${field}.deadLetterQueue`);
    const table = tables.findIndex((t) => t.id === p.table);
    if (table >= 0 && tables[table].stream === "none") {
      ctx.problem(`${field}.table`, p.table, `names a table without a stream (data.dynamodb.${table}.stream = "none"); give it a stream (e.g. NEW_AND_OLD_IMAGES) for the pipe to read`);
    }
    if (queues.find((q) => q.id === p.deadLetterQueue)?.fifo) {
      ctx.problem(`${field}.deadLetterQueue`, p.deadLetterQueue, "must be a standard queue: a pipe sends failed stream records without a message group id, which a FIFO queue refuses");
    }
    const roleName = ctx.name("iam-role", `${d.name}-${kebab(p.id)}-pipe`, `${field}.id`, p.id);
    return { ...p, name: named("pipe", p.name, `${d.name}-${kebab(p.id)}`, field, p.id), roleName };
  });

  const email = m.email && resolveEmail(m.email, ctx);
  const topics = m.topics.map((t, i): TopicSettings => {
    ctx.define("topic", t.id, `messaging.topics.${i}.id`);
    const name = named("sns-topic", t.name, `${d.name}-${kebab(t.id)}`, `messaging.topics.${i}`, t.id);
    return { id: t.id, name, servicePublishers: [...t.servicePublishers, ...(email?.eventsTopic === t.id ? ["ses" as const] : [])] };
  });

  const used = buses.length + pipes.length + topics.length > 0;
  if (used && !(["store", "table", "bucket"] as const).some((kind) => ctx.idsOf(kind).length > 0)) {
    ctx.problem("messaging", [...buses, ...pipes, ...topics].map((x) => x.id), "needs the data layer: the messaging stack reads the data contract (declare the deployment's data stores first)");
  }
  const messagingKeyAlias = buses.length + topics.length > 0 ? ctx.name("kms-alias", `${d.name}-messaging`, "name", d.name) : undefined;
  return { buses, pipes, topics, email, messagingKeyAlias };
}

/** The email section: identity, configuration set and its one event destination, by name. */
function resolveEmail(e: NonNullable<EventsParsed["email"]>, ctx: LayerContext): EmailSettings {
  const d = ctx.deployment;
  ctx.use("topic", e.eventsTopic, "messaging.email.eventsTopic");
  ctx.name("ses-email-identity", e.domain, "messaging.email.domain");
  const configurationSetName = ctx.name("ses-configuration-set", e.configurationSetName ?? `${d.name}-email`,
    e.configurationSetName === undefined ? "name" : "messaging.email.configurationSetName", e.configurationSetName ?? d.name);
  const eventDestinationName = ctx.name("ses-event-destination", `sns-${kebab(e.eventsTopic)}`, "messaging.email.eventsTopic", e.eventsTopic);
  return { ...e, configurationSetName, eventDestinationName };
}

/** True when the deployment has anything of the event side. */
export const eventsUsed = (s: EventsSettings): boolean => s.buses.length + s.pipes.length + s.topics.length > 0 || s.email !== undefined;
