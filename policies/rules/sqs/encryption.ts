import { fail, pass, unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { flag, isSet, UNKNOWN } from "../../engine/values";

/** Queues are encrypted at rest. */
export const SqsEncryption: ResourceRule = {
  id: "SQS.Encryption",
  scope: "resource",
  description: "aws_sqs_queue sets kms_master_key_id, or sqs_managed_sse_enabled = true.",
  why: "Messages carry payloads (tickets, webhooks, orders) that stay on disk until consumed or expired; encryption must be explicit so a provider or API default change cannot turn it off.",
  resourceTypes: ["aws_sqs_queue"],
  check(queue) {
    if (isSet(queue.attributes.kms_master_key_id)) return pass();
    const managed = flag(queue.attributes.sqs_managed_sse_enabled);
    if (managed === true) return pass();
    if (managed === UNKNOWN) return unknown("sqs_managed_sse_enabled is computed");
    return fail("neither kms_master_key_id nor sqs_managed_sse_enabled is set");
  },
};
