import { fail, pass, unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { blocks, isUnresolved, list } from "../../engine/values";

/** Neptune exports its audit log, and its cluster parameter group turns the log on. */
export const NeptuneAuditLogExport: ResourceRule = {
  id: "Neptune.AuditLogExport",
  scope: "resource",
  description: "aws_neptune_cluster exports the audit log (enable_cloudwatch_logs_exports includes \"audit\") and its aws_neptune_cluster_parameter_group sets neptune_enable_audit_log = 1.",
  why: "The audit log is the only record of who queried or changed the graph; Neptune writes nothing to the exported log group unless the cluster parameter group enables it (the default group does not).",
  resourceTypes: ["aws_neptune_cluster"],
  check(cluster, stack) {
    const exports = list(cluster.attributes.enable_cloudwatch_logs_exports);
    if (exports === "unknown") return unknown("enable_cloudwatch_logs_exports is computed");
    if (!exports.includes("audit")) return fail(`enable_cloudwatch_logs_exports is ${JSON.stringify(exports)}; must include "audit"`);
    const name = cluster.attributes.neptune_cluster_parameter_group_name;
    if (name === undefined || name === "") return fail("no neptune_cluster_parameter_group_name: the default group leaves neptune_enable_audit_log at 0");
    // Only a group of this stack can be read; a literal name may also be one of ours.
    const group = isUnresolved(name)
      ? stack.referencedBy(name).find((r) => r.type === "aws_neptune_cluster_parameter_group")
      : stack.resources("aws_neptune_cluster_parameter_group").find((g) => g.attributes.name === name);
    if (!group) return unknown(`parameter group ${String(name)} is not in this stack`);
    const audit = blocks(group.attributes.parameter).find((p) => p.name === "neptune_enable_audit_log");
    if (audit && isUnresolved(audit.value)) return unknown("neptune_enable_audit_log is computed");
    return String(audit?.value) === "1" ? pass() : fail(`${group.address} does not set neptune_enable_audit_log = 1`);
  },
};
