import { fail, pass, unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { flag, UNKNOWN } from "../../engine/values";

/** Database instances have Performance Insights (or Database Insights advanced mode). */
export const RdsPerformanceInsights: ResourceRule = {
  id: "RDS.PerformanceInsights",
  scope: "resource",
  description: "aws_db_instance and aws_rds_cluster_instance enable Performance Insights (or their cluster does, or database_insights_mode is advanced).",
  why: "Performance Insights records load by query and wait event; without it, a slow-database incident has no history to investigate. Its 7-day tier is free.",
  resourceTypes: ["aws_db_instance", "aws_rds_cluster_instance"],
  check(db, stack) {
    if (db.attributes.database_insights_mode === "advanced") return pass();
    const own = flag(db.attributes.performance_insights_enabled);
    if (own === true) return pass();
    const cluster = db.type === "aws_rds_cluster_instance" ? stack.referencedBy(db.attributes.cluster_identifier)[0] : undefined;
    if (cluster && flag(cluster.attributes.performance_insights_enabled) === true) return pass();
    if (own === UNKNOWN) return unknown("performance_insights_enabled is computed");
    return fail(`performance_insights_enabled is ${own ?? "unset"}`);
  },
};
