import { combine, fail, pass, skip } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { coversTcpPort, fromWorld, ingressOf } from "./ingress";

/** Remote administration ports. */
const ADMIN_PORTS = [22, 3389];

/** SSH and RDP are never open to the internet. */
export const Ec2NoAdminPortsFromWorld: ResourceRule = {
  id: "EC2.NoAdminPortsFromWorld",
  scope: "resource",
  description: "No security group ingress admits 0.0.0.0/0 or ::/0 to TCP 22 (SSH) or 3389 (RDP), including via port ranges or all protocols.",
  why: "SSH and RDP from anywhere are brute-forced continuously; hosts are reached with SSM Session Manager, which needs no inbound port at all.",
  resourceTypes: ["aws_security_group", "aws_default_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule"],
  check(resource, stack) {
    const ingress = ingressOf(resource, stack);
    if (ingress.length === 0) return skip("no ingress");
    return combine(ingress.filter(fromWorld).flatMap((i) => ADMIN_PORTS.filter((p) => coversTcpPort(i, p))
      .map((p) => fail(`${i.label} admits ${i.cidrs.join(", ")} to port ${p}`))).concat(pass()));
  },
};
