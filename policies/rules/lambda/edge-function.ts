import type { StackContext } from "../../engine/stack-context";
import type { ResourceView } from "../../engine/types";

/**
 * Whether a CloudFront distribution of the stack associates the function
 * (Lambda@Edge): such a function logs to `/aws/lambda/us-east-1.<name>` and
 * cannot send X-Ray traces.
 */
export function isEdgeFunction(fn: ResourceView, stack: StackContext): boolean {
  return ["default_cache_behavior", "ordered_cache_behavior"].some((behavior) => stack.referencing(fn, "aws_cloudfront_distribution", behavior).length > 0);
}
