import { fail, pass } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { block, blocks } from "../../engine/values";

/** Every web ACL logs its requests, without the Authorization header. */
export const WafLoggingRedactsAuthorization: ResourceRule = {
  id: "WAF.LoggingRedactsAuthorization",
  scope: "resource",
  description: "aws_wafv2_web_acl has an aws_wafv2_web_acl_logging_configuration whose redacted_fields include the authorization header.",
  why: "Without logs, blocked attacks and false positives are invisible; with the Authorization header logged, every bearer token and basic credential lands in the log group.",
  resourceTypes: ["aws_wafv2_web_acl"],
  check(acl, stack) {
    const logging = stack.referencing(acl, "aws_wafv2_web_acl_logging_configuration", "resource_arn");
    if (logging.length === 0) return fail("no aws_wafv2_web_acl_logging_configuration refers to this web ACL");
    const redacts = logging.some((l) => blocks(l.attributes.redacted_fields).some((f) => String(block(f.single_header)?.name).toLowerCase() === "authorization"));
    return redacts ? pass() : fail("its logging configuration does not redact the authorization header");
  },
};
