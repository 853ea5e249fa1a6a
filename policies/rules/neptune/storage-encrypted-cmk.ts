import { requireSet, requireTrue } from "../../engine/checks";
import { combine } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";

/** Neptune clusters are encrypted with a customer-managed key. */
export const NeptuneStorageEncryptedCmk: ResourceRule = {
  id: "Neptune.StorageEncryptedCmk",
  scope: "resource",
  description: "aws_neptune_cluster has storage_encrypted = true and kms_key_arn set.",
  why: "Neptune encryption is fixed at creation; the default is unencrypted, and without a customer key snapshots cannot be shared or copied under our own key policy.",
  resourceTypes: ["aws_neptune_cluster"],
  check: (cluster) => combine([requireTrue(cluster, "storage_encrypted"), requireSet(cluster, "kms_key_arn")]),
};
