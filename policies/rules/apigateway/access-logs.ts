import { fail, pass } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { block, isSet } from "../../engine/values";

/** API stages write access logs. */
export const ApiGatewayAccessLogs: ResourceRule = {
  id: "APIGateway.AccessLogs",
  scope: "resource",
  description: "aws_api_gateway_stage and aws_apigatewayv2_stage set access_log_settings with destination_arn and format.",
  why: "Access logs are the record of who called which route, from where, with what status and latency; API Gateway keeps none by default.",
  resourceTypes: ["aws_api_gateway_stage", "aws_apigatewayv2_stage"],
  check(stage) {
    const settings = block(stage.attributes.access_log_settings);
    if (!settings) return fail("no access_log_settings");
    const missing = ["destination_arn", "format"].filter((k) => !isSet(settings[k]));
    return missing.length === 0 ? pass() : fail(`access_log_settings lacks ${missing.join(", ")}`);
  },
};
