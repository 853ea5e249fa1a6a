import { fail, pass, unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { block, flag, isUnresolved } from "../../engine/values";

/** Tasks get no public address. */
export const EcsServiceNoPublicIp: ResourceRule = {
  id: "ECS.ServiceNoPublicIp",
  scope: "resource",
  description: "aws_ecs_service does not set network_configuration.assign_public_ip = true.",
  why: "A task with a public address is reachable from the internet wherever its security group slips; tasks run in private subnets and leave through NAT or endpoints.",
  resourceTypes: ["aws_ecs_service"],
  check(service) {
    const assign = block(service.attributes.network_configuration)?.assign_public_ip;
    if (isUnresolved(assign)) return unknown("assign_public_ip is computed");
    return flag(assign) === true ? fail("assign_public_ip = true") : pass();
  },
};
