import { requireTrue } from "../../engine/checks";
import type { ResourceRule } from "../../engine/types";

/** REST API stages trace requests with X-Ray. */
export const ApiGatewayXRayTracing: ResourceRule = {
  id: "APIGateway.XRayTracing",
  scope: "resource",
  description: "aws_api_gateway_stage (REST APIs) has xray_tracing_enabled = true. HTTP APIs (v2) do not support X-Ray and are not checked.",
  why: "Tracing at the stage starts the trace that Lambda and downstream calls join; without it a slow request cannot be followed end to end.",
  resourceTypes: ["aws_api_gateway_stage"],
  check: (stage) => requireTrue(stage, "xray_tracing_enabled"),
};
