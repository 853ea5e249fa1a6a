import { fail, pass, unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { flag, isSet, list, UNKNOWN } from "../../engine/values";

/** Alarms reach someone when they fire and when they clear, and say what they mean. */
export const CloudWatchAlarmRouted: ResourceRule = {
  id: "CloudWatch.AlarmRouted",
  scope: "resource",
  description: "aws_cloudwatch_metric_alarm and aws_cloudwatch_composite_alarm set alarm_actions and ok_actions, keep actions enabled, and set alarm_description.",
  why: "An alarm without an action changes colour on a console nobody watches; without an OK action the on-call never learns it cleared; without a description the person paged has to guess what it means.",
  resourceTypes: ["aws_cloudwatch_metric_alarm", "aws_cloudwatch_composite_alarm"],
  check(alarm) {
    const a = alarm.attributes;
    if (flag(a.actions_enabled) === false) return fail("actions_enabled is false");
    for (const attribute of ["alarm_actions", "ok_actions"]) {
      const actions = list(a[attribute]);
      if (actions === UNKNOWN) return unknown(`${attribute} is a reference to a whole list`);
      if (actions.length === 0) return fail(`${attribute} is empty or unset`);
    }
    if (!isSet(a.alarm_description)) return fail("alarm_description is not set");
    return pass();
  },
};
