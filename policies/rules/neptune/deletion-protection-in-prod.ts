import { inProduction, requireTrue } from "../../engine/checks";
import type { ResourceRule } from "../../engine/types";

/** Production Neptune clusters refuse deletion. */
export const NeptuneDeletionProtectionInProd: ResourceRule = {
  id: "Neptune.DeletionProtectionInProd",
  scope: "resource",
  description: "In production, aws_neptune_cluster has deletion_protection = true.",
  why: "Deletion protection makes the API refuse a delete from a replacing plan, a wrong workspace or the console.",
  resourceTypes: ["aws_neptune_cluster"],
  check: (cluster, stack) => inProduction(stack, () => requireTrue(cluster, "deletion_protection")),
};
