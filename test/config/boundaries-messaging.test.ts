import { describe, it } from "vitest";
import { at, type Boundary, expectBoundary, shown } from "./boundaries";

const base = {
  system: "serverless-saas", environment: "prod", region: "eu-west-1", account: "saas-prod-multi-tenant", network: { cidr: "10.40.0.0/16" },
  data: { dynamodb: [{ id: "App", name: "shop-app", partitionKey: { name: "pk", type: "S" } }] },
};

/** Queues, a bus with a rule, a pipe, a topic and email, all valid; each row changes one field. */
const valid = () => ({
  queues: [{ id: "Work", deadLetter: { queue: "WorkDlq", maxReceiveCount: 5 } } as Record<string, unknown>, { id: "WorkDlq", retentionDays: 14 } as Record<string, unknown>],
  buses: [{ id: "Domain", rules: [{ id: "ToAnalytics", description: "Domain events to Analytics", pattern: '{"source":["app"]}' } as Record<string, unknown>] } as Record<string, unknown>],
  pipes: [{ id: "Changes", table: "App", bus: "Domain", deadLetterQueue: "WorkDlq", eventSource: "app", detailType: "Changed" } as Record<string, unknown>],
  topics: [{ id: "Mail" } as Record<string, unknown>],
  email: { domain: "example.com", eventsTopic: "Mail" } as Record<string, unknown>,
});
type Messaging = ReturnType<typeof valid>;
const messaging = (change: (m: Messaging, v: unknown) => void) => (v: unknown) => {
  const m = valid();
  change(m, v);
  return { ...base, messaging: m };
};
const queue = (key: string) => messaging((m, v) => { m.queues[0][key] = v; });
const dlq = (key: string) => messaging((m, v) => { m.queues[1][key] = v; });
const receives = messaging((m, v) => { m.queues[0].deadLetter = { queue: "WorkDlq", maxReceiveCount: v }; });
const pipe = (key: string) => messaging((m, v) => { m.pipes[0][key] = v; });
const whole = (min: number, max: number, unit = "") => `must be a whole number between ${min} and ${max}${unit ? ` ${unit}` : ""}`;
const tooLong = (kind: string, name: string, max: number) => `makes the ${kind} name ${JSON.stringify(name)} ${name.length} characters long; ${kind} names allow ${max}`;
const long = (n: number) => "n".repeat(n);

const queueName = "must be up to 80 letters, digits, hyphens and underscores (a FIFO queue's ending in .fifo)";
const fifo = `${"q".repeat(75)}.fifo`;
const fifoTooLong = `${"q".repeat(76)}.fifo`;

const rows: Boundary[] = [
  at("messaging.queues.1.retentionDays", 14, 15, whole(1, 14, "days"), dlq("retentionDays")),
  at("messaging.queues.0.retentionDays", 1, 0, whole(1, 14, "days"), queue("retentionDays")),
  at("messaging.queues.0.visibilityTimeoutSeconds", 43200, 43201, whole(0, 43200, "seconds"), queue("visibilityTimeoutSeconds")),
  at("messaging.queues.0.visibilityTimeoutSeconds", 0, -1, whole(0, 43200, "seconds"), queue("visibilityTimeoutSeconds")),
  at("messaging.queues.0.receiveWaitSeconds", 20, 21, whole(0, 20, "seconds"), queue("receiveWaitSeconds")),
  at("messaging.queues.0.receiveWaitSeconds", 0, -1, whole(0, 20, "seconds"), queue("receiveWaitSeconds")),
  at("messaging.queues.0.deadLetter.maxReceiveCount", 1000, 1001, whole(1, 1000), receives),
  at("messaging.queues.0.deadLetter.maxReceiveCount", 1, 0, whole(1, 1000), receives),
  at("messaging.queues.0.name", "q".repeat(80), "q".repeat(81), queueName, queue("name")),
  at("messaging.queues.0.name", fifo, fifoTooLong, tooLong("sqs-queue", fifoTooLong, 80),
    messaging((m, v) => { Object.assign(m.queues[0], { name: v, fifo: true }); Object.assign(m.queues[1], { fifo: true }); m.pipes = []; })),
  at("messaging.queues.0.id", `W${"w".repeat(31)}`, `W${"w".repeat(32)}`, "must be 1-32 PascalCase letters and digits (it becomes part of Terraform addresses)",
    messaging((m, v) => { m.queues[0].id = v; })),
  at("messaging.pipes.0.batchSize", 10000, 10001, whole(1, 10000, "records"), pipe("batchSize")),
  at("messaging.pipes.0.batchSize", 1, 0, whole(1, 10000, "records"), pipe("batchSize")),
  at("messaging.pipes.0.maximumRetryAttempts", 10000, 10001, whole(0, 10000, "retries"), pipe("maximumRetryAttempts")),
  at("messaging.pipes.0.maximumRetryAttempts", 0, -1, whole(0, 10000, "retries"), pipe("maximumRetryAttempts")),
  at("messaging.pipes.0.maximumRecordAgeSeconds", 604800, 604801, whole(60, 604800, "seconds"), pipe("maximumRecordAgeSeconds")),
  at("messaging.pipes.0.maximumRecordAgeSeconds", 60, 59, whole(60, 604800, "seconds"), pipe("maximumRecordAgeSeconds")),
  at("messaging.pipes.0.filters", Array(5).fill('{"source":["app"]}'), Array(6).fill('{"source":["app"]}'), "must have at most 5 entries (EventBridge Pipes filters per pipe)", pipe("filters")),
  at("messaging.pipes.0.eventSource", long(256), long(257), "must be 1-256 letters, digits and /._-, not starting with aws. (reserved for AWS events)", pipe("eventSource")),
  at("messaging.pipes.0.detailType", long(128), long(129), "must be 1-128 characters (EventBridge detail-type)", pipe("detailType")),
  at("messaging.pipes.0.eventSource", "a", "", "must be 1-256 letters, digits and /._-, not starting with aws. (reserved for AWS events)", pipe("eventSource")),
  at("messaging.pipes.0.detailType", "a", "", "must be 1-128 characters (EventBridge detail-type)", pipe("detailType")),
  at("messaging.queues.0.name", "q", "", queueName, queue("name")),
  at("messaging.email.eventTypes", ["BOUNCE"], [], "must name at least one SES event type", messaging((m, v) => { m.email.eventTypes = v; })),
  at("messaging.pipes.0.name", long(64), long(65), tooLong("pipe", long(65), 64), pipe("name")),
  at("messaging.buses.0.rules.0.description", long(512), long(513), "must be at most 512 characters (EventBridge rule descriptions)",
    messaging((m, v) => { (m.buses[0].rules as Record<string, unknown>[])[0].description = v; })),
  at("messaging.buses.0.rules.0.name", long(64), long(65), tooLong("event-rule", long(65), 64),
    messaging((m, v) => { (m.buses[0].rules as Record<string, unknown>[])[0].name = v; })),
  at("messaging.buses.0.name", long(256), long(257), tooLong("event-bus", long(257), 256), messaging((m, v) => { m.buses[0].name = v; })),
  at("messaging.topics.0.name", long(256), long(257), tooLong("sns-topic", long(257), 256), messaging((m, v) => { m.topics[0].name = v; })),
  at("messaging.email.configurationSetName", long(64), long(65), tooLong("ses-configuration-set", long(65), 64), messaging((m, v) => { m.email.configurationSetName = v; })),
];

const brokerBase = {
  system: "webhooks", environment: "prod", region: "eu-central-1", account: "webhooks-prod",
  network: { cidr: "10.20.0.0/16", workloads: [{ name: "broker", description: "RabbitMQ broker hosts" }] },
  data: { dynamodb: [{ id: "Events", name: "webhooks-events", partitionKey: { name: "id", type: "S" } }] },
};
const broker = (key: string) => (v: unknown) => ({ ...brokerBase, messaging: { broker: { [key]: v } } });
const rabbitUser = "must be 2-100 letters, digits and - _ . ~, and not guest (RabbitMQ's default user, which the host removes)";
const brokerRows: Boundary[] = [
  at("messaging.broker.dataVolumeGib", 8, 7, whole(8, 16384, "GiB"), broker("dataVolumeGib")),
  at("messaging.broker.dataVolumeGib", 16384, 16385, whole(8, 16384, "GiB"), broker("dataVolumeGib")),
  at("messaging.broker.adminUsername", "u".repeat(100), "u".repeat(101), rabbitUser, broker("adminUsername")),
  at("messaging.broker.appUsername", "ab", "a", rabbitUser, broker("appUsername")),
  at("messaging.broker.adminSecretName", `s/${"a".repeat(510)}`, `s/${"a".repeat(511)}`, "must be a Secrets Manager name (letters, digits and /_+=.@-)", broker("adminSecretName")),
  at("messaging.broker.workload", "broker", "b", "must be 2-31 lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen", broker("workload")),
];

const titled = (list: Boundary[]) => list.map((b) => ({ ...b, title: `${b.field}: ${shown(b.ok)} passes, ${shown(b.bad)} fails` }));

describe("messaging configuration boundaries", () => {
  it.each(titled(rows))("$title", (b) => expectBoundary(b, "serverless-saas-prod"));
  it.each(titled(brokerRows))("$title", (b) => expectBoundary(b, "webhooks-prod"));
});
