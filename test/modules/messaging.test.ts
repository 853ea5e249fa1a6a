import { describe, expect, it } from "vitest";
import { EmailSending, type EmailSendingProps } from "../../modules/messaging/email-sending";
import { EventBus } from "../../modules/messaging/event-bus";
import { EventRule, type EventRuleProps } from "../../modules/messaging/event-rule";
import { StreamPipe, type StreamPipeProps } from "../../modules/messaging/stream-pipe";
import { Topic, type TopicProps } from "../../modules/messaging/topic";
import { problemsOf } from "../support/modules";

const KEY = "arn:aws:kms:eu-west-1:111122223333:key/messaging";
const RULE: EventRuleProps = { name: "to-analytics", busName: "domain", description: "Domain events to Analytics", pattern: '{"source":["app"]}' };
const TOPIC: TopicProps = { name: "fan-out", kmsKeyArn: KEY, accountId: "111122223333" };
const PIPE: StreamPipeProps = {
  name: "changes", roleName: "saas-prod-changes-pipe", accountId: "111122223333",
  streamArn: "arn:aws:dynamodb:eu-west-1:111122223333:table/app/stream/1", streamKmsKeyArn: KEY, busArn: "arn:aws:events:eu-west-1:111122223333:event-bus/domain",
  deadLetter: { queueArn: "arn:aws:sqs:eu-west-1:111122223333:changes-dlq", kmsKeyArn: KEY }, eventSource: "app", detailType: "Changed",
};
const EMAIL: EmailSendingProps = { domain: "example.com", configurationSetName: "mail", events: { destinationName: "sns-mail", topicArn: "arn:t", types: ["BOUNCE"] } };

describe("messaging event modules refuse what AWS would", () => {
  it.each([
    ["the name default", "default"],
    ["a name AWS reserves", "aws.partner"],
    ["a name over 256 characters", "b".repeat(257)],
  ])("EventBus: %s", (_case, name) => {
    expect(problemsOf((s) => new EventBus(s, "Bus", { name, kmsKeyArn: KEY }))).toEqual([
      `test/Bus: name = ${JSON.stringify(name)}: must be 1-256 letters, digits and ._-, not default and not starting with aws. (EventBridge custom bus names)`,
    ]);
  });

  it.each<[string, Partial<EventRuleProps>, string]>([
    ["name", { name: "r".repeat(65) }, `test/Rule: name = "${"r".repeat(65)}": must be 1-64 letters, digits and ._- (EventBridge rule names)`],
    ["description", { description: "d".repeat(513) }, `test/Rule: description = "${"d".repeat(513)}": must be at most 512 characters (EventBridge rule descriptions)`],
    ["pattern that is not JSON", { pattern: "source=app" }, 'test/Rule: pattern = "source=app": must parse as a JSON object (EventBridge event pattern syntax)'],
    ["pattern matching a bare value", { pattern: '{"source":"app"}' }, 'test/Rule: pattern = "{\\"source\\":\\"app\\"}": field "source" must be a non-empty list of values or an object of fields (EventBridge matches lists, e.g. {"source": ["app"]})'],
  ])("EventRule: a bad %s", (_case, bad, message) => {
    expect(problemsOf((s) => new EventRule(s, "Rule", { ...RULE, ...bad }))).toEqual([message]);
  });

  it.each<[string, Partial<TopicProps>, string]>([
    ["name", { name: "fan out" }, 'test/Topic: name = "fan out": must be 1-256 letters, digits, hyphens and underscores (SNS standard topic names)'],
    ["service publisher", { servicePublishers: ["events"] }, 'test/Topic: servicePublishers.0 = "events": must be an AWS service principal such as events.amazonaws.com'],
  ])("Topic: a bad %s", (_case, bad, message) => {
    expect(problemsOf((s) => new Topic(s, "Topic", { ...TOPIC, ...bad }))).toEqual([message]);
  });

  it.each<[string, Partial<StreamPipeProps>, string]>([
    ["name", { name: "changes pipe" }, 'test/Pipe: name = "changes pipe": must be 1-64 letters, digits and ._- (EventBridge pipe names)'],
    ["filter count", { filters: Array(6).fill('{"a":[1]}') }, "test/Pipe: filters.length = 6: must be a whole number from 0 to 5 (EventBridge Pipes filters per pipe)"],
    ["filter", { filters: ["[]"] }, 'test/Pipe: filters.0 = "[]": must parse as a JSON object (EventBridge event pattern syntax)'],
    ["starting position", { startingPosition: "AT_TIMESTAMP" as "LATEST" }, 'test/Pipe: startingPosition = "AT_TIMESTAMP": must be one of: LATEST, TRIM_HORIZON (DynamoDB stream starting positions)'],
    ["batch size", { batchSize: 0 }, "test/Pipe: batchSize = 0: must be a whole number from 1 to 10000 (DynamoDB stream batch size)"],
    ["retry count", { maximumRetryAttempts: -1 }, "test/Pipe: maximumRetryAttempts = -1: must be a whole number from 0 to 10000 (bounded Pipes retries)"],
    ["record age", { maximumRecordAgeSeconds: -1 }, "test/Pipe: maximumRecordAgeSeconds = -1: must be a whole number from 60 to 604800 (bounded Pipes record age)"],
    ["event source", { eventSource: "aws.dynamodb" }, 'test/Pipe: eventSource = "aws.dynamodb": must be 1-256 letters, digits and /._-, not starting with aws. (reserved for AWS events)'],
    ["detail type", { detailType: "" }, 'test/Pipe: detailType = "": must be 1-128 characters (EventBridge detail-type)'],
  ])("StreamPipe: a bad %s", (_case, bad, message) => {
    expect(problemsOf((s) => new StreamPipe(s, "Pipe", { ...PIPE, ...bad }))).toEqual([message]);
  });

  it.each<[string, Partial<EmailSendingProps>, string]>([
    ["domain", { domain: "Example.com" }, 'test/Email: domain = "Example.com": must be a lowercase domain name (SES domain identities)'],
    ["configuration set name", { configurationSetName: "mail.set" }, 'test/Email: configurationSetName = "mail.set": must be 1-64 letters, digits, hyphens and underscores (SES configuration set names)'],
    ["event destination name", { events: { ...EMAIL.events, destinationName: "d".repeat(65) } }, `test/Email: events.destinationName = "${"d".repeat(65)}": must be 1-64 letters, digits, hyphens and underscores (SES event destination names)`],
  ])("EmailSending: a bad %s", (_case, bad, message) => {
    expect(problemsOf((s) => new EmailSending(s, "Email", { ...EMAIL, ...bad }))).toEqual([message]);
  });
});
