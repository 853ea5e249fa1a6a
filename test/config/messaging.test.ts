import { configProblems } from "../support/config-problems";
import { describe, expect, it } from "vitest";
import { resolveDeployments } from "../../config/resolve";

const base = {
  system: "serverless-saas", environment: "prod", region: "eu-west-1", account: "saas-prod-multi-tenant", network: { cidr: "10.40.0.0/16" },
  data: { dynamodb: [{ id: "App", name: "shop-app", partitionKey: { name: "pk", type: "S" } }] },
};
const work = { id: "Work", deadLetter: { queue: "WorkDlq", maxReceiveCount: 5 } };
const dlq = { id: "WorkDlq", retentionDays: 14 };

const problemsOf = (queues: unknown[], patch: Record<string, unknown> = {}): string[] =>
  configProblems([{ ...base, ...patch, messaging: { queues } }]);

describe("messaging configuration", () => {
  it("accepts a working queue with its DLQ, naming both after the deployment", () => {
    expect(problemsOf([work, dlq])).toEqual([]);
    const [d] = resolveDeployments([{ ...base, messaging: { queues: [work, dlq] } }]);
    expect(d.messaging.queues.map((q) => [q.name, q.redriveSources])).toEqual([["serverless-saas-prod-work", []], ["serverless-saas-prod-work-dlq", ["Work"]]]);
    expect(d.layers).toEqual(["network", "data", "messaging", "observability"]);
  });

  it.each<[string, unknown[], string[]]>([
    ["a FIFO name without .fifo", [{ ...work, fifo: true, name: "orders" }, { ...dlq, fifo: true }],
      ['serverless-saas-prod: messaging.queues.0.name = "orders": must end in .fifo: the queue is FIFO']],
    ["a standard queue named .fifo", [{ ...work, name: "orders.fifo" }, dlq],
      ['serverless-saas-prod: messaging.queues.0.name = "orders.fifo": must not end in .fifo unless the queue sets fifo: true']],
    ["a FIFO queue redriving to a standard DLQ", [{ ...work, fifo: true }, dlq],
      ['serverless-saas-prod: messaging.queues.0.deadLetter.queue = "WorkDlq": must be a FIFO queue like its source (SQS refuses a standard dead-letter queue)']],
    ["a standard queue redriving to a FIFO DLQ", [work, { ...dlq, fifo: true }],
      ['serverless-saas-prod: messaging.queues.0.deadLetter.queue = "WorkDlq": must be a standard queue like its source (SQS refuses a FIFO dead-letter queue)']],
    ["a DLQ that keeps messages for less time than its source", [{ ...work, retentionDays: 14 }, { ...dlq, retentionDays: 7 }],
      ['serverless-saas-prod: messaging.queues.0.deadLetter.queue = "WorkDlq": must keep messages at least as long as its source (7 < 14 days), or failed messages expire before anyone reads them']],
    ["a queue with no DLQ that is no DLQ", [{ id: "Work" }],
      ["serverless-saas-prod: messaging.queues.0.deadLetter = (missing): is required: every queue has a dead-letter queue or is one (a poison message would otherwise be retried until it expires)"]],
    ["a DLQ that is not a queue", [{ ...work, deadLetter: { queue: "App", maxReceiveCount: 5 } }],
      ['serverless-saas-prod: messaging.queues.0.deadLetter.queue = "App": names a table of data.dynamodb (data.dynamodb.0.id), not a queue of messaging.queues']],
    ["an unknown DLQ", [{ ...work, deadLetter: { queue: "Nope", maxReceiveCount: 5 } }],
      ['serverless-saas-prod: messaging.queues.0.deadLetter.queue = "Nope": must name a queue of messaging.queues (Work)']],
    ["a receive count SQS refuses", [{ ...work, deadLetter: { queue: "WorkDlq", maxReceiveCount: 1001 } }, dlq],
      ["serverless-saas-prod: messaging.queues.0.deadLetter.maxReceiveCount = 1001: must be a whole number between 1 and 1000"]],
    ["retention past 14 days", [work, { ...dlq, retentionDays: 15 }],
      ["serverless-saas-prod: messaging.queues.1.retentionDays = 15: must be a whole number between 1 and 14 days"]],
    ["a visibility timeout past 12 hours", [{ ...work, visibilityTimeoutSeconds: 43201 }, dlq],
      ["serverless-saas-prod: messaging.queues.0.visibilityTimeoutSeconds = 43201: must be a whole number between 0 and 43200 seconds"]],
    ["high throughput on a standard queue", [{ ...work, highThroughput: true }, dlq],
      ["serverless-saas-prod: messaging.queues.0.highThroughput = true: applies to FIFO queues only (set fifo: true)"]],
    ["a queue name too long for SQS", [{ ...work, fifo: true, name: `${"q".repeat(76)}.fifo` }, { ...dlq, fifo: true }],
      [`serverless-saas-prod: messaging.queues.0.name = "${"q".repeat(76)}.fifo": makes the sqs-queue name "${"q".repeat(76)}.fifo" 81 characters long; sqs-queue names allow 80`]],
  ])("rejects %s", (_title, queues, expected) => {
    expect(problemsOf(queues)).toEqual(expected);
  });

  it("rejects queues in a deployment without the data layer, whose key would encrypt them", () => {
    expect(problemsOf([work, dlq], { data: {} })).toEqual([
      'serverless-saas-prod: messaging.queues = ["Work","WorkDlq"]: need the data layer: its key encrypts every queue (declare the deployment\'s data stores first)',
    ]);
  });
});
