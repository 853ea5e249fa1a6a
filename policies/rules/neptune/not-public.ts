import { requireNotTrue } from "../../engine/checks";
import type { ResourceRule } from "../../engine/types";

/** Neptune instances are never public. */
export const NeptuneNotPublic: ResourceRule = {
  id: "Neptune.NotPublic",
  scope: "resource",
  description: "aws_neptune_cluster_instance does not set publicly_accessible = true.",
  why: "Public Neptune endpoints put the graph one security-group rule away from the internet; clients reach it from inside the VPC.",
  resourceTypes: ["aws_neptune_cluster_instance"],
  check: (instance) => requireNotTrue(instance, "publicly_accessible"),
};
