import { describe, expect, it } from "vitest";
import { byAttr, manifest, matching, only, onlyRef, refBy, resources, stack, upstream, upstreamEntry } from "../support/synth";

type Stack = ReturnType<typeof stack>;
const ALL_METHODS = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"];
const CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
const ALL_VIEWER_EXCEPT_HOST = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
const apiRef = (s: Stack, attribute: string) => onlyRef(s, "aws_api_gateway_rest_api", attribute);
const stageRef = (s: Stack, attribute: string) => onlyRef(s, "aws_api_gateway_stage", attribute);
const secretValue = (s: Stack) => onlyRef(s, "random_password", "result");

/**
 * What every REST API behind CloudFront shares (issue 16): the alias's invoke
 * ARN from compute's contract on both proxy integrations with the 29 s
 * timeout, the invoke permission for the stage only, X-Ray, JSON access logs
 * in the logs key, throttling, and a regional web ACL on the stage refusing
 * requests without the distribution's secret header.
 */
describe.each([
  ["stackflow-prod", "StackFlowAPI", "api.stackflow-itsm.com"],
  ["serverless-saas-prod", "GraphQLRouter", "api.thestack.dev"],
] as const)("%s REST API in front of %s", (deployment, fn, host) => {
  const s = () => stack(`${deployment}-edge`);
  const compute = `${deployment}-compute`;

  it("proxies / and /{proxy+} (any method) to the function's live alias, through compute's contract, cut at 29 s", () => {
    expect(Object.values(resources(s(), "aws_api_gateway_rest_api"))).toMatchObject([{ name: `${deployment}-api`, endpoint_configuration: { types: ["REGIONAL"] } }]);
    const integrations = Object.values(resources(s(), "aws_api_gateway_integration"));
    // Both paths; with an authorizer also their unauthorized CORS preflights (OPTIONS), to the same function.
    const paths = [onlyRef(s(), "aws_api_gateway_resource", "id"), apiRef(s(), "root_resource_id")];
    expect(integrations.map((i) => i.resource_id).sort()).toEqual((fn === "GraphQLRouter" ? [...paths, ...paths] : paths).sort());
    for (const i of integrations) {
      expect(i).toMatchObject({
        type: "AWS_PROXY", integration_http_method: "POST", timeout_milliseconds: 29_000,
        uri: upstreamEntry(compute, "function_alias_invoke_arns", fn), rest_api_id: apiRef(s(), "id"),
      });
    }
    expect(only(s(), "aws_api_gateway_resource").path_part).toBe("{proxy+}");
  });

  it("lets API Gateway invoke only that alias, only from this API's prod stage", () => {
    expect(byAttr(s(), "aws_lambda_permission", "statement_id", `${deployment}-api-prod`)).toMatchObject({
      action: "lambda:InvokeFunction", principal: "apigateway.amazonaws.com",
      function_name: upstreamEntry(compute, "function_names", fn), qualifier: "live",
      source_arn: `${apiRef(s(), "execution_arn")}/prod/*`,
    });
  });

  it("serves stage prod with X-Ray, JSON access logs and ERROR execution logs in the network's logs key, throttled at 1,000 rps (bursts 2,000)", () => {
    const stage = only(s(), "aws_api_gateway_stage");
    const accessLogs = refBy(s(), "aws_cloudwatch_log_group", "name", `/aws/apigateway/${deployment}-api/access`, "arn");
    expect(stage).toMatchObject({ stage_name: "prod", xray_tracing_enabled: true, deployment_id: onlyRef(s(), "aws_api_gateway_deployment", "id"), access_log_settings: { destination_arn: accessLogs } });
    expect(JSON.parse((stage.access_log_settings as { format: string }).format)).toMatchObject({ requestId: "$context.requestId", status: "$context.status", wafStatus: "$context.waf.status" });
    for (const name of [`/aws/apigateway/${deployment}-api/access`, `API-Gateway-Execution-Logs_${apiRef(s(), "id")}/prod`]) {
      expect(byAttr(s(), "aws_cloudwatch_log_group", "name", name).kms_key_id).toBe(upstream(`${deployment}-network`, "logs_kms_key_arn"));
    }
    expect(only(s(), "aws_api_gateway_method_settings")).toMatchObject({
      method_path: "*/*", stage_name: stageRef(s(), "stage_name"),
      settings: { metrics_enabled: true, logging_level: "ERROR", data_trace_enabled: false, throttling_rate_limit: 1000, throttling_burst_limit: 2000 },
    });
  });

  it("refuses requests without CloudFront's secret header: the stage's regional web ACL blocks them first", () => {
    const acl = byAttr(s(), "aws_wafv2_web_acl", "scope", "REGIONAL");
    expect(acl.name).toBe(`${deployment}-api`);
    expect((acl.rule as Record<string, unknown>[])[0]).toMatchObject({
      name: "RequireOriginHeader", priority: 0, action: { block: {} },
      statement: { not_statement: { statement: { byte_match_statement: {
        field_to_match: { single_header: { name: "x-origin-verify" } }, positional_constraint: "EXACTLY", search_string: secretValue(s()),
      } } } },
    });
    expect(only(s(), "aws_wafv2_web_acl_association")).toEqual(expect.objectContaining({
      resource_arn: stageRef(s(), "arn"), web_acl_arn: refBy(s(), "aws_wafv2_web_acl", "scope", "REGIONAL", "arn"),
    }));
  });

  it("logs the regional web ACL to aws-waf-logs-<api> in the network's logs key, the Authorization header redacted", () => {
    const group = `aws-waf-logs-${deployment}-api`;
    expect(byAttr(s(), "aws_cloudwatch_log_group", "name", group).kms_key_id).toBe(upstream(`${deployment}-network`, "logs_kms_key_arn"));
    expect(byAttr(s(), "aws_wafv2_web_acl_logging_configuration", "resource_arn", refBy(s(), "aws_wafv2_web_acl", "scope", "REGIONAL", "arn"))).toMatchObject({
      log_destination_configs: [refBy(s(), "aws_cloudwatch_log_group", "name", group, "arn")], redacted_fields: [{ single_header: { name: "authorization" } }],
    });
    expect(byAttr(s(), "aws_cloudwatch_log_resource_policy", "policy_name", `${deployment}-api-log-delivery`).policy_document).toContain(`${refBy(s(), "aws_cloudwatch_log_group", "name", group, "arn")}:*`);
  });

  it(`puts ${host} in front: the stage's execute-api host over TLS 1.2, the same secret header, nothing cached, every method`, () => {
    const d = byAttr(s(), "aws_cloudfront_distribution", "comment", host);
    expect(d.origin).toEqual([{
      origin_id: "origin", domain_name: `\${element(split("/", ${stageRef(s(), "invoke_url").slice(2, -1)}), 2)}`,
      custom_origin_config: { http_port: 80, https_port: 443, origin_protocol_policy: "https-only", origin_ssl_protocols: ["TLSv1.2"], origin_read_timeout: 30 },
      custom_header: [{ name: "X-Origin-Verify", value: secretValue(s()) }],
    }]);
    expect(d.default_cache_behavior).toMatchObject({ allowed_methods: ALL_METHODS, cache_policy_id: CACHING_DISABLED, origin_request_policy_id: ALL_VIEWER_EXCEPT_HOST });
    expect(byAttr(s(), "aws_secretsmanager_secret", "name", `${deployment.replace(/-prod$/, "")}/prod/api-origin-header`).kms_key_id).toBe(upstream(`${deployment}-data`, "data_kms_key_arn"));
  });

  it("publishes the API's id, name, stage and web ACL names for observability, and waits for compute", () => {
    const out = s().output!;
    expect(out.rest_api_ids.value).toEqual({ [fn]: apiRef(s(), "id") });
    expect(out.rest_api_names.value).toEqual({ [fn]: `${deployment}-api` });
    expect(out.rest_api_stage_names.value).toEqual({ [fn]: stageRef(s(), "stage_name") });
    expect(out.rest_api_stage_arns.value).toEqual({ [fn]: stageRef(s(), "arn") });
    expect(out.web_acl_names.value).toEqual({ CloudFront: `${deployment}-edge`, [fn]: `${deployment}-api` });
    expect(out.origin_secret_arns.value).toMatchObject({ Api: refBy(s(), "aws_secretsmanager_secret", "name", `${deployment.replace(/-prod$/, "")}/prod/api-origin-header`, "arn") });
    expect(manifest().stacks[`${deployment}-edge`].dependencies).toContain(compute);
  });
});

describe("stackflow's methods are open behind CloudFront (seed 000: the function checks the bearer token)", () => {
  it("has no authorizer", () => {
    const s = stack("stackflow-prod-edge");
    expect(resources(s, "aws_api_gateway_authorizer")).toEqual({});
    expect(Object.values(resources(s, "aws_api_gateway_method")).map((m) => [m.http_method, m.authorization])).toEqual([["ANY", "NONE"], ["ANY", "NONE"]]);
  });
});

describe("serverless-saas cached authorizer (seed 003: API Gateway --Cached--> Custom Authorizer)", () => {
  const s = () => stack("serverless-saas-prod-edge");
  const compute = "serverless-saas-prod-compute";

  it("calls CustomAuthorizer's live alias as a REQUEST authorizer keyed on Authorization, cached 300 s, on every method but the CORS preflight", () => {
    const authorizer = only(s(), "aws_api_gateway_authorizer");
    expect(authorizer).toMatchObject({
      type: "REQUEST", identity_source: "method.request.header.Authorization", authorizer_result_ttl_in_seconds: 300,
      authorizer_uri: upstreamEntry(compute, "function_alias_invoke_arns", "CustomAuthorizer"), rest_api_id: apiRef(s(), "id"),
    });
    const methods = Object.values(resources(s(), "aws_api_gateway_method"));
    const authorizerId = onlyRef(s(), "aws_api_gateway_authorizer", "id");
    expect(methods.map((m) => [m.resource_id, m.http_method, m.authorization, m.authorizer_id]).sort()).toEqual([
      [onlyRef(s(), "aws_api_gateway_resource", "id"), "ANY", "CUSTOM", authorizerId],
      [onlyRef(s(), "aws_api_gateway_resource", "id"), "OPTIONS", "NONE", undefined],
      [apiRef(s(), "root_resource_id"), "ANY", "CUSTOM", authorizerId],
      [apiRef(s(), "root_resource_id"), "OPTIONS", "NONE", undefined],
    ].sort());
  });

  it("lets only this API's authorizer invoke the authorizer alias", () => {
    expect(byAttr(s(), "aws_lambda_permission", "statement_id", "serverless-saas-prod-api-authorizer")).toMatchObject({
      action: "lambda:InvokeFunction", principal: "apigateway.amazonaws.com",
      function_name: upstreamEntry(compute, "function_names", "CustomAuthorizer"), qualifier: "live",
      source_arn: `${apiRef(s(), "execution_arn")}/authorizers/${onlyRef(s(), "aws_api_gateway_authorizer", "id")}`,
    });
    expect(matching(s(), "aws_lambda_permission", () => true)).toHaveLength(2);
  });
});

