import { fail, pass } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { block, isSet } from "../../engine/values";

/** Managed nodes start from a launch template the repository controls. */
export const EksNodeGroupLaunchTemplate: ResourceRule = {
  id: "EKS.NodeGroupLaunchTemplate",
  scope: "resource",
  description: "aws_eks_node_group sets launch_template (id or name, and version).",
  why: "Without one, EKS's own template applies: metadata hop limit 2 (pods reach the node role's credentials) and volumes the repository does not configure; EC2.Imdsv2Required and EC2.ImdsHopLimit can only judge a template that exists.",
  resourceTypes: ["aws_eks_node_group"],
  check(group) {
    const template = block(group.attributes.launch_template);
    if (!template) return fail("no launch_template: EKS's default template allows pods to reach instance metadata");
    if (!isSet(template.id) && !isSet(template.name)) return fail("launch_template names neither id nor name");
    return isSet(template.version) ? pass() : fail("launch_template.version is not set");
  },
};
