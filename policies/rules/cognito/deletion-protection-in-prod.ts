import { inProduction, requireOneOf } from "../../engine/checks";
import type { ResourceRule } from "../../engine/types";

/** Production user pools refuse deletion. */
export const CognitoDeletionProtectionInProd: ResourceRule = {
  id: "Cognito.DeletionProtectionInProd",
  scope: "resource",
  description: "In production, aws_cognito_user_pool has deletion_protection = ACTIVE.",
  why: "Deleting a user pool deletes every user, password hash and MFA enrolment with it; nothing restores them.",
  resourceTypes: ["aws_cognito_user_pool"],
  check: (pool, stack) => inProduction(stack, () => requireOneOf(pool, "deletion_protection", ["ACTIVE"], "the default is INACTIVE")),
};
