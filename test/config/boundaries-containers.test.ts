import { describe, expect, it } from "vitest";
import { NameRegistry } from "../../config/names";
import { resolveDeployments } from "../../config/resolve";
import { at, type Boundary, expectBoundary, problemsOf, shown } from "./boundaries";

const base = {
  system: "axonflow", environment: "prod", region: "us-east-1", account: "axonflow-prod",
  network: { cidr: "10.30.0.0/16", workloads: [{ name: "alb", description: "internal load balancer" }, { name: "agent", description: "agent ECS tasks" }] },
  data: { rds: [{
    id: "Main", identifier: "axonflow-prod-db", engine: "postgres", engineVersion: "15.15", instanceClass: "db.t3.medium",
    allocatedStorageGib: 20, databaseName: "axonflow", masterUsername: "axonflow", consumers: ["agent"],
  }] },
};
const IMAGE = "709825985650.dkr.ecr.us-east-1.amazonaws.com/axonflow/agent:1.0.0";

/** One load-balanced, autoscaled service, valid; each row changes one field. */
const valid = () => ({
  service: {
    id: "Agent", workload: "agent", image: IMAGE, cpu: 1024, memoryMib: 2048, port: 8080, healthCheckPath: "/health", desiredCount: 5,
    secrets: [{ name: "DATABASE_URL", from: { kind: "store", store: "Main" }, key: "url" }],
  } as Record<string, unknown>,
  scaling: { maxCount: 50, cpuTarget: { targetPercent: 70 } as Record<string, unknown>, cpuSteps: [{ thresholdPercent: 80, forMinutes: 15, addTasks: 1 } as Record<string, unknown>] } as Record<string, unknown>,
  lb: { id: "AgentAlb", workload: "alb", service: "Agent", certificate: { source: "privateCa", domainName: "agent.axonflow.internal" } } as Record<string, unknown>,
});
type Parts = ReturnType<typeof valid>;
const deployment = (change: (p: Parts, v: unknown) => void) => (v: unknown) => {
  const p = valid();
  change(p, v);
  return { ...base, compute: { ecs: { services: [{ ...p.service, scaling: p.scaling }], loadBalancers: [p.lb] } } };
};
const service = (key: string) => deployment((p, v) => { p.service[key] = v; });
const scaling = (key: string) => deployment((p, v) => { p.scaling[key] = v; });
const target = (key: string) => deployment((p, v) => { (p.scaling.cpuTarget as Record<string, unknown>)[key] = v; });
const step = (key: string) => deployment((p, v) => { (p.scaling.cpuSteps as Record<string, unknown>[])[0][key] = v; });
const lb = (key: string) => deployment((p, v) => { p.lb[key] = v; });
const whole = (min: number, max: number, unit = "") => `must be a whole number between ${min} and ${max}${unit ? ` ${unit}` : ""}`;
const S = "compute.ecs.services.0";

const rows: Boundary[] = [
  at(`${S}.memoryMib`, 8192, 9216, "must be 2048-8192 MiB in steps of 1024 with 1024 CPU units (Fargate task sizes)", service("memoryMib")),
  at(`${S}.memoryMib`, 2048, 1024, "must be 2048-8192 MiB in steps of 1024 with 1024 CPU units (Fargate task sizes)", service("memoryMib")),
  at(`${S}.memoryMib`, 3072, 2560, "must be 2048-8192 MiB in steps of 1024 with 1024 CPU units (Fargate task sizes)", service("memoryMib")),
  at(`${S}.cpu`, 1024, 1000, "must be one of: 256, 512, 1024, 2048, 4096, 8192, 16384 (Fargate CPU units)", service("cpu")),
  at(`${S}.desiredCount`, 50, 51, "must be between scaling.minCount and scaling.maxCount (1-50)", deployment((p, v) => { p.service.desiredCount = v; p.scaling.minCount = 1; })),
  at(`${S}.desiredCount`, 2, 1, "must be between scaling.minCount and scaling.maxCount (2-50)", deployment((p, v) => { p.service.desiredCount = v; p.scaling.minCount = 2; })),
  at(`${S}.scaling.minCount`, 50, 51, "must be at most scaling.maxCount (50)", deployment((p, v) => { p.scaling.minCount = v; p.service.desiredCount = v; })),
  at(`${S}.scaling.maxCount`, 5000, 5001, whole(1, 5000, "tasks"), scaling("maxCount")),
  at(`${S}.scaling.cpuTarget.targetPercent`, 100, 101, whole(1, 100, "percent"), target("targetPercent")),
  at(`${S}.scaling.cpuTarget.targetPercent`, 1, 0, whole(1, 100, "percent"), target("targetPercent")),
  at(`${S}.scaling.cpuTarget.scaleOutCooldownSeconds`, 86400, 86401, whole(0, 86400, "seconds"), target("scaleOutCooldownSeconds")),
  at(`${S}.scaling.cpuTarget.scaleInCooldownSeconds`, 0, -1, whole(0, 86400, "seconds"), target("scaleInCooldownSeconds")),
  at(`${S}.scaling.cpuSteps.0.thresholdPercent`, 100, 101, whole(1, 100, "percent"), step("thresholdPercent")),
  at(`${S}.scaling.cpuSteps.0.forMinutes`, 1440, 1441, whole(1, 1440, "minutes"), step("forMinutes")),
  at(`${S}.scaling.stepCooldownSeconds`, 86400, 86401, whole(0, 86400, "seconds"), scaling("stepCooldownSeconds")),
  at(`${S}.maximumPercent`, 200, 201, whole(100, 200, "percent"), service("maximumPercent")),
  at(`${S}.image`, IMAGE, IMAGE.replace(":1.0.0", ""), "must be <registry>/<repository> with a :tag or @sha256: digest (a pinned image)", service("image")),
  // AWS's 32-character limit on ELB names: the target group name adds "-tg" to the balancer's.
  at("compute.ecs.loadBalancers.0.name", "a".repeat(29), "a".repeat(30), `makes the target-group name ${JSON.stringify(`${"a".repeat(30)}-tg`)} 33 characters long; target-group names allow 32`, lb("name")),
  at("compute.ecs.loadBalancers.0.ingressCidrs.0", ["10.0.0.0/8"], ["0.0.0.0/0"], "must not be the whole internet: the balancer is internal (omit ingressCidrs for the VPC's range)", lb("ingressCidrs")),
  at("compute.ecs.loadBalancers.0.idleTimeoutSeconds", 4000, 4001, whole(1, 4000, "seconds"), lb("idleTimeoutSeconds")),
  at("compute.ecs.loadBalancers.0.deregistrationDelaySeconds", 3600, 3601, whole(0, 3600, "seconds"), lb("deregistrationDelaySeconds")),
  at("compute.ecs.loadBalancers.0.healthCheckIntervalSeconds", 5, 4, whole(5, 300, "seconds"), lb("healthCheckIntervalSeconds")),
];

const titled = (list: Boundary[]) => list.map((b) => ({ ...b, title: `${b.field}: ${shown(b.ok)} passes, ${shown(b.bad)} fails` }));

describe("compute.ecs configuration boundaries", () => {
  it.each(titled(rows))("$title", (b) => {
    // The ingressCidrs row reports the list entry, not the list.
    if (b.field.endsWith("ingressCidrs.0")) {
      expect(problemsOf([b.build(b.ok)])).toEqual([]);
      expect(problemsOf([b.build(b.bad)])).toEqual([`axonflow-prod: ${b.field} = "0.0.0.0/0": ${b.message}`]);
      return;
    }
    expectBoundary(b, "axonflow-prod");
  });
});

describe("compute.ecs references and names", () => {
  const deploy = (change: (p: Parts) => void) => deployment((p) => change(p))(undefined);

  it("names the workload, store, service and secret source a service uses, each by the field that names it", () => {
    expect(problemsOf([deploy((p) => { p.service.workload = "worker"; p.lb.service = "Nobody"; p.service.secrets = [{ name: "X", from: { kind: "store", store: "Missing" }, key: "url" }]; })])).toEqual([
      'axonflow-prod: compute.ecs.services.0.workload = "worker": must name a workload of network.workloads (alb, agent)',
      'axonflow-prod: compute.ecs.services.0.secrets.0.from.store = "Missing": must name a store of data.aurora / rds / neptune / redis (Main)',
      'axonflow-prod: compute.ecs.loadBalancers.0.service = "Nobody": must name a service of compute.ecs.services (Agent)',
    ]);
    expect(problemsOf([deploy((p) => { p.service.secrets = [{ name: "RABBIT", from: { kind: "broker" }, key: "password" }]; })])).toEqual([
      'axonflow-prod: compute.ecs.services.0.secrets.0.from = "broker": needs messaging.broker',
    ]);
  });

  it("needs a port behind a load balancer and a policy when scaling, and refuses a variable set twice", () => {
    expect(problemsOf([deploy((p) => { delete p.service.port; delete p.service.healthCheckPath; p.scaling = { maxCount: 50 }; p.service.environment = { DATABASE_URL: "x" }; })])).toEqual([
      "axonflow-prod: compute.ecs.services.0.port = (missing): is required: the service is behind a load balancer",
      'axonflow-prod: compute.ecs.services.0.environment = "DATABASE_URL": each variable may be set once across environment, serviceUrls and secrets',
      "axonflow-prod: compute.ecs.services.0.scaling = (missing): needs a policy: cpuTarget, cpuSteps or queuePressure",
    ]);
  });

  it("registers every name it creates: cluster, service, task family, log groups, roles, alarms, balancer, target group and bucket", () => {
    const names = new NameRegistry();
    resolveDeployments([deploy(() => undefined)], undefined, names);
    const containerKinds = ["ecs-cluster", "ecs-service", "ecs-task-family", "cloudwatch-alarm", "load-balancer", "target-group"];
    expect(names.entries().filter((e) => e.owner.deployment === "axonflow-prod"
      && (containerKinds.includes(e.kind) || e.name.includes("-agent-") || e.name.startsWith("/ecs/") || e.name.endsWith("-access-logs")))
      .map((e) => `${e.kind} ${e.name}`)).toEqual([
      "ecs-cluster axonflow-prod-cluster",
      "ecs-service axonflow-prod-agent-service",
      "ecs-task-family axonflow-prod-agent",
      "log-group /ecs/axonflow-prod/agent",
      "iam-role axonflow-prod-agent-task",
      "iam-role axonflow-prod-agent-execution",
      "cloudwatch-alarm axonflow-prod-agent-service-cpu-80-for-15m",
      "load-balancer axonflow-prod-alb",
      "target-group axonflow-prod-alb-tg",
      "s3-bucket axonflow-prod-alb-access-logs",
    ]);
  });
});
