import { requireTrue } from "../../engine/checks";
import { skip } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { literal } from "../../engine/values";

/** Symmetric customer-managed keys rotate. */
export const KmsKeyRotation: ResourceRule = {
  id: "KMS.KeyRotation",
  scope: "resource",
  description: "Every symmetric encryption KMS key has enable_key_rotation = true.",
  why: "Rotation limits how much data one key version protects and is what auditors (CIS, PCI) check first; AWS keeps old versions, so rotation never breaks decryption.",
  resourceTypes: ["aws_kms_key"],
  check(key) {
    const spec = literal(key.attributes.customer_master_key_spec) ?? "SYMMETRIC_DEFAULT";
    const usage = literal(key.attributes.key_usage) ?? "ENCRYPT_DECRYPT";
    // AWS supports automatic rotation only for symmetric encryption keys.
    if (spec !== "SYMMETRIC_DEFAULT" || usage !== "ENCRYPT_DECRYPT") return skip(`${spec}/${usage} keys cannot rotate automatically`);
    return requireTrue(key, "enable_key_rotation");
  },
};
