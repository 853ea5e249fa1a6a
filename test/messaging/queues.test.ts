import { describe, expect, it } from "vitest";
import { byAttr, matching, policy, refBy, resources, stack, type StackJson, upstream } from "../support/synth";

const arnOf = (s: StackJson, name: string) => refBy(s, "aws_sqs_queue", "name", name, "arn");
const urlOf = (s: StackJson, name: string) => refBy(s, "aws_sqs_queue", "name", name, "url");
const DLQ = "StackFlow-Remediation-DLQ.fifo";
const WORKING = ["StackFlow-Events-Ingestion.fifo", "StackFlow-Remediation-P1.fifo", "StackFlow-Remediation-Standard.fifo"];

describe("stackflow-prod queues (seed 000: four FIFO tiers under the multi-Region CMK)", () => {
  const s = () => stack("stackflow-prod-messaging");

  it("creates exactly the seed's four FIFO queues, each encrypted with the data key from the data contract", () => {
    expect(Object.values(resources(s(), "aws_sqs_queue")).map((q) => q.name).sort()).toEqual([...WORKING, DLQ].sort());
    for (const q of Object.values(resources(s(), "aws_sqs_queue"))) {
      expect(q, q.name as string).toMatchObject({
        fifo_queue: true, kms_master_key_id: upstream("stackflow-prod-data", "data_kms_key_arn"), kms_data_key_reuse_period_seconds: 300,
        receive_wait_time_seconds: 20, lifecycle: { prevent_destroy: true },
      });
      expect(q).not.toHaveProperty("sqs_managed_sse_enabled");
    }
  });

  it("redrives the three working queues to the DLQ after 5 receives, hidden 6 x 300 s while processed", () => {
    for (const name of WORKING) {
      const q = byAttr(s(), "aws_sqs_queue", "name", name);
      expect(JSON.parse(q.redrive_policy as string), name).toEqual({ deadLetterTargetArn: arnOf(s(), DLQ), maxReceiveCount: 5 });
      expect(q).toMatchObject({ visibility_timeout_seconds: 1800, message_retention_seconds: 4 * 86400 });
    }
  });

  it("keeps the DLQ 14 days and lets exactly the three working queues redrive into it", () => {
    const dlq = byAttr(s(), "aws_sqs_queue", "name", DLQ);
    expect(dlq).toMatchObject({ message_retention_seconds: 1209600 });
    expect(dlq).not.toHaveProperty("redrive_policy");
    const [allow] = Object.values(resources(s(), "aws_sqs_queue_redrive_allow_policy"));
    expect(Object.keys(resources(s(), "aws_sqs_queue_redrive_allow_policy"))).toHaveLength(1);
    expect(allow.queue_url).toBe(urlOf(s(), DLQ));
    expect(JSON.parse(allow.redrive_allow_policy as string)).toEqual({ redrivePermission: "byQueue", sourceQueueArns: WORKING.map((n) => arnOf(s(), n)) });
  });

  it("runs ingestion in high-throughput mode and the remediation tiers per queue", () => {
    expect(byAttr(s(), "aws_sqs_queue", "name", WORKING[0])).toMatchObject({ deduplication_scope: "messageGroup", fifo_throughput_limit: "perMessageGroupId" });
    for (const name of WORKING.slice(1)) {
      expect(byAttr(s(), "aws_sqs_queue", "name", name)).not.toHaveProperty("fifo_throughput_limit");
    }
  });

  it("denies every request not made over TLS, on each queue", () => {
    const policies = Object.values(resources(s(), "aws_sqs_queue_policy"));
    expect(policies).toHaveLength(4);
    for (const name of [...WORKING, DLQ]) {
      const [p] = matching(s(), "aws_sqs_queue_policy", (x) => x.queue_url === urlOf(s(), name));
      expect(policy(p.policy)).toEqual({
        Version: "2012-10-17",
        Statement: [{ Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "sqs:*", Resource: arnOf(s(), name), Condition: { Bool: { "aws:SecureTransport": "false" } } }],
      });
    }
  });

  it("publishes the queues by config id for compute and observability", () => {
    const outputs = s().output!;
    expect(outputs.queue_arns.value).toEqual({
      EventsIngestion: arnOf(s(), WORKING[0]), RemediationP1: arnOf(s(), WORKING[1]), RemediationStandard: arnOf(s(), WORKING[2]), RemediationDlq: arnOf(s(), DLQ),
    });
    expect(outputs.queue_urls.value).toMatchObject({ RemediationDlq: urlOf(s(), DLQ) });
    expect(outputs.dead_letter_queue_ids.value).toEqual(["RemediationDlq"]);
  });

  it("is unprotected in dev, with the same names in its own account", () => {
    const dev = stack("stackflow-dev-messaging");
    expect(Object.values(resources(dev, "aws_sqs_queue")).map((q) => [q.name, (q.lifecycle as { prevent_destroy: boolean }).prevent_destroy]).sort())
      .toEqual([...WORKING, DLQ].sort().map((n) => [n, false]));
  });
});

describe("serverless-saas notification queue (seed 003: SQS -> Lambda: Notification)", () => {
  it("is a standard queue with a 14-day DLQ under the data key", () => {
    const s = stack("serverless-saas-prod-messaging");
    const queue = byAttr(s, "aws_sqs_queue", "name", "serverless-saas-prod-notifications");
    expect(queue).not.toHaveProperty("fifo_queue");
    expect(JSON.parse(queue.redrive_policy as string)).toEqual({ deadLetterTargetArn: arnOf(s, "serverless-saas-prod-notifications-dlq"), maxReceiveCount: 5 });
    expect(byAttr(s, "aws_sqs_queue", "name", "serverless-saas-prod-notifications-dlq")).toMatchObject({
      message_retention_seconds: 1209600, kms_master_key_id: upstream("serverless-saas-prod-data", "data_kms_key_arn"),
    });
  });
});

describe("commerce order events (seed 004's event-driven checkout, behind a switch)", () => {
  it("is a high-throughput FIFO queue with a FIFO DLQ in staging and prod, and absent in dev", () => {
    for (const env of ["prod", "staging"]) {
      const s = stack(`commerce-${env}-messaging`);
      expect(byAttr(s, "aws_sqs_queue", "name", `commerce-${env}-order-events.fifo`)).toMatchObject({ fifo_queue: true, fifo_throughput_limit: "perMessageGroupId" });
      expect(byAttr(s, "aws_sqs_queue", "name", `commerce-${env}-order-events-dlq.fifo`)).toMatchObject({ fifo_queue: true, message_retention_seconds: 1209600 });
    }
    expect(() => stack("commerce-dev-messaging")).toThrow();
  });
});
