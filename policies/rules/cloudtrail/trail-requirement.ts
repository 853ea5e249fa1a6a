import type { ResourceRule } from "../../engine/types";
import { requireSet, requireTrue } from "../../engine/checks";

/** A CloudTrail rule that is one attribute requirement. */
function trailRule(id: string, description: string, why: string, attribute: string, kind: "true" | "set"): ResourceRule {
  return {
    id, scope: "resource", description, why, resourceTypes: ["aws_cloudtrail"],
    check: (trail) => (kind === "true" ? requireTrue(trail, attribute) : requireSet(trail, attribute)),
  };
}

export const CloudTrailKmsEncryption = trailRule(
  "CloudTrail.KmsEncryption",
  "Every aws_cloudtrail sets kms_key_id (SSE-KMS with a customer-managed key).",
  "The audit trail records every API call of the organization; encrypting it with a key the logs account controls keeps it readable only to auditors.",
  "kms_key_id", "set",
);

export const CloudTrailLogFileValidation = trailRule(
  "CloudTrail.LogFileValidation",
  "Every aws_cloudtrail has enable_log_file_validation = true.",
  "Digest files prove the log was not altered or deleted after delivery; without them an intruder can edit their tracks out.",
  "enable_log_file_validation", "true",
);

export const CloudTrailMultiRegion = trailRule(
  "CloudTrail.MultiRegion",
  "Every aws_cloudtrail has is_multi_region_trail = true.",
  "Attackers work in the regions nobody watches; a single-region trail misses them.",
  "is_multi_region_trail", "true",
);
