import { fail, pass, unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { num, UNKNOWN } from "../../engine/values";

/** Log groups expire their events. */
export const LogsRetention: ResourceRule = {
  id: "Logs.Retention",
  scope: "resource",
  description: "aws_cloudwatch_log_group sets retention_in_days to a positive number of days.",
  why: "Unset (or 0) means events are kept forever: storage cost grows without limit and personal data outlives any retention promise.",
  resourceTypes: ["aws_cloudwatch_log_group"],
  check(group) {
    const days = num(group.attributes.retention_in_days);
    if (days === UNKNOWN) return unknown("retention_in_days is computed");
    return days !== undefined && days > 0 ? pass() : fail(`retention_in_days is ${days ?? "unset"} (never expire)`);
  },
};
