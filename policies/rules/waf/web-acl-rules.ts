import type { ResourceView } from "../../engine/types";
import { block, blocks, isRecord } from "../../engine/values";

/** The rules of a web ACL, from `rule` blocks or the `rule_json` string; undefined when computed. */
export function webAclRules(acl: ResourceView): Record<string, unknown>[] | undefined {
  if (typeof acl.attributes.rule_json === "string") {
    try {
      const parsed: unknown = JSON.parse(acl.attributes.rule_json);
      // rule_json uses the WAF API's PascalCase; normalize the two keys the rules read.
      return Array.isArray(parsed) ? parsed.filter(isRecord).map((r) => ({ statement: normalize(r.Statement) })) : undefined;
    } catch {
      return undefined;
    }
  }
  return blocks(acl.attributes.rule);
}

function normalize(statement: unknown): Record<string, unknown> {
  if (!isRecord(statement)) return {};
  return {
    rate_based_statement: statement.RateBasedStatement,
    managed_rule_group_statement: isRecord(statement.ManagedRuleGroupStatement)
      ? { vendor_name: statement.ManagedRuleGroupStatement.VendorName, name: statement.ManagedRuleGroupStatement.Name }
      : undefined,
  };
}

/** The top-level statement of a rule. */
export const statementOf = (rule: Record<string, unknown>): Record<string, unknown> => block(rule.statement) ?? {};
