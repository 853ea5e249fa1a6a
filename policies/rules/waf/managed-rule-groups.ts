import { fail, pass, unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { block } from "../../engine/values";
import { statementOf, webAclRules } from "./web-acl-rules";

/** Every web ACL uses AWS managed rule groups. */
export const WafManagedRuleGroups: ResourceRule = {
  id: "WAF.ManagedRuleGroups",
  scope: "resource",
  description: "aws_wafv2_web_acl has at least one AWS managed rule group (e.g. AWSManagedRulesCommonRuleSet).",
  why: "Managed rule groups carry AWS's maintained signatures for OWASP top-10 attacks and known bad inputs; writing and updating equivalents by hand does not happen.",
  resourceTypes: ["aws_wafv2_web_acl"],
  check(acl) {
    const rules = webAclRules(acl);
    if (!rules) return unknown("rule_json is computed");
    const managed = rules.some((r) => block(statementOf(r).managed_rule_group_statement)?.vendor_name === "AWS");
    return managed ? pass() : fail("no AWS managed rule group");
  },
};
