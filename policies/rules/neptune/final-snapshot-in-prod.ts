import { inProduction, requireNotTrue, requireSet } from "../../engine/checks";
import { combine } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";

/** Production Neptune clusters take a final snapshot when deleted. */
export const NeptuneFinalSnapshotInProd: ResourceRule = {
  id: "Neptune.FinalSnapshotInProd",
  scope: "resource",
  description: "In production, aws_neptune_cluster keeps skip_final_snapshot false and sets final_snapshot_identifier.",
  why: "Automated backups go with the cluster; the final snapshot is the only copy that survives a delete.",
  resourceTypes: ["aws_neptune_cluster"],
  check: (cluster, stack) => inProduction(stack, () => combine([requireNotTrue(cluster, "skip_final_snapshot"), requireSet(cluster, "final_snapshot_identifier")])),
};
