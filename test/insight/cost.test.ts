import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { COST_ASSUMPTIONS } from "../../config/cost-assumptions";
import { byType, estimateAll, estimateDeployment, type DeploymentEstimate } from "../../scripts/insight/cost-model";
import { costSummary } from "../../scripts/insight/cost-report";
import { PRICE_TABLE } from "../../scripts/insight/prices";
import type { SynthesizedStack } from "../../policies/engine/stack-json";
import { SynthModel } from "../../scripts/insight/synth-model";

const fixture = (name: string): SynthModel => new SynthModel(JSON.parse(readFileSync(join(__dirname, "fixtures", name), "utf8")) as SynthesizedStack[]);
const estimate = (model: SynthModel, name: string): DeploymentEstimate => estimateDeployment(model, model.deployments().find((d) => d.name === name)!);
const itemsOf = (e: DeploymentEstimate): Record<string, number> => Object.fromEntries(e.stacks.flatMap((s) => s.items.map((i) => [`${s.stack}/${i.address}`, i.monthly])));

describe("price table", () => {
  it("is less than a year old (re-read the prices, then move the date)", () => {
    const ageDays = (Date.now() - Date.parse(`${PRICE_TABLE.date}T00:00:00Z`)) / 86_400_000;
    expect(ageDays).toBeGreaterThanOrEqual(0);
    expect(ageDays).toBeLessThan(365);
  });

  it("holds The Stack's unit prices where they are us-east-1's (Lambda arm64, SQS, SNS push, Pipes, REST APIs, SES)", () => {
    const u = PRICE_TABLE.unit;
    expect([u.lambdaRequestMillion, u.lambdaGbSecond.arm64, u.sqsStandardMillion, u.snsPublishMillion, u.pipesRequestMillion, u.restApiRequestMillion, u.sesEmailThousand])
      .toEqual([0.2, 0.0000133334, 0.4, 0.5, 0.4, 3.5, 0.1]);
    // The seed's "HTTP APIs: $1.11/million" is a European rate; us-east-1 lists $1.00.
    expect(u.httpApiRequestMillion).toBe(1);
  });

  it("states its region and source, printed above every estimate", () => {
    expect(costSummary([])).toContain(`us-east-1 on-demand list prices dated ${PRICE_TABLE.date}`);
    expect(PRICE_TABLE.source).toMatch(/^AWS public pricing pages/);
  });
});

describe("small hand-made shape", () => {
  const model = fixture("small-shape.json");
  const e = estimate(model, "shop-dev");

  it("prices each resource as computed by hand (730 h, us-east-1 list prices, the usage assumptions)", () => {
    expect(itemsOf(e)).toEqual({
      // 730 × 0.045 + 100 GB × 0.045
      "shop-dev-network/aws_nat_gateway.Nat": 37.35,
      // 730 × 0.005 (public IPv4)
      "shop-dev-network/aws_eip.NatIp": 3.65,
      // 2 AZ × 730 × 0.01 + 10 GB × 0.01
      "shop-dev-network/aws_vpc_endpoint.Logs": 14.7,
      "shop-dev-network/aws_vpc_endpoint.S3": 0,
      "shop-dev-network/aws_kms_key.Logs": 1,
      // Multi-AZ: 2 × 730 × 0.072 + 2 × 20 GB × 0.115
      "shop-dev-data/aws_db_instance.Main": 109.72,
      // 20 GB × 0.10 + 10 million I/O × 0.20
      "shop-dev-data/aws_rds_cluster.Serverless": 4,
      // minimum 0.5 ACU × 730 × 0.12, read from the cluster it names
      "shop-dev-data/aws_rds_cluster_instance.Writer": 43.8,
      "shop-dev-data/aws_secretsmanager_secret.Credentials": 0.4,
    });
  });

  it("totals per stack and per deployment", () => {
    expect(e.stacks.map((s) => [s.stack, s.monthly])).toEqual([["shop-dev-data", 157.92], ["shop-dev-network", 56.7]]);
    expect(e.monthly).toBe(214.62);
  });

  it("lists what it cannot price (an unknown type, an instance class missing from the table) instead of counting it as zero", () => {
    expect(e.stacks.map((s) => s.notPriced)).toEqual([["aws_db_instance.Exotic"], ["aws_shiny_new_thing.Thing"]]);
  });

  it("prints the basis of each charge beside it, assumed volumes marked", () => {
    const nat = e.stacks[1].items.find((i) => i.address === "aws_nat_gateway.Nat")!;
    expect(nat.charges).toEqual([
      { monthly: 32.85, basis: "1 gateway × 730 h × $0.045/h" },
      { monthly: 4.5, basis: `${COST_ASSUMPTIONS.natGbPerGateway} GB (assumed) × $0.045/GB` },
    ]);
  });
});

describe("axonflow default shape (seed: 5 agents + 10 orchestrators, ~$400-500 per month)", () => {
  const e = estimate(fixture("axonflow-default-shape.json"), "axonflow-prod");
  const types = byType(e);

  it("matches the seed's RDS (~$130) and ALB (~$20) lines", () => {
    // 2 × 730 × 0.072 + 2 × 100 GB × 0.115
    expect(types.aws_db_instance).toBe(128.12);
    // 730 × 0.0225 + 1 LCU × 730 × 0.008
    expect(types.aws_lb).toBe(22.265);
  });

  it("prices the NAT above the seed's ~$32: 100 GB processed and the public IPv4 charge the seed leaves out", () => {
    expect(types.aws_nat_gateway + types.aws_eip).toBe(41);
  });

  it("prices 15 Fargate tasks of 1 vCPU and 2 GB at $540.60 on demand, where the seed says ~$220 (README: Insight explains the gap)", () => {
    // 15 × 730 × 0.04048 + 30 GB × 730 × 0.004445
    expect(types.aws_ecs_service).toBe(540.6015);
    expect(e.monthly).toBe(732.5165);
    // Without the Fargate gap the estimate falls in the seed's range.
    const seedFargate = 220;
    expect(e.monthly - types.aws_ecs_service + seedFargate).toBeGreaterThanOrEqual(400);
    expect(e.monthly - types.aws_ecs_service + seedFargate).toBeLessThanOrEqual(500);
  });
});

describe("estimate of the real synth", () => {
  const all = estimateAll(SynthModel.load(inject("synthDir")));

  it("prices every resource type the platform emits today (nothing left not priced)", () => {
    expect(all.flatMap((d) => d.stacks.flatMap((s) => s.notPriced.map((a) => `${s.stack}/${a}`)))).toEqual([]);
  });

  it("counts the second NAT gateway of axonflow-prod (one per AZ) at $41.00 a month, gateway plus address", () => {
    const axonflow = all.find((d) => d.deployment === "axonflow-prod")!;
    const network = axonflow.stacks.find((s) => s.stack === "axonflow-prod-network")!;
    expect(network.items.filter((i) => i.type === "aws_nat_gateway" || i.type === "aws_eip").map((i) => i.monthly)).toEqual([3.65, 3.65, 37.35, 37.35]);
    expect(byType(axonflow).aws_db_instance).toBe(128.12);
  });

  it("puts commerce-prod's NAT per AZ (3 gateways) $73.00 a month above a single gateway, where the seed says ~$100", () => {
    const commerce = all.find((d) => d.deployment === "commerce-prod")!;
    const items = commerce.stacks.flatMap((s) => s.items).filter((i) => i.type === "aws_nat_gateway" || i.type === "aws_eip");
    expect(items.map((i) => [i.type, i.monthly])).toEqual([
      ["aws_eip", 3.65], ["aws_eip", 3.65], ["aws_eip", 3.65],
      ["aws_nat_gateway", 37.35], ["aws_nat_gateway", 37.35], ["aws_nat_gateway", 37.35],
    ]);
    // Two gateways and addresses more than a single gateway (their fixed, hourly charges); the GB processed are the same either way.
    const fixed = items.map((i) => i.charges[0].monthly);
    expect((fixed[1] + fixed[2] + fixed[4] + fixed[5]).toFixed(2)).toBe("73.00");
  });
});
