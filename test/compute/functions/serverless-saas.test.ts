import { describe, expect, it } from "vitest";
import { only, outputValues, policy, ref, resources, stack, upstream } from "../../support/synth";
import { mediaConvertRole, serverlessSaasRoles } from "./expected-roles";
import { aliasRef, figures, fn, fnRef, ofFunction } from "./support";

const FUNCTIONS: Record<string, { runtime: string; memory: number; timeout: number; alias: boolean }> = {
  CustomAuthorizer: { runtime: "nodejs22.x", memory: 256, timeout: 10, alias: true },
  TodoSubgraph: { runtime: "nodejs22.x", memory: 512, timeout: 29, alias: true },
  MediaSubgraph: { runtime: "nodejs22.x", memory: 512, timeout: 29, alias: true },
  GraphQLRouter: { runtime: "provided.al2023", memory: 1024, timeout: 29, alias: true },
  Analytics: { runtime: "nodejs22.x", memory: 256, timeout: 60, alias: false },
  Notification: { runtime: "nodejs22.x", memory: 256, timeout: 30, alias: false },
};

describe.each(["prod", "dev"] as const)("serverless-saas-%s-compute", (env) => {
  const deployment = `serverless-saas-${env}`;
  const s = stack(`${deployment}-compute`);
  const c = { s, deployment, region: "eu-west-1" };
  const messaging = (output: string) => upstream(`${deployment}-messaging`, output);

  it("has the six functions on arm64 outside the VPC, each with exactly its grants", () => {
    expect(Object.values(resources(s, "aws_lambda_function")).map((f) => f.function_name).sort()).toEqual(Object.keys(FUNCTIONS).sort());
    const roles = serverlessSaasRoles(c);
    for (const [name, expected] of Object.entries(FUNCTIONS)) {
      const f = fn(s, name);
      expect(figures(f), name).toEqual({ runtime: expected.runtime, architectures: ["arm64"], memory_size: expected.memory, timeout: expected.timeout });
      expect(f.vpc_config).toBeUndefined();
      expect(f.publish, name).toBe(expected.alias);
      expect(policy(ofFunction(s, name, "aws_iam_role_policy")[0].policy), name).toEqual({ Version: "2012-10-17", Statement: roles[name] });
    }
    expect(fn(s, "GraphQLRouter").handler).toBe("bootstrap");
  });

  it("lets the router reach the subgraphs only through their aliases, whose ARNs it is given", () => {
    expect(fn(s, "GraphQLRouter").environment).toEqual({ variables: {
      TODO_SUBGRAPH_FUNCTION_ARN: aliasRef(s, "TodoSubgraph", "arn"), MEDIA_SUBGRAPH_FUNCTION_ARN: aliasRef(s, "MediaSubgraph", "arn"),
    } });
    expect(Object.values(resources(s, "aws_lambda_alias")).map((a) => a.name)).toEqual(["live", "live", "live", "live"]);
  });

  it("targets Analytics from the domain-events rule, invocable by EventBridge for that rule only", () => {
    const { "//": _m, depends_on: dependsOn, ...target } = only(s, "aws_cloudwatch_event_target");
    expect(target).toEqual({
      rule: messaging("event_rule_names.AnalyticsDomainEvents"), event_bus_name: messaging("event_bus_names.DomainEvents"),
      arn: fnRef(s, "Analytics", "arn"), retry_policy: { maximum_event_age_in_seconds: 86400, maximum_retry_attempts: 185 },
    });
    const { "//": _p, ...permission } = only(s, "aws_lambda_permission");
    expect(permission).toEqual({
      function_name: fnRef(s, "Analytics", "function_name"), action: "lambda:InvokeFunction", principal: "events.amazonaws.com",
      source_arn: messaging("event_rule_arns.AnalyticsDomainEvents"),
    });
    expect(dependsOn).toEqual([ref(s, "aws_lambda_permission", () => true, "x").slice(2, -3)]);
  });

  it("feeds Notification from its queue with partial batch failures", () => {
    const { "//": _m, ...mapping } = only(s, "aws_lambda_event_source_mapping");
    expect(mapping).toEqual({
      function_name: fnRef(s, "Notification", "arn"), event_source_arn: messaging("queue_arns.Notifications"), batch_size: 10, function_response_types: ["ReportBatchItemFailures"],
    });
  });

  it("runs media jobs on an on-demand MediaConvert queue as a role limited to the media buckets", () => {
    expect(only(s, "aws_media_convert_queue")).toMatchObject({ name: `${deployment}-media`, pricing_plan: "ON_DEMAND", status: "ACTIVE" });
    const role = Object.entries(resources(s, "aws_iam_role")).find(([, r]) => r.name === `${deployment}-mediaconvert`)!;
    expect(role[1].path).toBe(`/${deployment}/`);
    const inline = Object.values(resources(s, "aws_iam_role_policy")).find((p) => p.role === `\${aws_iam_role.${role[0]}.name}`)!;
    expect(policy(inline.policy)).toEqual({ Version: "2012-10-17", Statement: mediaConvertRole(c) });
  });

  it("publishes the alias ARNs and invoke ARNs API Gateway integrates with", () => {
    const out = outputValues(s);
    const aliased = Object.keys(FUNCTIONS).filter((n) => FUNCTIONS[n].alias);
    expect(out.function_alias_arns).toEqual(Object.fromEntries(aliased.map((n) => [n, aliasRef(s, n, "arn")])));
    expect(out.function_alias_invoke_arns).toEqual(Object.fromEntries(aliased.map((n) => [n, aliasRef(s, n, "invoke_arn")])));
    expect(out.function_secret_arns).toEqual({});
  });
});
