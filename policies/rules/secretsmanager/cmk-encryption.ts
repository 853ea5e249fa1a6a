import { requireSet } from "../../engine/checks";
import type { ResourceRule } from "../../engine/types";

/** Secrets are encrypted with a customer-managed key. */
export const SecretsManagerCmkEncryption: ResourceRule = {
  id: "SecretsManager.CmkEncryption",
  scope: "resource",
  description: "aws_secretsmanager_secret has kms_key_id set.",
  why: "With the default aws/secretsmanager key, anyone with secretsmanager:GetSecretValue reads the secret; a customer key adds a second grant and cannot be used from other accounts by accident.",
  resourceTypes: ["aws_secretsmanager_secret"],
  check: (secret) => requireSet(secret, "kms_key_id", "uses the AWS-managed aws/secretsmanager key"),
};
