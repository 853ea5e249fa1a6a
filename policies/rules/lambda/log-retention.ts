import { fail, pass, unknown } from "../../engine/outcome";
import type { ResourceRule, ResourceView } from "../../engine/types";
import { block, isSet, isUnresolved, literal, num } from "../../engine/values";
import { isEdgeFunction } from "./edge-function";

/** Every function writes to a log group of its own stack that has retention. */
export const LambdaLogRetention: ResourceRule = {
  id: "Lambda.LogRetention",
  scope: "resource",
  description: "Every aws_lambda_function has its log group (logging_config.log_group, or /aws/lambda/<function_name>; for a Lambda@Edge function a distribution of the stack associates, /aws/lambda/us-east-1.<function_name>) declared in the same stack with retention_in_days set.",
  why: "If the group is not created first, Lambda creates it on first invocation with no retention and no KMS key, and Terraform later fails to create it (it already exists).",
  resourceTypes: ["aws_lambda_function"],
  check(fn, stack) {
    const groups = stack.resources("aws_cloudwatch_log_group");
    const configured = block(fn.attributes.logging_config)?.log_group;
    let group: ResourceView | undefined;
    if (isSet(configured)) {
      group = stack.referencedBy(configured).find((r) => r.type === "aws_cloudwatch_log_group")
        ?? groups.find((g) => g.attributes.name === configured);
    } else {
      const name = literal(fn.attributes.function_name);
      // Lambda@Edge writes to /aws/lambda/us-east-1.<name> in each region that ran it; the us-east-1 group is the one a stack can hold.
      const prefix = isEdgeFunction(fn, stack) ? "/aws/lambda/us-east-1." : "/aws/lambda/";
      group = groups.find((g) => {
        const groupName = g.attributes.name;
        if (name && groupName === `${prefix}${name}`) return true;
        // `/aws/lambda/${aws_lambda_function.X.function_name}` or the same reference as the function's name.
        return typeof groupName === "string" && groupName.startsWith("/aws/lambda/")
          && (stack.referencedBy(groupName).some((r) => r.address === fn.address)
            || (isUnresolved(fn.attributes.function_name) && groupName === `/aws/lambda/${fn.attributes.function_name}`));
      });
    }
    if (!group) {
      if (isUnresolved(configured ?? fn.attributes.function_name)) return unknown("log group name is computed and matches no group in this stack");
      return fail("no aws_cloudwatch_log_group for this function in its stack");
    }
    const days = num(group.attributes.retention_in_days);
    if (days === "unknown") return unknown(`${group.address} retention is computed`);
    return days && days > 0 ? pass() : fail(`${group.address} has no retention_in_days`);
  },
};
