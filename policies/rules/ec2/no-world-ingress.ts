import { combine, fail, pass, skip, unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { fromWorld, ingressOf, internetFacingLoadBalancers } from "./ingress";

/** Ports an internet-facing load balancer may open to everyone. */
const WEB_PORTS = [80, 443];

/** Nothing admits the whole internet, except web ports on internet-facing load balancers. */
export const Ec2NoWorldIngress: ResourceRule = {
  id: "EC2.NoWorldIngress",
  scope: "resource",
  description: "No security group ingress admits 0.0.0.0/0 or ::/0, except TCP 80/443 on a group used only by internet-facing load balancers.",
  why: "Everything else is reached through a load balancer, CloudFront or Cloudflare; an open port on an instance, task or database is scanned within minutes of creation.",
  resourceTypes: ["aws_security_group", "aws_default_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule"],
  check(resource, stack) {
    const open = ingressOf(resource, stack).filter(fromWorld);
    if (open.length === 0) return ingressOf(resource, stack).length === 0 ? skip("no ingress") : pass();
    return combine(open.map((i) => {
      const webOnly = i.protocol === "tcp" && i.fromPort === i.toPort && WEB_PORTS.includes(i.fromPort);
      const where = `${i.label} admits ${i.cidrs.join(", ")} on ${i.protocol} ${i.fromPort}-${i.toPort}`;
      if (!webOnly) return fail(where);
      if (!i.group) return unknown(`${where}; its security group is not in this stack, so the load balancer cannot be checked`);
      return internetFacingLoadBalancers(i.group, stack).length > 0 ? pass() : fail(`${where} but no internet-facing load balancer uses ${i.group.address}`);
    }));
  },
};

