import { combine, fail, pass } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { blocks, isUnresolved } from "../../engine/values";
import { descriptionOf } from "./ingress";

/** Terraform's placeholder when a group's description is omitted. */
const DEFAULT_DESCRIPTION = "Managed by Terraform";

/** Security groups and each of their rules say what they are for. */
export const Ec2SecurityGroupDescriptions: ResourceRule = {
  id: "EC2.SecurityGroupDescriptions",
  scope: "resource",
  description: "Security groups have a real description (not Terraform's \"Managed by Terraform\"), and so does every ingress and egress rule.",
  why: "During an incident the description is what tells a responder whether a rule is the expected path or the hole; a group's description cannot be changed without replacing the group.",
  resourceTypes: ["aws_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"],
  check(resource) {
    const described = (value: unknown, what: string) =>
      isUnresolved(value) || (descriptionOf(value) && descriptionOf(value) !== DEFAULT_DESCRIPTION) ? pass() : fail(`${what} has no description`);
    if (resource.type !== "aws_security_group") return described(resource.attributes.description, "rule");
    const a = resource.attributes;
    return combine([
      described(a.description, "group"),
      ...blocks(a.ingress).map((r, i) => described(r.description, `ingress[${i}]`)),
      ...blocks(a.egress).map((r, i) => described(r.description, `egress[${i}]`)),
    ]);
  },
};
