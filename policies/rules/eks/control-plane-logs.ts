import { fail, pass, unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { list } from "../../engine/values";

/** Control-plane log types every cluster sends to CloudWatch. */
const REQUIRED = ["api", "audit", "authenticator"];

/** The control plane logs who did what. */
export const EksControlPlaneLogs: ResourceRule = {
  id: "EKS.ControlPlaneLogs",
  scope: "resource",
  description: `aws_eks_cluster enables at least the ${REQUIRED.join(", ")} control-plane log types.`,
  why: "The audit and authenticator logs are the only record of who ran what against the cluster; EKS sends none by default.",
  resourceTypes: ["aws_eks_cluster"],
  check(cluster) {
    const types = list(cluster.attributes.enabled_cluster_log_types);
    if (types === "unknown") return unknown("enabled_cluster_log_types is computed");
    const missing = REQUIRED.filter((t) => !types.includes(t));
    return missing.length === 0 ? pass() : fail(`enabled_cluster_log_types lacks ${missing.join(", ")}`);
  },
};
