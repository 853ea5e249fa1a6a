import { describe, expect, it } from "vitest";
import { nameTag, only, onlyRef, policy, ref, resources, stack, StackJson } from "./support/synth";

/** Per deployment: the AZs, NAT gateways and interface endpoints the presets and seeds call for. */
const EXPECTED: Record<string, { cidr: string; azs: string[]; nats: number; endpoints: string[]; retention: number }> = {
  "stackflow-prod": { cidr: "10.10.0.0/16", azs: ["us-east-1a", "us-east-1b"], nats: 2, retention: 365, endpoints: ["bedrock-runtime", "kms", "logs", "secretsmanager", "sqs", "sts"] },
  "stackflow-dev": { cidr: "10.11.0.0/20", azs: ["us-east-1a", "us-east-1b"], nats: 1, retention: 30, endpoints: ["bedrock-runtime", "kms", "logs", "secretsmanager", "sqs", "sts"] },
  "webhooks-prod": { cidr: "10.20.0.0/16", azs: ["eu-central-1a", "eu-central-1b", "eu-central-1c"], nats: 3, retention: 365, endpoints: ["logs"] },
  "webhooks-dev": { cidr: "10.21.0.0/20", azs: ["eu-central-1a", "eu-central-1b"], nats: 1, retention: 30, endpoints: ["logs"] },
  "axonflow-prod": { cidr: "10.30.0.0/16", azs: ["us-east-1a", "us-east-1b"], nats: 2, retention: 365, endpoints: ["ecr.api", "ecr.dkr", "logs", "secretsmanager"] },
  "axonflow-dev": { cidr: "10.31.0.0/20", azs: ["us-east-1a", "us-east-1b"], nats: 1, retention: 30, endpoints: ["ecr.api", "ecr.dkr", "logs", "secretsmanager"] },
  "serverless-saas-prod": { cidr: "10.40.0.0/16", azs: ["eu-west-1a", "eu-west-1b", "eu-west-1c"], nats: 0, retention: 365, endpoints: [] },
  "serverless-saas-dev": { cidr: "10.41.0.0/20", azs: ["eu-west-1a", "eu-west-1b"], nats: 0, retention: 30, endpoints: [] },
  "commerce-prod": { cidr: "10.0.0.0/16", azs: ["us-west-2a", "us-west-2b", "us-west-2c"], nats: 3, retention: 365, endpoints: ["ecr.api", "ecr.dkr", "logs", "secretsmanager", "sts"] },
  "commerce-staging": { cidr: "10.1.0.0/16", azs: ["us-west-2a", "us-west-2b", "us-west-2c"], nats: 1, retention: 90, endpoints: ["ecr.api", "ecr.dkr", "logs", "secretsmanager", "sts"] },
  "commerce-dev": { cidr: "10.2.0.0/20", azs: ["us-west-2a", "us-west-2b"], nats: 1, retention: 30, endpoints: ["ecr.api", "ecr.dkr", "logs", "secretsmanager", "sts"] },
};

const net = (name: string): StackJson => stack(`${name}-network`);
const subnetsOf = (s: StackJson, tier: string) =>
  Object.values(resources(s, "aws_subnet")).filter((r) => (r.tags as Record<string, string>).tier === tier);
const tableOf = (s: StackJson, subnetRef: string) => {
  const association = Object.values(resources(s, "aws_route_table_association")).find((a) => a.subnet_id === subnetRef);
  return association?.route_table_id as string;
};
const routesOf = (s: StackJson, tableRef: string) =>
  Object.values(resources(s, "aws_route")).filter((r) => r.route_table_id === tableRef);

describe("commerce-prod network (seed 004)", () => {
  const s = () => net("commerce-prod");

  it("is a 10.0.0.0/16 VPC with DNS support", () => {
    expect(only(s(), "aws_vpc")).toMatchObject({ cidr_block: "10.0.0.0/16", enable_dns_support: true, enable_dns_hostnames: true });
  });

  it("carves three tiers over three AZs from the VPC range", () => {
    const cidrs = (tier: string) => subnetsOf(s(), tier).map((r) => [r.availability_zone, r.cidr_block]);
    expect(cidrs("compute")).toEqual([["us-west-2a", "10.0.0.0/18"], ["us-west-2b", "10.0.64.0/18"], ["us-west-2c", "10.0.128.0/18"]]);
    expect(cidrs("public")).toEqual([["us-west-2a", "10.0.192.0/21"], ["us-west-2b", "10.0.200.0/21"], ["us-west-2c", "10.0.208.0/21"]]);
    expect(cidrs("data")).toEqual([["us-west-2a", "10.0.224.0/21"], ["us-west-2b", "10.0.232.0/21"], ["us-west-2c", "10.0.240.0/21"]]);
  });

  it("runs one NAT gateway per AZ, each in its AZ's public subnet, routed from that AZ's compute subnet", () => {
    const nats = Object.entries(resources(s(), "aws_nat_gateway"));
    expect(nats).toHaveLength(3);
    const publicIds = Object.keys(resources(s(), "aws_subnet")).filter((id) => id.startsWith("PublicSubnets_"));
    const computeIds = Object.keys(resources(s(), "aws_subnet")).filter((id) => id.startsWith("ComputeSubnets_"));
    nats.forEach(([natId, natGw], az) => {
      expect(natGw.subnet_id).toBe(`\${aws_subnet.${publicIds[az]}.id}`);
      const table = tableOf(s(), `\${aws_subnet.${computeIds[az]}.id}`);
      expect(routesOf(s(), table)).toEqual([expect.objectContaining({ destination_cidr_block: "0.0.0.0/0", nat_gateway_id: `\${aws_nat_gateway.${natId}.id}` })]);
    });
    expect(Object.values(resources(s(), "aws_eip")).map((e) => e.domain)).toEqual(["vpc", "vpc", "vpc"]);
  });
});

describe.each(Object.entries(EXPECTED))("%s network", (name, expected) => {
  const s = () => net(name);

  it(`spans ${expected.azs.length} AZs with public, compute and data subnets in each`, () => {
    expect(only(s(), "aws_vpc").cidr_block).toBe(expected.cidr);
    for (const tier of ["public", "compute", "data"]) {
      const subnets = subnetsOf(s(), tier);
      expect(subnets.map((r) => r.availability_zone)).toEqual(expected.azs);
      expect(subnets.map(nameTag)).toEqual(expected.azs.map((az) => `${name}-${tier}-${az}`));
      expect(subnets.every((r) => r.map_public_ip_on_launch === false)).toBe(true);
    }
  });

  it("names the VPC and builds every VPC-scoped resource in it", () => {
    expect(nameTag(only(s(), "aws_vpc"))).toBe(`${name}-vpc`);
    const vpc = onlyRef(s(), "aws_vpc", "id");
    const scoped = ["aws_default_security_group", "aws_flow_log", "aws_internet_gateway", "aws_route_table", "aws_security_group", "aws_subnet", "aws_vpc_endpoint"];
    for (const type of scoped) {
      for (const [id, r] of Object.entries(resources(s(), type))) expect(r.vpc_id, `${type}.${id}`).toBe(vpc);
    }
    // Every type that carries vpc_id is in the list, so a new kind cannot slip out of the check.
    const carrying = Object.entries(s().resource ?? {}).filter(([, byId]) => Object.values(byId).some((r) => "vpc_id" in r)).map(([type]) => type);
    expect(scoped).toEqual(expect.arrayContaining(carrying));
  });

  it(`has ${expected.nats} NAT gateway(s) and compute subnets routed through them`, () => {
    expect(Object.keys(resources(s(), "aws_nat_gateway"))).toHaveLength(expected.nats);
    const natRoutes = Object.values(resources(s(), "aws_route")).filter((r) => r.nat_gateway_id !== undefined);
    expect(natRoutes).toHaveLength(expected.nats === 0 ? 0 : expected.azs.length);
  });

  it("gives data subnets no route to the internet", () => {
    const tables = new Set(subnetsOf(s(), "data").map((subnet) => {
      const id = Object.entries(resources(s(), "aws_subnet")).find(([, r]) => r === subnet)![0];
      return tableOf(s(), `\${aws_subnet.${id}.id}`);
    }));
    expect(tables.size).toBe(1);
    const [table] = [...tables];
    expect(table).toMatch(/^\$\{aws_route_table\.DataRouting_/);
    expect(routesOf(s(), table)).toEqual([]);
    const tableResource = resources(s(), "aws_route_table")[table.split(".")[1]];
    expect(tableResource).not.toHaveProperty("route");
  });

  it("routes S3 and DynamoDB through gateway endpoints from compute and data route tables", () => {
    const gateways = Object.values(resources(s(), "aws_vpc_endpoint")).filter((e) => e.vpc_endpoint_type === "Gateway");
    const region = expected.azs[0].slice(0, -1);
    expect(gateways.map((e) => e.service_name).sort()).toEqual([`com.amazonaws.${region}.dynamodb`, `com.amazonaws.${region}.s3`]);
    const privateTables = Object.keys(resources(s(), "aws_route_table")).filter((id) => !id.startsWith("PublicRouting_"))
      .map((id) => `\${aws_route_table.${id}.id}`).sort();
    for (const g of gateways) expect([...(g.route_table_ids as string[])].sort()).toEqual(privateTables);
  });

  it("has the system's interface endpoints with private DNS behind their own HTTPS-only group", () => {
    const interfaces = Object.values(resources(s(), "aws_vpc_endpoint")).filter((e) => e.vpc_endpoint_type === "Interface");
    const region = expected.azs[0].slice(0, -1);
    expect(interfaces.map((e) => (e.service_name as string).replace(`com.amazonaws.${region}.`, "")).sort()).toEqual(expected.endpoints);
    const endpointGroups = Object.keys(resources(s(), "aws_security_group")).filter((id) => id.startsWith("InterfaceEndpoints_"));
    if (expected.endpoints.length === 0) {
      expect(endpointGroups).toEqual([]);
      return;
    }
    const group = `\${aws_security_group.${endpointGroups[0]}.id}`;
    const computeSubnets = Object.keys(resources(s(), "aws_subnet")).filter((id) => id.startsWith("ComputeSubnets_")).map((id) => `\${aws_subnet.${id}.id}`);
    for (const e of interfaces) {
      expect(e).toMatchObject({ private_dns_enabled: true, security_group_ids: [group], subnet_ids: computeSubnets });
    }
    const rules = Object.values(resources(s(), "aws_vpc_security_group_ingress_rule")).filter((r) => r.security_group_id === group);
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({
      security_group_id: group, ip_protocol: "tcp", from_port: 443, to_port: 443, cidr_ipv4: expected.cidr,
    });
  });

  it(`sends all flow logs to a KMS-encrypted log group kept ${expected.retention} days`, () => {
    const group = only(s(), "aws_cloudwatch_log_group");
    expect(group).toMatchObject({
      name: `/vpc/${name}-flow-logs`,
      retention_in_days: expected.retention,
      kms_key_id: onlyRef(s(), "aws_kms_key", "arn"),
    });
    expect(only(s(), "aws_flow_log")).toMatchObject({
      vpc_id: onlyRef(s(), "aws_vpc", "id"),
      traffic_type: "ALL",
      log_destination_type: "cloud-watch-logs",
      log_destination: onlyRef(s(), "aws_cloudwatch_log_group", "arn"),
      iam_role_arn: onlyRef(s(), "aws_iam_role", "arn"),
      max_aggregation_interval: 60,
    });
    const delivery = policy(only(s(), "aws_iam_role_policy").policy);
    expect(delivery.Statement).toEqual([{
      Effect: "Allow",
      Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
      Resource: `${onlyRef(s(), "aws_cloudwatch_log_group", "arn")}:*`,
    }]);
    const trust = policy(only(s(), "aws_iam_role").assume_role_policy);
    expect(trust.Statement[0]).toMatchObject({ Principal: { Service: "vpc-flow-logs.amazonaws.com" }, Action: "sts:AssumeRole" });
  });

  it("encrypts logs with a rotating key only CloudWatch Logs of this region may use besides the root", () => {
    const key = only(s(), "aws_kms_key");
    expect(key).toMatchObject({ enable_key_rotation: true, rotation_period_in_days: 365, deletion_window_in_days: 30 });
    const statements = policy(key.policy).Statement;
    expect(statements.map((st) => st.Sid)).toEqual(["AccountRootAdministers", "CloudWatchLogsUse"]);
    expect(statements[1].Principal).toEqual({ Service: `logs.${expected.azs[0].slice(0, -1)}.amazonaws.com` });
    expect(statements[1].Action).not.toContain("kms:*");
  });

  it("empties the default security group", () => {
    expect(only(s(), "aws_default_security_group")).toMatchObject({ ingress: [], egress: [] });
  });
});

describe("production network keys", () => {
  it("refuse destroy in prod and staging only", () => {
    expect(only(net("commerce-prod"), "aws_kms_key").lifecycle).toEqual({ prevent_destroy: true });
    expect(only(net("commerce-staging"), "aws_kms_key").lifecycle).toEqual({ prevent_destroy: true });
    expect(only(net("commerce-dev"), "aws_kms_key").lifecycle).toEqual({ prevent_destroy: false });
  });
});

describe("workload security groups (owned by the network layer)", () => {
  const groups = (s: StackJson) => Object.values(resources(s, "aws_security_group")).filter((g) => (g.tags as Record<string, string>).workload);
  const groupRef = (s: StackJson, workload: string) =>
    ref(s, "aws_security_group", (g) => (g.tags as Record<string, string> | undefined)?.workload === workload, "id");
  const ingress = (s: StackJson, workload: string) =>
    Object.values(resources(s, "aws_vpc_security_group_ingress_rule")).filter((r) => r.security_group_id === groupRef(s, workload));

  it("chain axonflow's ALB -> agent on 8080 -> orchestrator on 8081 (seed 002)", () => {
    const s = net("axonflow-prod");
    expect(groups(s).map((g) => g.name).sort()).toEqual(["axonflow-prod-agent", "axonflow-prod-alb", "axonflow-prod-orchestrator"]);
    expect(ingress(s, "agent")).toEqual([expect.objectContaining({
      ip_protocol: "tcp", from_port: 8080, to_port: 8080, referenced_security_group_id: groupRef(s, "alb"),
    })]);
    expect(ingress(s, "orchestrator")).toEqual([expect.objectContaining({
      ip_protocol: "tcp", from_port: 8081, to_port: 8081, referenced_security_group_id: groupRef(s, "agent"),
    })]);
    expect(ingress(s, "alb")).toEqual([]);
  });

  it("let webhooks' receiver and processors reach RabbitMQ over AMQPS (5671), and only the monitoring workload its Prometheus endpoint (15692)", () => {
    const s = net("webhooks-prod");
    expect(ingress(s, "broker").map((r) => [r.from_port, r.to_port, r.referenced_security_group_id]).sort()).toEqual([
      [15692, 15692, groupRef(s, "monitoring")], [5671, 5671, groupRef(s, "processor")], [5671, 5671, groupRef(s, "receiver")],
    ].sort());
  });

  it("allow all egress, as the seeds specify, and nothing else from the internet", () => {
    const s = net("commerce-prod");
    expect(groups(s).map((g) => g.name)).toEqual(["commerce-prod-eks-nodes"]);
    const egress = Object.values(resources(s, "aws_vpc_security_group_egress_rule"));
    expect(egress).toEqual([expect.objectContaining({ security_group_id: groupRef(s, "eks-nodes"), ip_protocol: "-1", cidr_ipv4: "0.0.0.0/0" })]);
    expect(Object.values(resources(s, "aws_vpc_security_group_ingress_rule")).some((r) => r.cidr_ipv4 === "0.0.0.0/0")).toBe(false);
  });

  it("are absent where no workload runs in the VPC (serverless-saas)", () => {
    expect(groups(net("serverless-saas-prod"))).toEqual([]);
  });
});
