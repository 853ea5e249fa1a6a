import { fail, pass, skip, unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { block, isUnresolved, show } from "../../engine/values";
import { isEdgeFunction } from "./edge-function";

/** Functions send X-Ray traces. */
export const LambdaActiveTracing: ResourceRule = {
  id: "Lambda.ActiveTracing",
  scope: "resource",
  description: "aws_lambda_function has tracing_config.mode = \"Active\" (not applicable to Lambda@Edge functions a distribution of the stack associates: they cannot trace).",
  why: "In the API Gateway -> Lambda -> database paths the seeds describe, a trace is the only way to see which hop is slow or failing; PassThrough records nothing unless a caller sampled.",
  resourceTypes: ["aws_lambda_function"],
  check(fn, stack) {
    if (isEdgeFunction(fn, stack)) return skip("Lambda@Edge does not support X-Ray active tracing");
    const mode = block(fn.attributes.tracing_config)?.mode;
    if (mode === "Active") return pass();
    if (isUnresolved(mode)) return unknown(`tracing_config.mode is ${show(mode)}`);
    return fail(`tracing_config.mode is ${show(mode)}`);
  },
};
