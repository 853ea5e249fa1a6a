import { fail, pass } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { block, isSet } from "../../engine/values";

/** Auto Scaling groups launch from launch templates. */
export const AutoScalingLaunchTemplate: ResourceRule = {
  id: "AutoScaling.LaunchTemplate",
  scope: "resource",
  description: "aws_autoscaling_group sets launch_template (or mixed_instances_policy) and no launch_configuration.",
  why: "Launch configurations are deprecated and cannot require IMDSv2 hop limits, newer instance types or versioned rollbacks; a launch template carries the host hardening the EC2 rules check.",
  resourceTypes: ["aws_autoscaling_group"],
  check(group) {
    const a = group.attributes;
    if (isSet(a.launch_configuration)) return fail("launch_configuration is set");
    return block(a.launch_template) || block(a.mixed_instances_policy) ? pass() : fail("neither launch_template nor mixed_instances_policy is set");
  },
};
