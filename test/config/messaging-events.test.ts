import { configProblems } from "../support/config-problems";
import { describe, expect, it } from "vitest";
import { resolveDeployments } from "../../config/resolve";
import type { MessagingInput } from "../../config/systems/types";

const base = {
  system: "serverless-saas", environment: "prod", region: "eu-west-1", account: "saas-prod-multi-tenant", network: { cidr: "10.40.0.0/16" },
  data: {
    dynamodb: [
      { id: "App", name: "shop-app", partitionKey: { name: "pk", type: "S" } },
      { id: "Plain", name: "shop-plain", partitionKey: { name: "pk", type: "S" }, stream: "none" },
    ],
  },
};

/** A bus with a rule, a pipe from App onto it with its DLQ, a topic receiving SES events; every case changes one thing. */
const valid = (): Messaging => ({
  queues: [{ id: "ChangesDlq", retentionDays: 14 }],
  buses: [{ id: "Domain", rules: [{ id: "ToAnalytics", description: "Domain events to Analytics", pattern: '{"source":["app"]}' }] }],
  pipes: [{ id: "Changes", table: "App", bus: "Domain", deadLetterQueue: "ChangesDlq", eventSource: "app", detailType: "Changed" }],
  topics: [{ id: "Mail" }],
  email: { domain: "example.com", eventsTopic: "Mail" },
});

/** The input with the sections the cases edit made non-optional. */
type Messaging = Required<Pick<MessagingInput, "queues" | "pipes" | "topics">> & {
  buses: (NonNullable<MessagingInput["buses"]>[number] & { rules: NonNullable<NonNullable<MessagingInput["buses"]>[number]["rules"]> })[];
  email: NonNullable<MessagingInput["email"]>;
};

function problemsOf(change: (m: Messaging) => void, patch: Record<string, unknown> = {}): string[] {
  const messaging = valid();
  change(messaging);
  return configProblems([{ ...base, ...patch, messaging }]);
}

const P = "serverless-saas-prod: messaging";

describe("messaging events configuration", () => {
  it("resolves names, defaults and the services that publish to each topic", () => {
    expect(problemsOf(() => undefined)).toEqual([]);
    const [d] = resolveDeployments([{ ...base, messaging: valid() }]);
    expect(d.messaging.buses).toEqual([{
      id: "Domain", name: "serverless-saas-prod-domain",
      rules: [{ id: "ToAnalytics", name: "serverless-saas-prod-to-analytics", description: "Domain events to Analytics", pattern: '{"source":["app"]}' }],
    }]);
    expect(d.messaging.pipes).toEqual([{
      id: "Changes", name: "serverless-saas-prod-changes", roleName: "serverless-saas-prod-changes-pipe", table: "App", bus: "Domain", deadLetterQueue: "ChangesDlq",
      filters: [], startingPosition: "LATEST", batchSize: 10, maximumRetryAttempts: 3, maximumRecordAgeSeconds: 3600, eventSource: "app", detailType: "Changed",
    }]);
    expect(d.messaging.topics).toEqual([{ id: "Mail", name: "serverless-saas-prod-mail", servicePublishers: ["ses"] }]);
    expect(d.messaging.email).toEqual({
      domain: "example.com", configurationSetName: "serverless-saas-prod-email", eventsTopic: "Mail", eventDestinationName: "sns-mail",
      eventTypes: ["BOUNCE", "COMPLAINT", "DELIVERY", "DELIVERY_DELAY", "REJECT", "RENDERING_FAILURE"],
    });
    expect(d.messaging.messagingKeyAlias).toBe("serverless-saas-prod-messaging");
  });

  it.each<[string, (m: Messaging) => void, string[]]>([
    ["a pipe whose table has no stream", (m) => { m.pipes[0].table = "Plain"; },
      [`${P}.pipes.0.table = "Plain": names a table without a stream (data.dynamodb.1.stream = "none"); give it a stream (e.g. NEW_AND_OLD_IMAGES) for the pipe to read`]],
    ["a pipe on an unknown table", (m) => { m.pipes[0].table = "Nope"; },
      [`${P}.pipes.0.table = "Nope": must name a table of data.dynamodb (App, Plain)`]],
    ["a pipe on a queue instead of a table", (m) => { m.pipes[0].table = "ChangesDlq"; },
      [`${P}.pipes.0.table = "ChangesDlq": names a queue of messaging.queues (messaging.queues.0.id), not a table of data.dynamodb`]],
    ["a pipe onto a topic instead of a bus", (m) => { m.pipes[0].bus = "Mail"; },
      [`${P}.pipes.0.bus = "Mail": names a topic of messaging.topics (messaging.topics.0.id), not an event bus of messaging.buses`]],
    ["a pipe DLQ that is a table", (m) => { m.queues = []; m.pipes[0].deadLetterQueue = "App"; },
      [`${P}.pipes.0.deadLetterQueue = "App": names a table of data.dynamodb (data.dynamodb.0.id), not a queue of messaging.queues`]],
    ["an unknown pipe DLQ", (m) => { m.queues = []; m.pipes[0].deadLetterQueue = "Nope"; },
      [`${P}.pipes.0.deadLetterQueue = "Nope": must name a queue of messaging.queues (none declared)`]],
    ["a FIFO pipe DLQ", (m) => { m.queues = [{ id: "ChangesDlq", fifo: true, retentionDays: 14 }]; },
      [`${P}.pipes.0.deadLetterQueue = "ChangesDlq": must be a standard queue: a pipe sends failed stream records without a message group id, which a FIFO queue refuses`]],
    ["a rule pattern that is not JSON", (m) => { m.buses[0].rules[0].pattern = "{source: [app]}"; },
      [`${P}.buses.0.rules.0.pattern = "{source: [app]}": must parse as a JSON object (EventBridge event pattern syntax)`]],
    ["a rule pattern that is a list", (m) => { m.buses[0].rules[0].pattern = '["app"]'; },
      [`${P}.buses.0.rules.0.pattern = "[\\"app\\"]": must parse as a JSON object (EventBridge event pattern syntax)`]],
    ["a rule pattern matching a bare string", (m) => { m.buses[0].rules[0].pattern = '{"detail":{"type":"x"}}'; },
      [`${P}.buses.0.rules.0.pattern = "{\\"detail\\":{\\"type\\":\\"x\\"}}": field "detail.type" must be a non-empty list of values or an object of fields (EventBridge matches lists, e.g. {"source": ["app"]})`]],
    ["a rule pattern longer than EventBridge takes", (m) => { m.buses[0].rules[0].pattern = JSON.stringify({ source: ["a".repeat(4090)] }); },
      [`${P}.buses.0.rules.0.pattern = ${JSON.stringify(JSON.stringify({ source: ["a".repeat(4090)] }))}: must be at most 4096 characters (EventBridge event patterns)`]],
    ["an empty pipe filter", (m) => { m.pipes[0].filters = ["{}"]; },
      [`${P}.pipes.0.filters.0 = "{}": must match on at least one field (an empty pattern is refused)`]],
    ["six pipe filters", (m) => { m.pipes[0].filters = Array(6).fill('{"a":[1]}'); },
      [`${P}.pipes.0.filters = ${JSON.stringify(Array(6).fill('{"a":[1]}'))}: must have at most 5 entries (EventBridge Pipes filters per pipe)`]],
    ["an event source AWS reserves", (m) => { m.pipes[0].eventSource = "aws.dynamodb"; },
      [`${P}.pipes.0.eventSource = "aws.dynamodb": must be 1-256 letters, digits and /._-, not starting with aws. (reserved for AWS events)`]],
    ["unbounded retries", (m) => { m.pipes[0].maximumRetryAttempts = -1; },
      [`${P}.pipes.0.maximumRetryAttempts = -1: must be a whole number between 0 and 10000 retries`]],
    ["a record age below Pipes' minimum", (m) => { m.pipes[0].maximumRecordAgeSeconds = 30; },
      [`${P}.pipes.0.maximumRecordAgeSeconds = 30: must be a whole number between 60 and 604800 seconds`]],
    ["a rule name too long", (m) => { m.buses[0].rules[0].name = "r".repeat(65); },
      [`${P}.buses.0.rules.0.name = "${"r".repeat(65)}": makes the event-rule name "${"r".repeat(65)}" 65 characters long; event-rule names allow 64`]],
    ["a bus name too long", (m) => { m.buses[0].name = "b".repeat(257); },
      [`${P}.buses.0.name = "${"b".repeat(257)}": makes the event-bus name "${"b".repeat(257)}" 257 characters long; event-bus names allow 256`]],
    ["a custom bus named default", (m) => { m.buses[0].name = "default"; },
      [`${P}.buses.0.name = "default": makes the event-bus name "default", which AWS refuses: up to 256 letters, digits and ._-, not default and not starting with aws. (custom event buses)`]],
    ["a pipe name too long", (m) => { m.pipes[0].name = "p".repeat(65); },
      [`${P}.pipes.0.name = "${"p".repeat(65)}": makes the pipe name "${"p".repeat(65)}" 65 characters long; pipe names allow 64`]],
    ["a topic name too long", (m) => { m.topics[0].name = "t".repeat(257); },
      [`${P}.topics.0.name = "${"t".repeat(257)}": makes the sns-topic name "${"t".repeat(257)}" 257 characters long; sns-topic names allow 256`]],
    ["a configuration set name too long", (m) => { m.email.configurationSetName = "c".repeat(65); },
      [`${P}.email.configurationSetName = "${"c".repeat(65)}": makes the ses-configuration-set name "${"c".repeat(65)}" 65 characters long; ses-configuration-set names allow 64`]],
    ["a sending domain SES refuses", (m) => { m.email.domain = "Example.com"; },
      [`${P}.email.domain = "Example.com": makes the ses-email-identity name "Example.com", which AWS refuses: a lowercase domain name of dot-separated labels (letters, digits, inner hyphens; up to 63 characters each), up to 253 characters`]],
    ["email events to a bus", (m) => { m.email.eventsTopic = "Domain"; },
      [`${P}.email.eventsTopic = "Domain": names an event bus of messaging.buses (messaging.buses.0.id), not a topic of messaging.topics`]],
    ["a service publishing twice", (m) => { m.topics[0].servicePublishers = ["events", "events"]; },
      [`${P}.topics.0.servicePublishers = ["events","events"]: must not name a service twice`]],
    ["a topic id another kind already has", (m) => { m.topics[0].id = "Changes"; m.email.eventsTopic = "Changes"; },
      [`${P}.topics.0.id = "Changes": must be unique among the deployment's ids (already pipe messaging.pipes.0.id)`,
        `${P}.email.eventsTopic = "Changes": names a pipe of messaging.pipes (messaging.pipes.0.id), not a topic of messaging.topics`]],
  ])("rejects %s", (_title, change, expected) => {
    expect(problemsOf(change)).toEqual(expected);
  });

  it("rejects buses and topics in a deployment without the data layer, whose stack would not be built", () => {
    expect(problemsOf((m) => { m.queues = []; m.pipes = []; }, { data: {} })).toEqual([
      `${P} = ["Domain","Mail"]: needs the data layer: the messaging stack reads the data contract (declare the deployment's data stores first)`,
    ]);
  });
});
