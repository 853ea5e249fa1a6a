import { fail, pass, unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { list } from "../../engine/values";

/** Every control-plane log type: the scheduler's and controller manager's explain evictions and failed scale-ups. */
const REQUIRED = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

/** The control plane logs who did what. */
export const EksControlPlaneLogs: ResourceRule = {
  id: "EKS.ControlPlaneLogs",
  scope: "resource",
  description: `aws_eks_cluster enables every control-plane log type (${REQUIRED.join(", ")}).`,
  why: "The audit and authenticator logs are the only record of who ran what against the cluster, the controller manager's and scheduler's the only account of why pods moved; EKS sends none by default.",
  resourceTypes: ["aws_eks_cluster"],
  check(cluster) {
    const types = list(cluster.attributes.enabled_cluster_log_types);
    if (types === "unknown") return unknown("enabled_cluster_log_types is computed");
    const missing = REQUIRED.filter((t) => !types.includes(t));
    return missing.length === 0 ? pass() : fail(`enabled_cluster_log_types lacks ${missing.join(", ")}`);
  },
};
