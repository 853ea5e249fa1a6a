import { describe, expect, it } from "vitest";
import { resolveDeployments } from "../../config/resolve";
import { configProblems } from "../support/config-problems";

const base = { system: "axonflow", environment: "prod", region: "us-east-1", account: "axonflow-prod", network: { cidr: "10.30.0.0/16" } };
const problemsOf = (observability: unknown, patch: Record<string, unknown> = {}) => configProblems([{ ...base, ...patch, observability }]);

describe("observability configuration", () => {
  it("takes its environment's timing and thresholds, with a deployment's departures on top", () => {
    const [prod] = resolveDeployments([{ ...base, observability: { thresholds: { cpuPercent: 70 } } }]);
    expect(prod.observability.timing).toEqual({ periodSeconds: 60, evaluationPeriods: 5, datapointsToAlarm: 3 });
    expect([prod.observability.thresholds.cpuPercent, prod.observability.thresholds.oldestMessageSeconds]).toEqual([70, 900]);
    expect(prod.observability.pagerDuty).toEqual({ source: "variable" });
    const [dev] = resolveDeployments([{ ...base, environment: "dev", account: "axonflow-dev" }]);
    expect(dev.observability.timing).toEqual({ periodSeconds: 300, evaluationPeriods: 3, datapointsToAlarm: 2 });
    expect(dev.observability.pagerDuty).toBeUndefined();
  });

  it("names the default PagerDuty secret after the deployment", () => {
    const [d] = resolveDeployments([{ ...base, observability: { pagerDuty: { source: "secret" } } }]);
    expect(d.observability.pagerDuty).toEqual({ source: "secret", secretName: "axonflow/prod/pagerduty-integration-url" });
  });

  it("is on wherever a NAT gateway, store, queue or broker exists, and off for a deployment without any", () => {
    expect(resolveDeployments([base])[0].layers).toEqual(["network", "observability"]);
    expect(resolveDeployments([{ ...base, network: { cidr: "10.30.0.0/16", nat: "none" } }])[0].layers).toEqual(["network"]);
  });

  it.each<[string, unknown, string[]]>([
    ["the shortest period", { timing: { periodSeconds: 60 } }, []],
    ["a period under a minute", { timing: { periodSeconds: 59 } },
      ["axonflow-prod: observability.timing.periodSeconds = 59: must be a multiple of 60 seconds between 60 and 86400 (CloudWatch standard-resolution alarm periods)"]],
    ["a period not a multiple of 60", { timing: { periodSeconds: 90 } },
      ["axonflow-prod: observability.timing.periodSeconds = 90: must be a multiple of 60 seconds between 60 and 86400 (CloudWatch standard-resolution alarm periods)"]],
    ["as many datapoints as periods", { timing: { evaluationPeriods: 3, datapointsToAlarm: 3 } }, []],
    ["more datapoints than periods", { timing: { evaluationPeriods: 3, datapointsToAlarm: 4 } },
      ["axonflow-prod: observability.timing.datapointsToAlarm = 4: must be at most evaluationPeriods (3)"]],
    ["exactly one day of evaluation", { timing: { periodSeconds: 3600, evaluationPeriods: 24, datapointsToAlarm: 1 } }, []],
    ["more than a day of evaluation", { timing: { periodSeconds: 3600, evaluationPeriods: 25, datapointsToAlarm: 1 } },
      ["axonflow-prod: observability.timing.evaluationPeriods = 25: times periodSeconds (3600) must be at most 86400 seconds (CloudWatch evaluates one day at most)"]],
    ["a CPU threshold of 100%", { thresholds: { cpuPercent: 100 } }, []],
    ["a CPU threshold over 100%", { thresholds: { cpuPercent: 101 } }, ["axonflow-prod: observability.thresholds.cpuPercent = 101: must be a percentage between 1 and 100"]],
    ["a duration ceiling at the whole timeout", { thresholds: { durationPercentOfTimeout: 100 } }, []],
    ["a duration ceiling past the timeout", { thresholds: { durationPercentOfTimeout: 101 } }, ["axonflow-prod: observability.thresholds.durationPercentOfTimeout = 101: must be a percentage between 1 and 100"]],
    ["a service memory ceiling of 1%", { thresholds: { memoryPercent: 1 } }, []],
    ["a service memory ceiling under 1%", { thresholds: { memoryPercent: 0.5 } }, ["axonflow-prod: observability.thresholds.memoryPercent = 0.5: must be a percentage between 1 and 100"]],
    ["no tolerated function error", { thresholds: { functionErrors: 0, functionThrottles: 0, target5xx: 0, wafBlockedRequests: 0 } }, []],
    ["a negative error count", { thresholds: { functionErrors: -1 } }, ["axonflow-prod: observability.thresholds.functionErrors = -1: must be a whole number, 0 or more"]],
    ["a fractional 5xx count", { thresholds: { target5xx: 2.5 } }, expect.arrayContaining([expect.stringMatching(/^axonflow-prod: observability\.thresholds\.target5xx = 2\.5: /)]) as unknown as string[]],
    ["a response time ceiling just above 0", { thresholds: { targetResponseTimeMs: 0.001 } }, []],
    ["a response time ceiling of 0", { thresholds: { targetResponseTimeMs: 0 } }, ["axonflow-prod: observability.thresholds.targetResponseTimeMs = 0: must be greater than 0"]],
    ["a CloudFront 5xx rate over 100%", { thresholds: { cloudFront5xxPercent: 100.5 } }, ["axonflow-prod: observability.thresholds.cloudFront5xxPercent = 100.5: must be a percentage between 1 and 100"]],
    ["an unknown threshold", { thresholds: { cpu: 80 } }, expect.arrayContaining([expect.stringContaining("observability.thresholds")]) as unknown as string[]],
  ])("%s", (_name, observability, expected) => {
    expect(problemsOf(observability)).toEqual(expected);
  });

  it("saves Logs Insights queries only on functions the deployment has", () => {
    const compute = { functions: [] };
    expect(problemsOf({ logQueries: [{ name: "API errors", functions: ["StackFlowAPI"], query: "fields @message" }] }, { compute })).toEqual([
      "axonflow-prod: observability.logQueries.0.functions.0 = \"StackFlowAPI\": must name a function of compute.functions (none declared)",
    ]);
    expect(problemsOf({ logQueries: [{ name: "a/b", functions: ["x"], query: "q" }] })).toEqual(expect.arrayContaining([
      "axonflow-prod: observability.logQueries.0.name = \"a/b\": must be 1-200 letters, digits, spaces and ()_.,-",
    ]));
  });

  it("refuses paging in dev: dev notifies but never pages", () => {
    expect(problemsOf({ pagerDuty: { source: "variable" } }, { environment: "dev", account: "axonflow-dev" })).toEqual([
      'axonflow-dev: observability.pagerDuty = "variable": must be false or unset in dev: dev alarms notify the topic but never page',
    ]);
    expect(problemsOf({ pagerDuty: false }, { environment: "dev", account: "axonflow-dev" })).toEqual([]);
  });
});
