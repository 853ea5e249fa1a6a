import { fail, pass, unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { list } from "../../engine/values";

/** Neptune exports its audit log. */
export const NeptuneAuditLogExport: ResourceRule = {
  id: "Neptune.AuditLogExport",
  scope: "resource",
  description: "aws_neptune_cluster exports the audit log (enable_cloudwatch_logs_exports includes \"audit\").",
  why: "The audit log is the only record of who queried or changed the graph; it also needs neptune_enable_audit_log = 1 in the cluster parameter group.",
  resourceTypes: ["aws_neptune_cluster"],
  check(cluster) {
    const exports = list(cluster.attributes.enable_cloudwatch_logs_exports);
    if (exports === "unknown") return unknown("enable_cloudwatch_logs_exports is computed");
    return exports.includes("audit") ? pass() : fail(`enable_cloudwatch_logs_exports is ${JSON.stringify(exports)}; must include "audit"`);
  },
};
