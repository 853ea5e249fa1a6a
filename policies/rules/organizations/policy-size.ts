import { fail, pass, unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { isUnresolved } from "../../engine/values";

/** AWS's document size limits by policy type, in characters. */
const LIMITS: Readonly<Record<string, number>> = { SERVICE_CONTROL_POLICY: 5120, RESOURCE_CONTROL_POLICY: 5120, TAG_POLICY: 10000, BACKUP_POLICY: 10000, AISERVICES_OPT_OUT_POLICY: 2500 };

/** An organization policy fits its type's size limit. */
export const OrganizationsPolicySize: ResourceRule = {
  id: "Organizations.PolicySize",
  scope: "resource",
  description: "Every aws_organizations_policy's content fits its type's limit (service and resource control policies 5,120 characters, tag and backup policies 10,000, AI opt-out 2,500).",
  why: "AWS refuses an oversized policy only at apply, after the other guardrails of the same plan have changed; a guardrail that silently fails to attach leaves accounts unprotected.",
  resourceTypes: ["aws_organizations_policy"],
  check(policy) {
    const content = policy.attributes.content;
    if (typeof content !== "string" || isUnresolved(content as unknown)) return unknown("content is computed at plan time");
    const type = typeof policy.attributes.type === "string" ? policy.attributes.type : "SERVICE_CONTROL_POLICY";
    const limit = LIMITS[type] ?? LIMITS.SERVICE_CONTROL_POLICY;
    return content.length <= limit ? pass() : fail(`content is ${content.length} characters; a ${type} allows ${limit}`);
  },
};
