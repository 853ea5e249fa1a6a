import { requireNotTrue } from "../../engine/checks";
import type { ResourceRule } from "../../engine/types";

/** Brokers are never reachable from the internet. */
export const MqNotPublic: ResourceRule = {
  id: "MQ.NotPublic",
  scope: "resource",
  description: "aws_mq_broker does not set publicly_accessible = true.",
  why: "A public broker gets an internet-resolvable endpoint that only its credentials protect; brokers sit in private subnets behind the security group of their workload.",
  resourceTypes: ["aws_mq_broker"],
  check: (broker) => requireNotTrue(broker, "publicly_accessible"),
};
