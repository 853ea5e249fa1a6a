import { fail, pass } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { blocks } from "../../engine/values";

/** Every VPC's default security group is adopted and emptied. */
export const Ec2DefaultSecurityGroupClosed: ResourceRule = {
  id: "EC2.DefaultSecurityGroupClosed",
  scope: "resource",
  description: "Every aws_vpc has an aws_default_security_group in the same stack with no ingress and no egress rules.",
  why: "AWS gives each VPC a default group that lets its members talk to each other and to anywhere; anything launched without an explicit group falls into it (CIS AWS 5.4).",
  resourceTypes: ["aws_vpc"],
  check(vpc, stack) {
    const group = stack.referencing(vpc, "aws_default_security_group", "vpc_id")[0];
    if (!group) return fail("no aws_default_security_group adopts this VPC's default group");
    const rules = blocks(group.attributes.ingress).length + blocks(group.attributes.egress).length;
    return rules === 0 ? pass() : fail(`${group.address} has ${rules} rule(s)`);
  },
};
