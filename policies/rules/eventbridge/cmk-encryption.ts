import { requireSet } from "../../engine/checks";
import type { ResourceRule } from "../../engine/types";

/** Custom event buses are encrypted with a customer-managed key. */
export const EventBridgeCmkEncryption: ResourceRule = {
  id: "EventBridge.CmkEncryption",
  scope: "resource",
  description: "aws_cloudwatch_event_bus sets kms_key_identifier (a customer-managed key).",
  why: "A bus keeps its events, rule patterns and target settings under an AWS-owned key by default; a customer key puts every use of that data under a key policy and in CloudTrail.",
  resourceTypes: ["aws_cloudwatch_event_bus"],
  check: (bus) => requireSet(bus, "kms_key_identifier", "events are encrypted with an AWS-owned key"),
};
