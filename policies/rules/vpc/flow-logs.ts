import { fail, pass } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";

/** Every VPC records its traffic. */
export const VpcFlowLogs: ResourceRule = {
  id: "VPC.FlowLogs",
  scope: "resource",
  description: "Every aws_vpc has an aws_flow_log in the same stack whose vpc_id refers to it.",
  why: "Flow logs are the only record of which addresses talked to what; without them an intrusion or a data exfiltration cannot be reconstructed.",
  resourceTypes: ["aws_vpc"],
  check(vpc, stack) {
    return stack.referencing(vpc, "aws_flow_log", "vpc_id").length > 0 ? pass() : fail("no aws_flow_log refers to this VPC");
  },
};
