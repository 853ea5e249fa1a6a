import { fail, pass, unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { flag, isSet, list, UNKNOWN } from "../../engine/values";

/** A reference to an Application Auto Scaling or EC2 Auto Scaling policy's ARN. */
const SCALING_POLICY = /^\$\{aws_(appautoscaling|autoscaling)_policy\.[\w-]+\.arn\}$/;

/** Alarms reach someone when they fire and when they clear, and say what they mean. */
export const CloudWatchAlarmRouted: ResourceRule = {
  id: "CloudWatch.AlarmRouted",
  scope: "resource",
  description: "aws_cloudwatch_metric_alarm and aws_cloudwatch_composite_alarm set alarm_actions and ok_actions, keep actions enabled, and set alarm_description; an alarm whose every action is a scaling policy (a scaling trigger, nobody is notified) needs no ok_actions.",
  why: "An alarm without an action changes colour on a console nobody watches; without an OK action the on-call never learns it cleared; without a description the person paged has to guess what it means.",
  resourceTypes: ["aws_cloudwatch_metric_alarm", "aws_cloudwatch_composite_alarm"],
  check(alarm) {
    const a = alarm.attributes;
    if (flag(a.actions_enabled) === false) return fail("actions_enabled is false");
    const alarmActions = list(a.alarm_actions);
    if (alarmActions === UNKNOWN) return unknown("alarm_actions is a reference to a whole list");
    if (alarmActions.length === 0) return fail("alarm_actions is empty or unset");
    // A scaling trigger acts on a policy, and the policy itself scales back in: an OK action would notify nobody.
    const scalingTrigger = alarmActions.every((action) => SCALING_POLICY.test(String(action)));
    const okActions = list(a.ok_actions);
    if (okActions === UNKNOWN) return unknown("ok_actions is a reference to a whole list");
    if (okActions.length === 0 && !scalingTrigger) return fail("ok_actions is empty or unset");
    if (!isSet(a.alarm_description)) return fail("alarm_description is not set");
    return pass();
  },
};
