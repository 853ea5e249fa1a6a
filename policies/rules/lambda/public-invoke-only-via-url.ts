import { fail, pass, skip } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";

/**
 * Permissions for everyone (`*`) allowed on a function: InvokeFunctionUrl
 * (the URL's own permission), and InvokeFunction only when invoked through
 * the URL.
 */
export const LambdaPublicInvokeOnlyViaUrl: ResourceRule = {
  id: "Lambda.PublicInvokeOnlyViaUrl",
  scope: "resource",
  description: "A Lambda permission for principal \"*\" allows only lambda:InvokeFunctionUrl, or lambda:InvokeFunction conditioned on lambda:InvokedViaFunctionUrl (an AWS::Lambda::Permission through Cloud Control with InvokedViaFunctionUrl: true).",
  why: "lambda:InvokeFunction for \"*\" without that condition lets any AWS account call the function through the Invoke API, bypassing the edge in front of its URL and every check made there.",
  resourceTypes: ["aws_lambda_permission", "aws_cloudcontrolapi_resource"],
  check(permission) {
    const a = permission.attributes;
    if (permission.type === "aws_lambda_permission") {
      if (a.principal !== "*") return skip("not a permission for everyone");
      if (a.action === "lambda:InvokeFunctionUrl") return pass();
      return fail(`grants ${String(a.action)} to "*" (aws_lambda_permission cannot condition it on lambda:InvokedViaFunctionUrl under provider 6.25)`);
    }
    if (a.type_name !== "AWS::Lambda::Permission" || typeof a.desired_state !== "string") return skip("not a Lambda permission");
    const state = JSON.parse(a.desired_state) as Record<string, unknown>;
    if (state.Principal !== "*") return skip("not a permission for everyone");
    if (state.Action === "lambda:InvokeFunctionUrl" || (state.Action === "lambda:InvokeFunction" && state.InvokedViaFunctionUrl === true)) return pass();
    return fail(`grants ${String(state.Action)} to "*" without InvokedViaFunctionUrl`);
  },
};
