import { requireTrue } from "../../engine/checks";
import { skip } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { literal } from "../../engine/values";

/** Application load balancers drop malformed headers. */
export const ElbDropInvalidHeaders: ResourceRule = {
  id: "ELB.DropInvalidHeaders",
  scope: "resource",
  description: "Application load balancers (aws_lb/aws_alb of type application, the default) have drop_invalid_header_fields = true.",
  why: "Invalid header names are a request-smuggling vector between the load balancer and targets that parse headers differently.",
  resourceTypes: ["aws_lb", "aws_alb"],
  check(lb) {
    const type = literal(lb.attributes.load_balancer_type) ?? "application";
    return type === "application" ? requireTrue(lb, "drop_invalid_header_fields") : skip(`${type} load balancers do not parse HTTP`);
  },
};
