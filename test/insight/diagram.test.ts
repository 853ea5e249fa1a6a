import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { buildDiagram, type Diagram } from "../../scripts/insight/diagram-model";
import { diagramFiles } from "../../scripts/insight/diagrams";
import { SynthModel } from "../../scripts/insight/synth-model";

const model = SynthModel.load(inject("synthDir"));
const diagramOf = (name: string): Diagram => buildDiagram(model, model.deployments().find((d) => d.name === name)!);
const idOf = (d: Diagram, label: string): string => {
  const found = d.nodes.filter((n) => n.label === label);
  if (found.length !== 1) throw new Error(`expected one node labelled ${label}, found ${found.length}`);
  return found[0].id;
};
/** The node standing for the resource named `name` (its own node, or the component its security group is merged into). */
const nodeFor = (d: Diagram, name: string): string => {
  const found = d.nodes.filter((n) => n.represents.includes(name) && !n.label.startsWith("other"));
  if (found.length !== 1) throw new Error(`expected one node standing for ${name}, found ${found.length}`);
  return found[0].id;
};
/** Edges as `from label -> to label [edge label]`, readable in a failure. */
const edgesOf = (d: Diagram): string[] => {
  const label = (id: string): string => d.nodes.find((n) => n.id === id)!.label;
  return d.edges.map((e) => `${label(e.from)} -> ${label(e.to)}${e.label ? ` [${e.label}]` : ""}`);
};

describe("committed diagrams", () => {
  it("are exactly what npm run diagram writes from the current synth (run it after changing a layer)", () => {
    const dir = join(__dirname, "..", "..", "docs", "diagrams");
    const fresh = diagramFiles(model);
    expect(readdirSync(dir).sort()).toEqual([...fresh.keys()].sort());
    for (const [file, content] of fresh) expect(readFileSync(join(dir, file), "utf8"), file).toBe(content);
  });
});

describe("axonflow-prod diagram", () => {
  const d = diagramOf("axonflow-prod");

  // By the workloads' security groups, so the chain holds whether a group is drawn alone or merged into its service.
  it("shows the chain ALB -> agent -> orchestrator -> database from the security-group rules, across the network and data stacks", () => {
    const alb = nodeFor(d, "axonflow-prod-alb");
    const agent = nodeFor(d, "axonflow-prod-agent");
    const orchestrator = nodeFor(d, "axonflow-prod-orchestrator");
    const db = nodeFor(d, "axonflow-prod-db-sg");
    expect(db).toBe(idOf(d, "RDS<br/>axonflow-prod-db"));
    expect(d.edges).toEqual(
      expect.arrayContaining([
        { from: alb, to: agent, label: "tcp 8080" },
        { from: agent, to: orchestrator, label: "tcp 8081" },
        { from: orchestrator, to: db, label: "tcp 5432" },
      ]),
    );
  });

  it("draws the database as its own security group (merged), in the data layer's data subnets", () => {
    expect(d.nodes.find((n) => n.label === "RDS<br/>axonflow-prod-db")).toEqual({ id: "data_Main_Instance_5B394646", layer: "data", tier: "data", label: "RDS<br/>axonflow-prod-db", store: true, represents: ["axonflow-prod-db", "axonflow-prod-db-sg"] });
    expect(d.nodes.filter((n) => n.represents.includes("axonflow-prod-db-sg")).map((n) => n.label)).toEqual(["RDS<br/>axonflow-prod-db"]);
  });

  it("has every edge it should and no other (the agent also reaches the database)", () => {
    expect(edgesOf(d)).toEqual([
      "ECS service<br/>axonflow-prod-agent-service -> ECS service<br/>axonflow-prod-orchestrator-service [tcp 8081]",
      "ECS service<br/>axonflow-prod-agent-service -> RDS<br/>axonflow-prod-db [tcp 5432]",
      "load balancer<br/>axonflow-prod-alb -> ECS service<br/>axonflow-prod-agent-service [tcp 8080]",
      "ECS service<br/>axonflow-prod-orchestrator-service -> RDS<br/>axonflow-prod-db [tcp 5432]",
    ]);
  });

  it("folds the NAT gateways (one per AZ) into one node in the public subnets, interface endpoints into the compute subnets", () => {
    expect(d.nodes.filter((n) => n.layer === "network" && n.tier).map((n) => [n.tier, n.label])).toEqual([
      ["compute", "VPC endpoint ×4<br/>ecr.api, ecr.dkr, logs, secretsmanager"],
      ["public", "NAT gateway ×2<br/>axonflow-prod-nat-0, axonflow-prod-nat-1"],
    ]);
  });
});

describe("stackflow-prod diagram", () => {
  const d = diagramOf("stackflow-prod");

  it("lets the app workload reach each data store on its port, the functions their stores and queues, the WAF the distributions, CloudFront the REST API and the API StackFlowAPI, and sends every queue's failures to the DLQ", () => {
    expect(edgesOf(d)).toEqual([
      "Lambda<br/>StackFlowAPI -> Neptune<br/>stackflow-knowledge-graph",
      "Lambda<br/>StackFlowAPI -> Aurora<br/>stackflow-main-prod",
      "Lambda<br/>StackFlowAPI -> Aurora<br/>stackflow-req-prod",
      "Lambda<br/>StackFlowGitHubSync -> SQS queue<br/>StackFlow-Events-Ingestion.fifo",
      "Lambda<br/>StackFlowNeptuneCMDBSeeder -> Neptune<br/>stackflow-knowledge-graph",
      "Lambda<br/>StackFlowNeptuneCMDBSeeder -> Aurora<br/>stackflow-main-prod",
      "Lambda<br/>StackFlowPatcher -> Neptune<br/>stackflow-knowledge-graph",
      "Lambda<br/>StackFlowPatcher -> Aurora<br/>stackflow-main-prod",
      "Lambda<br/>StackFlowPatcher -> Aurora<br/>stackflow-req-prod",
      "CloudFront<br/>Distribution -> API Gateway (REST)<br/>stackflow-prod-api",
      "WAF web ACL<br/>stackflow-prod-edge -> CloudFront<br/>Distribution",
      "WAF web ACL<br/>stackflow-prod-edge -> CloudFront<br/>Distribution",
      "API Gateway (REST)<br/>stackflow-prod-api -> Lambda<br/>StackFlowAPI",
      "WAF web ACL<br/>stackflow-prod-api -> API Gateway (REST)<br/>stackflow-prod-api",
      "SQS queue<br/>StackFlow-Events-Ingestion.fifo -> Lambda<br/>StackFlowAPI",
      "SQS queue<br/>StackFlow-Events-Ingestion.fifo -> SQS queue<br/>StackFlow-Remediation-DLQ.fifo",
      "SQS queue<br/>StackFlow-Remediation-P1.fifo -> Lambda<br/>StackFlowPatcher",
      "SQS queue<br/>StackFlow-Remediation-P1.fifo -> SQS queue<br/>StackFlow-Remediation-DLQ.fifo",
      "SQS queue<br/>StackFlow-Remediation-Standard.fifo -> Lambda<br/>StackFlowPatcher",
      "SQS queue<br/>StackFlow-Remediation-Standard.fifo -> SQS queue<br/>StackFlow-Remediation-DLQ.fifo",
      "security group<br/>stackflow-prod-app -> ElastiCache<br/>stackflow-redis-prod [tcp 6379]",
      "security group<br/>stackflow-prod-app -> Neptune<br/>stackflow-knowledge-graph [tcp 8182]",
      "security group<br/>stackflow-prod-app -> Aurora<br/>stackflow-main-prod [tcp 5432]",
      "security group<br/>stackflow-prod-app -> Aurora<br/>stackflow-req-prod [tcp 5432]",
    ]);
  });

  it("orders the layers along the traffic path (edge, compute, messaging, data, network), then what watches it, and puts the four stores in the data subnets", () => {
    expect([...new Set(d.nodes.map((n) => n.layer))]).toEqual(["edge", "compute", "messaging", "data", "network", "observability"]);
    expect(d.nodes.filter((n) => n.tier === "data").map((n) => n.label)).toEqual([
      "ElastiCache<br/>stackflow-redis-prod",
      "Neptune<br/>stackflow-knowledge-graph",
      "Aurora<br/>stackflow-main-prod",
      "Aurora<br/>stackflow-req-prod",
    ]);
  });
});

describe("diagram of a hand-made shape (types a later layer brings)", () => {
  const shape = new SynthModel(JSON.parse(readFileSync(join(__dirname, "fixtures", "diagram-shape.json"), "utf8")));
  const d = buildDiagram(shape, shape.deployments()[0]);

  it("draws the load balancer and the service as their security groups, through the contracts, with the target group contracted away", () => {
    expect(d.nodes.find((n) => n.label === "ECS service<br/>shop-dev-api")!.represents).toEqual(["shop-dev-api"]);
    expect(nodeFor(d, "shop-dev-alb")).toBe(idOf(d, "load balancer<br/>shop-dev"));
    // The listener -> target group -> service path and the 8080 rule are one edge.
    expect(edgesOf(d)).toEqual([
      "load balancer<br/>shop-dev -> ECS service<br/>shop-dev-api [tcp 8080]",
      "SNS topic<br/>shop-dev-orders -> SQS queue<br/>shop-dev-billing",
      "internet -> load balancer<br/>shop-dev [tcp 443]",
    ]);
  });

  it("places each component in its layer and in the tier of the subnets it names through the network contract", () => {
    expect(d.nodes.map((n) => [n.layer, n.tier ?? "-", n.label])).toEqual([
      ["compute", "-", "SQS queue<br/>shop-dev-billing"],
      ["compute", "-", "SNS topic<br/>shop-dev-orders"],
      ["compute", "-", "other (unclassified types)<br/>aws_shiny_new_thing ×2"],
      ["compute", "compute", "ECS service<br/>shop-dev-api"],
      ["compute", "public", "load balancer<br/>shop-dev"],
      ["", "-", "internet"],
    ]);
  });
});
