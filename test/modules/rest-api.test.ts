import { describe, expect, it } from "vitest";
import { RestApi, type RestApiProps } from "../../modules/edge/rest-api";
import { problemsOf, synthOf } from "../support/modules";

const KEY = "arn:aws:kms:us-east-1:111122223333:key/logs";
const INVOKE = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:111122223333:function:api:live/invocations";
const PROPS: RestApiProps = {
  name: "stackflow-prod-api", invokeArn: INVOKE, functionName: "stackflow-prod-api", functionQualifier: "live",
  throttling: { rateLimit: 500, burstLimit: 1000 }, kmsKeyArn: KEY, logRetentionDays: 365, protect: true,
  originHeader: { name: "X-Origin-Verify", value: "${aws_secretsmanager_secret_version.x.secret_string}" },
  waf: { name: "stackflow-prod-api", managedRuleGroups: ["AWSManagedRulesCommonRuleSet"], rateLimit: 2000 },
};
const one = (json: ReturnType<typeof synthOf>, type: string) => {
  const all = Object.entries(json.resource[type] ?? {});
  expect(all, type).toHaveLength(1);
  return all[0];
};
const ref = (json: ReturnType<typeof synthOf>, type: string, attr: string) => `\${${type}.${one(json, type)[0]}.${attr}}`;

describe("RestApi", () => {
  const json = synthOf((s) => new RestApi(s, "Api", PROPS));

  it("is a Regional API proxying / and /{proxy+} (any method) to the function's alias, with the 29 s default timeout", () => {
    expect(one(json, "aws_api_gateway_rest_api")[1]).toEqual({ name: "stackflow-prod-api", endpoint_configuration: { types: ["REGIONAL"] } });
    const api = ref(json, "aws_api_gateway_rest_api", "id");
    expect(one(json, "aws_api_gateway_resource")[1]).toEqual({ rest_api_id: api, parent_id: ref(json, "aws_api_gateway_rest_api", "root_resource_id"), path_part: "{proxy+}" });
    // In synthesized key order: ProxyPath, then Root.
    const resources = [ref(json, "aws_api_gateway_resource", "id"), ref(json, "aws_api_gateway_rest_api", "root_resource_id")];
    expect(Object.values(json.resource.aws_api_gateway_method)).toEqual(resources.map((resource_id) => ({ rest_api_id: api, resource_id, http_method: "ANY", authorization: "NONE" })));
    const methods = Object.keys(json.resource.aws_api_gateway_method);
    expect(Object.values(json.resource.aws_api_gateway_integration)).toEqual(resources.map((resource_id, i) => ({
      rest_api_id: api, resource_id, http_method: `\${aws_api_gateway_method.${methods[i]}.http_method}`, type: "AWS_PROXY", integration_http_method: "POST", uri: INVOKE, timeout_milliseconds: 29000,
    })));
  });

  it("deploys to the prod stage with X-Ray and JSON access logs, both log groups encrypted and protected", () => {
    const [, stage] = one(json, "aws_api_gateway_stage");
    const groups = Object.entries(json.resource.aws_cloudwatch_log_group);
    expect(groups.map(([, g]) => g)).toEqual([
      { name: "/aws/apigateway/stackflow-prod-api/access", retention_in_days: 365, kms_key_id: KEY, deletion_protection_enabled: true, lifecycle: { prevent_destroy: true } },
      { name: `API-Gateway-Execution-Logs_${ref(json, "aws_api_gateway_rest_api", "id")}/prod`, retention_in_days: 365, kms_key_id: KEY, deletion_protection_enabled: true, lifecycle: { prevent_destroy: true } },
    ]);
    expect(stage).toMatchObject({
      rest_api_id: ref(json, "aws_api_gateway_rest_api", "id"), deployment_id: ref(json, "aws_api_gateway_deployment", "id"), stage_name: "prod", xray_tracing_enabled: true,
      access_log_settings: { destination_arn: `\${aws_cloudwatch_log_group.${groups[0][0]}.arn}` }, depends_on: [`aws_cloudwatch_log_group.${groups[1][0]}`],
    });
    const format = JSON.parse((stage.access_log_settings as { format: string }).format);
    expect(format).toMatchObject({ requestId: "$context.requestId", ip: "$context.identity.sourceIp", status: "$context.status", integrationLatency: "$context.integration.latency", wafStatus: "$context.waf.status" });
    expect(one(json, "aws_api_gateway_deployment")[1]).toMatchObject({ rest_api_id: ref(json, "aws_api_gateway_rest_api", "id"), lifecycle: { create_before_destroy: true } });
  });

  it("throttles every method by config, logs errors only and never request bodies", () => {
    expect(one(json, "aws_api_gateway_method_settings")[1]).toEqual({
      rest_api_id: ref(json, "aws_api_gateway_rest_api", "id"), stage_name: ref(json, "aws_api_gateway_stage", "stage_name"), method_path: "*/*",
      settings: { metrics_enabled: true, logging_level: "ERROR", data_trace_enabled: false, throttling_rate_limit: 500, throttling_burst_limit: 1000 },
    });
  });

  it("lets API Gateway invoke the alias for this API's stage only", () => {
    expect(one(json, "aws_lambda_permission")[1]).toEqual({
      statement_id: "stackflow-prod-api-prod", action: "lambda:InvokeFunction", principal: "apigateway.amazonaws.com",
      function_name: "stackflow-prod-api", qualifier: "live", source_arn: `${ref(json, "aws_api_gateway_rest_api", "execution_arn")}/prod/*`,
    });
  });

  it("refuses requests without CloudFront's secret header: a regional web ACL on the stage", () => {
    const [, acl] = one(json, "aws_wafv2_web_acl");
    expect(acl.scope).toBe("REGIONAL");
    expect((acl.rule as Record<string, unknown>[])[0]).toMatchObject({
      name: "RequireOriginHeader", priority: 0, action: { block: {} },
      statement: { not_statement: { statement: { byte_match_statement: {
        field_to_match: { single_header: { name: "x-origin-verify" } }, positional_constraint: "EXACTLY", search_string: PROPS.originHeader.value,
      } } } },
    });
    expect(one(json, "aws_wafv2_web_acl_association")[1]).toEqual({ resource_arn: ref(json, "aws_api_gateway_stage", "arn"), web_acl_arn: ref(json, "aws_wafv2_web_acl", "arn") });
  });

  it("takes a timeout from 50 to 29,000 ms and refuses one outside, with the throttling quotas", () => {
    const problems = (bad: Partial<RestApiProps>) => problemsOf((s) => new RestApi(s, "Api", { ...PROPS, ...bad }));
    const timeout = (v: number) => `test/Api: integrationTimeoutMs = ${v}: must be a whole number from 50 to 29000 (API Gateway integration timeout in milliseconds)`;
    expect(problems({ integrationTimeoutMs: 50 })).toEqual([]);
    expect(problems({ integrationTimeoutMs: 29000 })).toEqual([]);
    expect(problems({ integrationTimeoutMs: 49 })).toEqual([timeout(49)]);
    expect(problems({ integrationTimeoutMs: 29001 })).toEqual([timeout(29001)]);
    expect(problems({ throttling: { rateLimit: 10000, burstLimit: 5000 } })).toEqual([]);
    expect(problems({ throttling: { rateLimit: 10001, burstLimit: 5001 } })).toEqual([
      "test/Api: throttling.rateLimit = 10001: must be a whole number from 1 to 10000 (requests per second, API Gateway's account quota)",
      "test/Api: throttling.burstLimit = 5001: must be a whole number from 1 to 5000 (API Gateway's account burst quota)",
    ]);
    expect(problems({ stageName: "pro d" })).toEqual(['test/Api: stageName = "pro d": must be 1-128 letters, digits, hyphens and underscores (API Gateway stage names)']);
  });

  it("sets a shorter timeout when configured", () => {
    const short = synthOf((s) => new RestApi(s, "Api", { ...PROPS, integrationTimeoutMs: 10000, stageName: "v1" }));
    expect(Object.values(short.resource.aws_api_gateway_integration).map((i) => i.timeout_milliseconds)).toEqual([10000, 10000]);
    expect(one(short, "aws_api_gateway_stage")[1].stage_name).toBe("v1");
  });

  it("takes an authorizer result TTL from 1 to 3,600 s and refuses 0 and 3,601", () => {
    const authorizer = { invokeArn: INVOKE.replace(":api:", ":auth:"), functionName: "auth", functionQualifier: "live" };
    const problems = (ttl: number) => problemsOf((s) => new RestApi(s, "Api", { ...PROPS, authorizer: { ...authorizer, resultTtlSeconds: ttl } }));
    const message = (v: number) => `test/Api: authorizer.resultTtlSeconds = ${v}: must be a whole number from 1 to 3600 (seconds a cached authorizer decision lives, API Gateway's maximum)`;
    expect(problems(1)).toEqual([]);
    expect(problems(3600)).toEqual([]);
    expect(problems(0)).toEqual([message(0)]);
    expect(problems(3601)).toEqual([message(3601)]);
  });
});
