import { requireTrue } from "../../engine/checks";
import type { ResourceRule } from "../../engine/types";

/** Brokers take minor and patch releases in their maintenance window. */
export const MqAutoMinorVersionUpgrade: ResourceRule = {
  id: "MQ.AutoMinorVersionUpgrade",
  scope: "resource",
  description: "aws_mq_broker sets auto_minor_version_upgrade = true (AWS Security Hub MQ.3).",
  why: "Security fixes to the broker engine arrive as minor and patch releases; without automatic upgrades they wait for someone to notice them.",
  resourceTypes: ["aws_mq_broker"],
  check: (broker) => requireTrue(broker, "auto_minor_version_upgrade"),
};
