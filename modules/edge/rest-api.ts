import { ApiGatewayAuthorizer } from "@cdktf/provider-aws/lib/api-gateway-authorizer";
import { ApiGatewayDeployment } from "@cdktf/provider-aws/lib/api-gateway-deployment";
import { ApiGatewayIntegration } from "@cdktf/provider-aws/lib/api-gateway-integration";
import { ApiGatewayMethod } from "@cdktf/provider-aws/lib/api-gateway-method";
import { ApiGatewayMethodSettings } from "@cdktf/provider-aws/lib/api-gateway-method-settings";
import { ApiGatewayResource } from "@cdktf/provider-aws/lib/api-gateway-resource";
import { ApiGatewayRestApi } from "@cdktf/provider-aws/lib/api-gateway-rest-api";
import { ApiGatewayStage } from "@cdktf/provider-aws/lib/api-gateway-stage";
import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission";
import { Wafv2WebAclAssociation } from "@cdktf/provider-aws/lib/wafv2-web-acl-association";
import { Fn } from "cdktf";
import { Construct } from "constructs";
import { LogGroup } from "../logs/log-group";
import { between, check, matches, validateProps } from "../validate";
import { WebAcl } from "./web-acl";

/** Props of a REST API. */
export interface RestApiProps {
  /** API name (also the access log group's and the regional web ACL's name part). */
  readonly name: string;
  /** Stage the API is served under (`/prod/...`). @default "prod" */
  readonly stageName?: string;
  /** Invoke ARN of the function (or its alias) every path proxies to: a contract value. */
  readonly invokeArn: string;
  /** Name (or ARN) of that function, for its invoke permission: a contract value. */
  readonly functionName: string;
  /** Alias the invoke ARN names, so the permission is on that alias. @default the unqualified function */
  readonly functionQualifier?: string;
  /**
   * Integration timeout in milliseconds: 50 to 29,000 (API Gateway's default
   * quota; a Regional API above it needs an account quota increase first).
   * @default 29000
   */
  readonly integrationTimeoutMs?: number;
  /** Steady-state requests per second per method, and the burst above it (the account allows 10,000 and 5,000). */
  readonly throttling: { readonly rateLimit: number; readonly burstLimit: number };
  /** Key encrypting the access and execution log groups; CloudWatch Logs of this region must be allowed to use it. */
  readonly kmsKeyArn: string;
  readonly logRetentionDays: number;
  /** Keep both log groups from deletion (staging, prod). */
  readonly protect: boolean;
  /**
   * Header CloudFront adds (its value a generated secret): a regional web ACL
   * on the stage blocks every request without it, so the API refuses traffic
   * that bypassed the distribution.
   */
  readonly originHeader: { readonly name: string; readonly value: string };
  /** The stage's regional web ACL: managed groups and a per-IP rate limit, after the header check. */
  readonly waf: { readonly name: string; readonly managedRuleGroups: readonly string[]; readonly rateLimit: number };
  /** A Lambda REQUEST authorizer on every method but OPTIONS (CORS preflights), cached per Authorization header. @default none (methods open) */
  readonly authorizer?: RestApiAuthorizer;
}

/** A Lambda authorizer: the function (or alias) API Gateway calls before each uncached request. */
export interface RestApiAuthorizer {
  /** Invoke ARN of the function or its alias: a contract value. */
  readonly invokeArn: string;
  readonly functionName: string;
  /** Alias the invoke ARN names, so the permission is on that alias. @default the unqualified function */
  readonly functionQualifier?: string;
  /** Seconds a decision is cached per Authorization value: 1 to 3,600. */
  readonly resultTtlSeconds: number;
}

/** The header a REQUEST authorizer is keyed on; API Gateway answers 401 without calling it when the header is missing. */
export const AUTHORIZER_IDENTITY_SOURCE = "method.request.header.Authorization";

/** One JSON line per request: who, what, how long, and the integration's own status and latency. */
const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: "$context.requestId", extendedRequestId: "$context.extendedRequestId", ip: "$context.identity.sourceIp",
  requestTime: "$context.requestTime", httpMethod: "$context.httpMethod", path: "$context.path", status: "$context.status",
  protocol: "$context.protocol", responseLength: "$context.responseLength", responseLatency: "$context.responseLatency",
  integrationStatus: "$context.integration.status", integrationLatency: "$context.integration.latency",
  errorMessage: "$context.error.message", wafStatus: "$context.waf.status", xrayTraceId: "$context.xrayTraceId",
});

/**
 * A Regional REST API that proxies `/` and `/{proxy+}` (any method) to one
 * Lambda function (`AWS_PROXY`), deployed to one stage with X-Ray, JSON
 * access logs and ERROR-level execution logs in encrypted log groups created
 * ahead of API Gateway, per-method throttling, the function's invoke
 * permission for exactly this API's stage, an optional cached REQUEST
 * authorizer on every method, and a regional web ACL that
 * refuses requests without CloudFront's secret header. The execute-api
 * endpoint stays enabled: it is CloudFront's origin. The account's
 * CloudWatch role (`EdgeAccountStack`) must exist before the stage logs.
 */
export class RestApi extends Construct {
  readonly id: string;
  readonly name: string;
  /** The stage's regional web ACL (WAF metrics' WebACL dimension). */
  readonly webAclName: string;
  readonly webAclArn: string;
  readonly stageName: string;
  readonly stageArn: string;
  readonly executionArn: string;
  /** `<id>.execute-api.<region>.amazonaws.com`: the CloudFront origin. */
  readonly originDomain: string;

  constructor(scope: Construct, id: string, props: RestApiProps) {
    super(scope, id);
    const stageName = props.stageName ?? "prod";
    const timeout = props.integrationTimeoutMs ?? 29_000;
    validateProps(this, [
      check("name", props.name, matches(/^[A-Za-z0-9_-]{1,100}$/, "must be 1-100 letters, digits, hyphens and underscores (API name, reused in log group and web ACL names)")),
      check("stageName", stageName, matches(/^[A-Za-z0-9_-]{1,128}$/, "must be 1-128 letters, digits, hyphens and underscores (API Gateway stage names)")),
      check("integrationTimeoutMs", timeout, between(50, 29_000, "API Gateway integration timeout in milliseconds")),
      check("throttling.rateLimit", props.throttling.rateLimit, between(1, 10_000, "requests per second, API Gateway's account quota")),
      check("throttling.burstLimit", props.throttling.burstLimit, between(1, 5_000, "API Gateway's account burst quota")),
      ...(props.authorizer ? [check("authorizer.resultTtlSeconds", props.authorizer.resultTtlSeconds, between(1, 3600, "seconds a cached authorizer decision lives, API Gateway's maximum"))] : []),
    ]);
    const api = new ApiGatewayRestApi(this, "Api", { name: props.name, endpointConfiguration: { types: ["REGIONAL"] } });
    const a = props.authorizer;
    const authorizer = a && new ApiGatewayAuthorizer(this, "Authorizer", {
      restApiId: api.id, name: `${props.name}-authorizer`, type: "REQUEST", authorizerUri: a.invokeArn,
      identitySource: AUTHORIZER_IDENTITY_SOURCE, authorizerResultTtlInSeconds: a.resultTtlSeconds,
    });
    if (a && authorizer) {
      new LambdaPermission(this, "AuthorizerPermission", {
        statementId: `${props.name}-authorizer`.slice(0, 100), action: "lambda:InvokeFunction", principal: "apigateway.amazonaws.com",
        functionName: a.functionName, qualifier: a.functionQualifier, sourceArn: `${api.executionArn}/authorizers/${authorizer.id}`,
      });
    }
    const proxy = new ApiGatewayResource(this, "Proxy", { restApiId: api.id, parentId: api.rootResourceId, pathPart: "{proxy+}" });
    // With an authorizer, CORS preflights (OPTIONS, sent without credentials) reach the function unauthorized:
    // API Gateway would answer 401 to a request without the identity header. Every other method is authorized.
    const methods = authorizer ? [{ suffix: "", httpMethod: "ANY", custom: true }, { suffix: "Options", httpMethod: "OPTIONS", custom: false }] : [{ suffix: "", httpMethod: "ANY", custom: false }];
    const routes = [{ id: "Root", resourceId: api.rootResourceId }, { id: "ProxyPath", resourceId: proxy.id }].flatMap((r) => methods.map((m) => {
      const method = new ApiGatewayMethod(this, `${r.id}${m.suffix}Method`, {
        restApiId: api.id, resourceId: r.resourceId, httpMethod: m.httpMethod, authorization: m.custom ? "CUSTOM" : "NONE", authorizerId: m.custom ? authorizer?.id : undefined,
      });
      const integration = new ApiGatewayIntegration(this, `${r.id}${m.suffix}Integration`, {
        restApiId: api.id, resourceId: r.resourceId, httpMethod: method.httpMethod,
        type: "AWS_PROXY", integrationHttpMethod: "POST", uri: props.invokeArn, timeoutMilliseconds: timeout,
      });
      return [method.id, integration.id];
    }));
    const deployment = new ApiGatewayDeployment(this, "Deployment", {
      restApiId: api.id,
      // A new deployment whenever what is routed, or how, changes; the stage then moves to it.
      triggers: { redeployment: Fn.sha1(Fn.jsonencode([proxy.id, ...routes.flat(), props.invokeArn, String(timeout), ...(authorizer ? [authorizer.id] : [])])) },
      lifecycle: { createBeforeDestroy: true },
    });
    const logs = (logId: string, name: string) => new LogGroup(this, logId, {
      name, retentionDays: props.logRetentionDays, kmsKeyArn: props.kmsKeyArn, deletionProtection: props.protect,
    }).logGroup;
    const accessLogs = logs("AccessLogs", `/aws/apigateway/${props.name}/access`);
    // The name API Gateway writes execution logs to; created first so they are encrypted and expire.
    const executionLogs = logs("ExecutionLogs", `API-Gateway-Execution-Logs_${api.id}/${stageName}`);
    const stage = new ApiGatewayStage(this, "Stage", {
      restApiId: api.id, deploymentId: deployment.id, stageName, xrayTracingEnabled: true,
      accessLogSettings: { destinationArn: accessLogs.arn, format: ACCESS_LOG_FORMAT },
      dependsOn: [executionLogs],
    });
    new ApiGatewayMethodSettings(this, "MethodSettings", {
      restApiId: api.id, stageName: stage.stageName, methodPath: "*/*",
      settings: {
        metricsEnabled: true, loggingLevel: "ERROR", dataTraceEnabled: false,
        throttlingRateLimit: props.throttling.rateLimit, throttlingBurstLimit: props.throttling.burstLimit,
      },
    });
    new LambdaPermission(this, "InvokePermission", {
      statementId: `${props.name}-${stageName}`.slice(0, 100), action: "lambda:InvokeFunction", principal: "apigateway.amazonaws.com",
      functionName: props.functionName, qualifier: props.functionQualifier, sourceArn: `${api.executionArn}/${stageName}/*`,
    });
    const acl = new WebAcl(this, "WebAcl", {
      name: props.waf.name, scope: "REGIONAL", managedRuleGroups: props.waf.managedRuleGroups, rateLimit: props.waf.rateLimit, requiredHeader: props.originHeader,
    });
    new Wafv2WebAclAssociation(this, "WebAclAssociation", { resourceArn: stage.arn, webAclArn: acl.arn });
    this.id = api.id;
    this.name = props.name;
    this.webAclName = props.waf.name;
    this.webAclArn = acl.arn;
    this.stageName = stage.stageName;
    this.stageArn = stage.arn;
    this.executionArn = api.executionArn;
    this.originDomain = Fn.element(Fn.split("/", stage.invokeUrl), 2);
  }
}
