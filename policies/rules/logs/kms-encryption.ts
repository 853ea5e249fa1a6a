import { requireSet } from "../../engine/checks";
import type { ResourceRule } from "../../engine/types";

/** Log groups are encrypted with a customer-managed key. */
export const LogsKmsEncryption: ResourceRule = {
  id: "Logs.KmsEncryption",
  scope: "resource",
  description: "aws_cloudwatch_log_group sets kms_key_id.",
  why: "Logs collect request bodies, identifiers and stack traces; a customer key limits who can read them to those its key policy allows and records each decrypt.",
  resourceTypes: ["aws_cloudwatch_log_group"],
  check: (group) => requireSet(group, "kms_key_id"),
};
