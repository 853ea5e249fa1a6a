import { fail, pass, unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { block, isUnresolved, show } from "../../engine/values";

/** Clusters leave standard support by upgrading, not by paying for more time. */
export const EksStandardSupport: ResourceRule = {
  id: "EKS.StandardSupport",
  scope: "resource",
  description: "aws_eks_cluster sets upgrade_policy.support_type = \"STANDARD\".",
  why: "Unset, EKS enrols the cluster in extended support, billed per cluster-hour at several times the standard rate once its version ages; STANDARD makes the end of support an upgrade the team plans (docs/versions.md).",
  resourceTypes: ["aws_eks_cluster"],
  check(cluster) {
    const type = block(cluster.attributes.upgrade_policy)?.support_type;
    if (type === "STANDARD") return pass();
    if (isUnresolved(type)) return unknown(`support_type is ${show(type)}`);
    return fail(type === undefined ? "upgrade_policy.support_type is unset (EKS defaults to billed EXTENDED)" : `upgrade_policy.support_type is ${show(type)}`);
  },
};
