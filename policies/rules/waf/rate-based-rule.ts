import { fail, pass, unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { block } from "../../engine/values";
import { statementOf, webAclRules } from "./web-acl-rules";

/** Every web ACL limits request rates. */
export const WafRateBasedRule: ResourceRule = {
  id: "WAF.RateBasedRule",
  scope: "resource",
  description: "aws_wafv2_web_acl has at least one rule with a rate_based_statement.",
  why: "A rate limit is what stops credential stuffing, scraping and request floods from reaching (and billing) the Lambdas and databases behind the ACL.",
  resourceTypes: ["aws_wafv2_web_acl"],
  check(acl) {
    const rules = webAclRules(acl);
    if (!rules) return unknown("rule_json is computed");
    return rules.some((r) => block(statementOf(r).rate_based_statement)) ? pass() : fail("no rate-based rule");
  },
};
