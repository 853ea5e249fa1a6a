import { requireNotTrue } from "../../engine/checks";
import { combine } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { blocks } from "../../engine/values";

/** Nothing gets a public IP by default. */
export const Ec2NoPublicIp: ResourceRule = {
  id: "EC2.NoPublicIp",
  scope: "resource",
  description: "aws_instance and aws_launch_template network interfaces do not associate public IPs, and no aws_subnet sets map_public_ip_on_launch = true.",
  why: "A public IP makes a host reachable the moment a security group is loosened; load balancers and NAT gateways get their addresses explicitly.",
  resourceTypes: ["aws_instance", "aws_launch_template", "aws_subnet"],
  check(resource) {
    switch (resource.type) {
      case "aws_subnet": return requireNotTrue(resource, "map_public_ip_on_launch");
      case "aws_instance": return requireNotTrue(resource, "associate_public_ip_address");
      default: return combine(blocks(resource.attributes.network_interfaces)
        .map((ni) => requireNotTrue({ ...resource, attributes: ni }, "associate_public_ip_address")).concat(requireNotTrue(resource, "associate_public_ip_address")));
    }
  },
};
