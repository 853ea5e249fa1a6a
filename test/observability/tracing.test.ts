import { describe, expect, it } from "vitest";
import { DEPLOYMENTS } from "../support/deployments";
import { configProblems } from "../support/config-problems";
import { resources, stack, stackNames, upstreamEntry } from "../support/synth";

const base = { system: "axonflow", environment: "prod", region: "us-east-1", account: "axonflow-prod", network: { cidr: "10.30.0.0/16" } };
const problemsOf = (sampling: unknown) => configProblems([{ ...base, observability: { sampling } }]);

describe("X-Ray tracing", () => {
  it("samples each REST API stage by its environment's rule, matched on the stage's service name and ARN", () => {
    const withApi = DEPLOYMENTS.filter((d) => d.edge.api);
    expect(withApi.map((d) => d.name)).toEqual(["stackflow-prod", "stackflow-dev", "serverless-saas-prod", "serverless-saas-dev"]);
    const rate = { prod: [10, 0.05], dev: [1, 0.1] } as Record<string, [number, number]>;
    for (const d of withApi) {
      const rules = Object.values(resources(stack(`${d.name}-observability`), "aws_xray_sampling_rule"));
      const fronts = d.edge.api!.function.name;
      const edge = `${d.name}-edge`;
      expect(rules.map(({ "//": _, ...r }) => r)).toEqual([{
        rule_name: `${d.name}-api`, priority: 100, version: 1, reservoir_size: rate[d.environment][0], fixed_rate: rate[d.environment][1],
        service_name: `${upstreamEntry(edge, "rest_api_names", fronts)}/${upstreamEntry(edge, "rest_api_stage_names", fronts)}`,
        service_type: "AWS::ApiGateway::Stage", resource_arn: upstreamEntry(edge, "rest_api_stage_arns", fronts),
        host: "*", http_method: "*", url_path: "*",
      }]);
    }
    const others = DEPLOYMENTS.filter((d) => !d.edge.api && d.layers.includes("observability"));
    for (const d of others) expect(resources(stack(`${d.name}-observability`), "aws_xray_sampling_rule")).toEqual({});
  });

  it("traces every function and every REST API stage (Lambda@Edge functions cannot be traced)", () => {
    // A function a CloudFront distribution associates runs at the edge, where X-Ray tracing is not available.
    const atEdge = (n: string) => new Set([...JSON.stringify(resources(stack(n), "aws_cloudfront_distribution")).matchAll(/aws_lambda_function\.(\w+)\.qualified_arn/g)].map((m) => m[1]));
    const functions = stackNames().flatMap((n) => Object.entries(resources(stack(n), "aws_lambda_function")).map(([id, f]) => ({ f, edge: atEdge(n).has(id) })));
    const stages = stackNames().flatMap((n) => Object.values(resources(stack(n), "aws_api_gateway_stage")));
    expect(functions.filter((x) => !x.edge).length).toBe(DEPLOYMENTS.reduce((n, d) => n + d.compute.functions.length, 0));
    expect(functions.filter((x) => x.edge)).toHaveLength(2);
    expect(stages).toHaveLength(4);
    for (const { f, edge } of functions) expect(f.tracing_config).toEqual(edge ? undefined : { mode: "Active" });
    for (const s of stages) expect(s.xray_tracing_enabled).toBe(true);
  });

  it.each<[string, unknown, string[]]>([
    ["a rate of 1", { fixedRate: 1 }, []],
    ["a rate over 1", { fixedRate: 1.01 }, ["axonflow-prod: observability.sampling.fixedRate = 1.01: must be a number between 0 and 1 (share of requests)"]],
    ["a negative rate", { fixedRate: -0.01 }, ["axonflow-prod: observability.sampling.fixedRate = -0.01: must be a number between 0 and 1 (share of requests)"]],
    ["priority 9999", { priority: 9999 }, []],
    ["priority 10000 (X-Ray's default rule)", { priority: 10000 }, ["axonflow-prod: observability.sampling.priority = 10000: must be a whole number between 1 and 9999"]],
    ["no reservoir", { reservoirPerSecond: 0 }, []],
    ["a fractional reservoir", { reservoirPerSecond: 0.5 }, ["axonflow-prod: observability.sampling.reservoirPerSecond = 0.5: must be a whole number between 0 and 100000"]],
  ])("sampling: %s", (_name, sampling, expected) => {
    expect(problemsOf(sampling)).toEqual(expected);
  });
});
