import { requireNotTrue } from "../../engine/checks";
import type { ResourceRule } from "../../engine/types";

/** Database instances are never reachable from the internet. */
export const RdsNotPublic: ResourceRule = {
  id: "RDS.NotPublic",
  scope: "resource",
  description: "aws_db_instance and aws_rds_cluster_instance do not set publicly_accessible = true.",
  why: "A public database gets an internet-resolvable address; one permissive security group rule then exposes it. Databases live in the isolated data subnets and are reached from inside the VPC.",
  resourceTypes: ["aws_db_instance", "aws_rds_cluster_instance"],
  check: (db) => requireNotTrue(db, "publicly_accessible"),
};
