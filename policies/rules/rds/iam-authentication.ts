import { requireTrue } from "../../engine/checks";
import { skip } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { engineFamily } from "./engine-family";

/** MySQL and PostgreSQL databases accept IAM authentication. */
export const RdsIamAuthentication: ResourceRule = {
  id: "RDS.IamAuthentication",
  scope: "resource",
  description: "aws_db_instance and aws_rds_cluster running MySQL, MariaDB or PostgreSQL have iam_database_authentication_enabled = true.",
  why: "IAM authentication gives workloads 15-minute tokens from their role instead of a long-lived password, and access is revoked by editing a policy.",
  resourceTypes: ["aws_db_instance", "aws_rds_cluster"],
  check(db) {
    if (engineFamily(db) === "other") return skip("engine has no IAM database authentication");
    return requireTrue(db, "iam_database_authentication_enabled");
  },
};
