import { requireSet } from "../../engine/checks";
import type { ResourceRule } from "../../engine/types";

/** Topics are encrypted with KMS. */
export const SnsEncryption: ResourceRule = {
  id: "SNS.Encryption",
  scope: "resource",
  description: "aws_sns_topic sets kms_master_key_id.",
  why: "SNS stores messages until delivered (and retries for days); unlike SQS it is not encrypted by default.",
  resourceTypes: ["aws_sns_topic"],
  check: (topic) => requireSet(topic, "kms_master_key_id", "SNS topics are unencrypted by default"),
};
