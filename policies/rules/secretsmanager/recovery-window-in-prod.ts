import { inProduction } from "../../engine/checks";
import { fail, pass, unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { num, UNKNOWN } from "../../engine/values";

/** Production secrets can be restored after deletion. */
export const SecretsManagerRecoveryWindowInProd: ResourceRule = {
  id: "SecretsManager.RecoveryWindowInProd",
  scope: "resource",
  description: "In production, aws_secretsmanager_secret does not set recovery_window_in_days = 0 (immediate deletion).",
  why: "A secret deleted without a recovery window is gone at once, and every service reading it fails until it is recreated and re-populated.",
  resourceTypes: ["aws_secretsmanager_secret"],
  check: (secret, stack) => inProduction(stack, () => {
    const days = num(secret.attributes.recovery_window_in_days);
    if (days === UNKNOWN) return unknown("recovery_window_in_days is computed");
    return days === 0 ? fail("recovery_window_in_days is 0: deletion is immediate and irreversible") : pass();
  }),
};
