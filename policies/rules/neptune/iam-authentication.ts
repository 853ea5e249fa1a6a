import { requireTrue } from "../../engine/checks";
import type { ResourceRule } from "../../engine/types";

/** Neptune requires IAM (SigV4) authentication. */
export const NeptuneIamAuthentication: ResourceRule = {
  id: "Neptune.IamAuthentication",
  scope: "resource",
  description: "aws_neptune_cluster has iam_database_authentication_enabled = true.",
  why: "Neptune has no passwords: without IAM authentication anyone who reaches the endpoint can read and write the graph.",
  resourceTypes: ["aws_neptune_cluster"],
  check: (cluster) => requireTrue(cluster, "iam_database_authentication_enabled"),
};
