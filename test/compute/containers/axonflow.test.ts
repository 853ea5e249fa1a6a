import { describe, expect, it } from "vitest";
import { byAttr, only, onlyRef, outputValues, refBy, resources, stack, upstream, upstreamEntry } from "../../support/synth";

const prod = () => stack("axonflow-prod-compute");
const dev = () => stack("axonflow-dev-compute");
const NETWORK = "axonflow-prod-network";
const DATA = "axonflow-prod-data";
const group = (workload: string) => upstreamEntry(NETWORK, "workload_security_group_ids", workload);
const service = (name: string) => byAttr(prod(), "aws_ecs_service", "name", name);
const serviceRef = (name: string, attribute: string) => refBy(prod(), "aws_ecs_service", "name", name, attribute);
const taskOf = (family: string) => byAttr(prod(), "aws_ecs_task_definition", "family", family);
const containersOf = (family: string) => JSON.parse(taskOf(family).container_definitions as string) as Record<string, unknown>[];
const logGroup = (name: string) => refBy(prod(), "aws_cloudwatch_log_group", "name", name, "name");
const CLUSTER = () => onlyRef(prod(), "aws_ecs_cluster", "arn");

describe("axonflow-prod ECS cluster (seed 002)", () => {
  it("offers FARGATE and FARGATE_SPOT with a default strategy of 100% FARGATE, Container Insights on", () => {
    expect(only(prod(), "aws_ecs_cluster")).toMatchObject({ name: "axonflow-prod-cluster", setting: [{ name: "containerInsights", value: "enabled" }] });
    expect(only(prod(), "aws_ecs_cluster_capacity_providers")).toMatchObject({
      cluster_name: onlyRef(prod(), "aws_ecs_cluster", "name"),
      capacity_providers: ["FARGATE", "FARGATE_SPOT"],
      default_capacity_provider_strategy: [{ capacity_provider: "FARGATE", weight: 100, base: 0 }],
    });
  });

  it("logs every ECS Exec session to its own encrypted log group, kept for the deployment's retention and protected", () => {
    expect(only(prod(), "aws_ecs_cluster").configuration).toEqual({
      execute_command_configuration: { logging: "OVERRIDE", log_configuration: { cloud_watch_log_group_name: logGroup("/ecs/axonflow-prod/exec"), cloud_watch_encryption_enabled: true } },
    });
    expect(byAttr(prod(), "aws_cloudwatch_log_group", "name", "/ecs/axonflow-prod/exec")).toMatchObject({
      retention_in_days: 365, kms_key_id: upstream(NETWORK, "logs_kms_key_arn"), deletion_protection_enabled: true, lifecycle: { prevent_destroy: true },
    });
  });
});

describe.each([
  ["agent", 8080, 5],
  ["orchestrator", 8081, 10],
] as const)("axonflow-prod %s", (name, port, desired) => {
  const family = `axonflow-prod-${name}`;
  const serviceName = `axonflow-prod-${name}-service`;

  it("runs a Fargate task of 1024 CPU and 2048 MiB in awsvpc mode with its own task and execution roles", () => {
    expect(taskOf(family)).toMatchObject({
      cpu: "1024", memory: "2048", network_mode: "awsvpc", requires_compatibilities: ["FARGATE"],
      runtime_platform: { operating_system_family: "LINUX", cpu_architecture: "X86_64" },
      task_role_arn: refBy(prod(), "aws_iam_role", "name", `${family}-task`, "arn"),
      execution_role_arn: refBy(prod(), "aws_iam_role", "name", `${family}-execution`, "arn"),
    });
  });

  it(`defines one container on port ${port} with the seed's curl health check, JSON-keyed secrets by ARN and awslogs to /ecs/<stack>/${name}`, () => {
    const database = { name: "DATABASE_URL", valueFrom: `${upstreamEntry(DATA, "store_secret_arns", "Main")}:url::` };
    const environment = name === "agent"
      ? [{ name: "MAX_REQUESTS", value: "10000" }, { name: "ORCHESTRATOR_URL", value: "http://orchestrator.svc.axonflow-prod.internal:8081" }, { name: "PORT", value: "8080" }, { name: "TIER", value: "Growth" }]
      : [{ name: "PORT", value: "8081" }];
    expect(containersOf(family)).toEqual([{
      name, image: `709825985650.dkr.ecr.us-east-1.amazonaws.com/axonflow/${name}:1.0.0`, essential: true,
      portMappings: [{ name, containerPort: port, protocol: "tcp" }],
      healthCheck: { command: ["CMD-SHELL", `curl -f http://localhost:${port}/health || exit 1`], interval: 30, timeout: 5, retries: 3, startPeriod: 60 },
      environment,
      secrets: [database],
      logConfiguration: {
        logDriver: "awslogs",
        options: { "awslogs-group": logGroup(`/ecs/axonflow-prod/${name}`), "awslogs-region": "us-east-1", "awslogs-stream-prefix": name, mode: "non-blocking", "max-buffer-size": "25m" },
      },
    }]);
    // No value of a secret anywhere in the task definition.
    expect(taskOf(family).container_definitions).not.toMatch(/password|postgresql:/);
  });

  it("keeps its log group for the deployment retention (prod 365 days, dev 30 as the seed), encrypted, protected in prod", () => {
    expect(byAttr(prod(), "aws_cloudwatch_log_group", "name", `/ecs/axonflow-prod/${name}`)).toMatchObject({
      retention_in_days: 365, kms_key_id: upstream(NETWORK, "logs_kms_key_arn"), lifecycle: { prevent_destroy: true },
    });
    expect(byAttr(dev(), "aws_cloudwatch_log_group", "name", `/ecs/axonflow-dev/${name}`)).toMatchObject({ retention_in_days: 30, lifecycle: { prevent_destroy: false } });
  });

  it(`runs ${desired} tasks in the private subnets without public addresses, rolling 200%/100% with the circuit breaker rolling back`, () => {
    expect(service(serviceName)).toMatchObject({
      cluster: CLUSTER(), task_definition: refBy(prod(), "aws_ecs_task_definition", "family", family, "arn"),
      desired_count: desired, launch_type: "FARGATE", platform_version: "LATEST",
      network_configuration: { subnets: upstream(NETWORK, "compute_subnet_ids"), security_groups: [group(name)], assign_public_ip: false },
      deployment_maximum_percent: 200, deployment_minimum_healthy_percent: 100,
      deployment_circuit_breaker: { enable: true, rollback: true }, deployment_controller: { type: "ECS" },
      enable_execute_command: true, lifecycle: { ignore_changes: ["desired_count"] },
    });
  });

  it(`scales on average CPU at 70% between ${desired} and 50 tasks, out after 60 s, in after 300 s`, () => {
    const target = byAttr(prod(), "aws_appautoscaling_target", "min_capacity", desired);
    expect(target).toEqual(expect.objectContaining({
      service_namespace: "ecs", scalable_dimension: "ecs:service:DesiredCount", min_capacity: desired, max_capacity: 50,
      resource_id: `service/${onlyRef(prod(), "aws_ecs_cluster", "name")}/${serviceRef(serviceName, "name")}`,
    }));
    const targetId = Object.entries(resources(prod(), "aws_appautoscaling_target")).find(([, t]) => t === target)![0];
    const policy = Object.values(resources(prod(), "aws_appautoscaling_policy")).find((p) => p.resource_id === `\${aws_appautoscaling_target.${targetId}.resource_id}`);
    expect(policy).toMatchObject({
      name: `${serviceRef(serviceName, "name")}-cpu-target`, policy_type: "TargetTrackingScaling",
      target_tracking_scaling_policy_configuration: {
        target_value: 70, scale_out_cooldown: 60, scale_in_cooldown: 300,
        predefined_metric_specification: { predefined_metric_type: "ECSServiceAverageCPUUtilization" },
      },
    });
  });
});

describe("axonflow-prod service wiring", () => {
  it("puts the agent behind the target group on 8080 with a 60 s grace period, once both listeners exist", () => {
    const agent = service("axonflow-prod-agent-service");
    expect(agent).toMatchObject({
      load_balancer: [{ target_group_arn: onlyRef(prod(), "aws_lb_target_group", "arn"), container_name: "agent", container_port: 8080 }],
      health_check_grace_period_seconds: 60,
    });
    expect(agent.depends_on).toEqual(expect.arrayContaining(Object.keys(resources(prod(), "aws_lb_listener")).map((id) => `aws_lb_listener.${id}`)));
  });

  it("registers the orchestrator (no load balancer) in the Cloud Map namespace the agent's ORCHESTRATOR_URL names", () => {
    const orchestrator = service("axonflow-prod-orchestrator-service");
    expect(orchestrator).not.toHaveProperty("load_balancer");
    expect(orchestrator).not.toHaveProperty("health_check_grace_period_seconds");
    expect(orchestrator.service_registries).toEqual({ registry_arn: onlyRef(prod(), "aws_service_discovery_service", "arn") });
    expect(only(prod(), "aws_service_discovery_private_dns_namespace")).toMatchObject({ name: "svc.axonflow-prod.internal", vpc: upstream(NETWORK, "vpc_id") });
    expect(only(prod(), "aws_service_discovery_service")).toMatchObject({
      name: "orchestrator",
      dns_config: { namespace_id: onlyRef(prod(), "aws_service_discovery_private_dns_namespace", "id"), routing_policy: "MULTIVALUE", dns_records: [{ type: "A", ttl: 10 }] },
    });
  });

  it("keeps the seed's security-group chain: ALB -> agent 8080 -> orchestrator 8081 -> database 5432", () => {
    const network = stack(NETWORK);
    const groupRef = (name: string) => refBy(network, "aws_security_group", "name", `axonflow-prod-${name}`, "id");
    const ingress = (target: string) => Object.values(resources(network, "aws_vpc_security_group_ingress_rule"))
      .filter((r) => r.security_group_id === groupRef(target)).map((r) => [r.referenced_security_group_id, r.from_port, r.to_port]);
    expect(ingress("agent")).toEqual([[groupRef("alb"), 8080, 8080]]);
    expect(ingress("orchestrator")).toEqual([[groupRef("agent"), 8081, 8081]]);
    const data = stack(DATA);
    const dbGroup = refBy(data, "aws_security_group", "name", "axonflow-prod-db-sg", "id");
    const dbIngress = Object.values(resources(data, "aws_vpc_security_group_ingress_rule")).filter((r) => r.security_group_id === dbGroup)
      .map((r) => [r.referenced_security_group_id, r.from_port, r.to_port]);
    expect(dbIngress).toEqual([
      [upstreamEntry(NETWORK, "workload_security_group_ids", "agent"), 5432, 5432],
      [upstreamEntry(NETWORK, "workload_security_group_ids", "orchestrator"), 5432, 5432],
    ]);
  });

  it("publishes the seed's stack outputs under its names, and the maps edge and observability read", () => {
    const out = outputValues(prod());
    expect(out.stack_outputs).toEqual({
      ClusterName: onlyRef(prod(), "aws_ecs_cluster", "name"),
      AgentEndpoint: `https://${onlyRef(prod(), "aws_lb", "dns_name")}`,
      DatabaseEndpoint: upstreamEntry(DATA, "store_endpoints", "Main"),
      PricingTierDeployed: "Growth",
      AgentServiceName: serviceRef("axonflow-prod-agent-service", "name"),
      OrchestratorServiceName: serviceRef("axonflow-prod-orchestrator-service", "name"),
    });
    expect(outputValues(dev()).stack_outputs).toMatchObject({ PricingTierDeployed: "Pilot" });
    expect(out).toMatchObject({
      ecs_cluster_names: { Main: onlyRef(prod(), "aws_ecs_cluster", "name") },
      ecs_cluster_arns: { Main: CLUSTER() },
      ecs_service_names: { Agent: serviceRef("axonflow-prod-agent-service", "name"), Orchestrator: serviceRef("axonflow-prod-orchestrator-service", "name") },
      ecs_service_clusters: { Agent: onlyRef(prod(), "aws_ecs_cluster", "name"), Orchestrator: onlyRef(prod(), "aws_ecs_cluster", "name") },
      load_balancer_arns: { AgentAlb: onlyRef(prod(), "aws_lb", "arn") },
      load_balancer_arn_suffixes: { AgentAlb: onlyRef(prod(), "aws_lb", "arn_suffix") },
      load_balancer_dns_names: { AgentAlb: onlyRef(prod(), "aws_lb", "dns_name") },
      target_group_arns: { AgentAlb: onlyRef(prod(), "aws_lb_target_group", "arn") },
      target_group_arn_suffixes: { AgentAlb: onlyRef(prod(), "aws_lb_target_group", "arn_suffix") },
      eks_cluster_names: {}, eks_cluster_arns: {}, eks_oidc_provider_arns: {}, eks_node_group_names: {}, ecr_repository_urls: {},
    });
  });
});

describe("axonflow-prod internal ALB (seed 002)", () => {
  it("is internal in the private subnets of both AZs, HTTP/2, idle 60 s, cross-zone, deletion protection off, invalid headers dropped, logging", () => {
    expect(only(prod(), "aws_lb")).toMatchObject({
      name: "axonflow-prod-alb", load_balancer_type: "application", internal: true, subnets: upstream(NETWORK, "compute_subnet_ids"),
      security_groups: [group("alb")], enable_http2: true, idle_timeout: 60, enable_cross_zone_load_balancing: true,
      enable_deletion_protection: false, drop_invalid_header_fields: true, desync_mitigation_mode: "strictest",
      access_logs: { bucket: onlyRef(prod(), "aws_s3_bucket", "bucket"), prefix: "alb", enabled: true },
      depends_on: [`aws_s3_bucket_policy.${Object.keys(resources(prod(), "aws_s3_bucket_policy"))[0]}`],
    });
  });

  it("forwards HTTPS 443 with the TLS 1.3/1.2 post-quantum policy and redirects HTTP 80 to HTTPS with a 301", () => {
    const listener = (port: number) => byAttr(prod(), "aws_lb_listener", "port", port);
    expect(listener(443)).toMatchObject({
      load_balancer_arn: onlyRef(prod(), "aws_lb", "arn"), protocol: "HTTPS", ssl_policy: "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
      certificate_arn: onlyRef(prod(), "aws_acm_certificate", "arn"),
      default_action: [{ type: "forward", target_group_arn: onlyRef(prod(), "aws_lb_target_group", "arn") }],
    });
    expect(listener(80)).toMatchObject({
      protocol: "HTTP", default_action: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", status_code: "HTTP_301" } }],
    });
    expect(listener(80)).not.toHaveProperty("ssl_policy");
  });

  it("sends to ip targets on 8080, checks GET /health every 30 s, drains for 300 s", () => {
    expect(only(prod(), "aws_lb_target_group")).toMatchObject({
      name: "axonflow-prod-alb-tg", target_type: "ip", port: 8080, protocol: "HTTP", vpc_id: upstream(NETWORK, "vpc_id"),
      deregistration_delay: "300",
      health_check: { enabled: true, protocol: "HTTP", path: "/health", interval: 30, port: "traffic-port", matcher: "200" },
    });
  });

  it("opens 443 and 80 on the ALB's workload group to the VPC's range only (the seed's 0.0.0.0/0 reaches no further on an internal ALB)", () => {
    const rules = Object.values(resources(prod(), "aws_vpc_security_group_ingress_rule")).map((r) => [r.security_group_id, r.ip_protocol, r.from_port, r.to_port, r.cidr_ipv4]);
    expect(rules).toEqual([
      [group("alb"), "tcp", 443, 443, upstream(NETWORK, "vpc_cidr")],
      [group("alb"), "tcp", 80, 80, upstream(NETWORK, "vpc_cidr")],
    ]);
  });

  it("serves a private certificate for the seed's .internal name from the deployment's own activated private CA", () => {
    expect(only(prod(), "aws_acm_certificate")).toMatchObject({
      domain_name: "axonflow-prod.us-east-1.axonflow.internal", certificate_authority_arn: onlyRef(prod(), "aws_acmpca_certificate_authority", "arn"),
      depends_on: [`aws_acmpca_certificate_authority_certificate.${Object.keys(resources(prod(), "aws_acmpca_certificate_authority_certificate"))[0]}`],
    });
    expect(only(prod(), "aws_acm_certificate")).not.toHaveProperty("validation_method");
    expect(only(prod(), "aws_acmpca_certificate_authority")).toMatchObject({
      type: "ROOT", usage_mode: "GENERAL_PURPOSE", permanent_deletion_time_in_days: 30, lifecycle: { prevent_destroy: true },
      certificate_authority_configuration: { key_algorithm: "EC_prime256v1", signing_algorithm: "SHA256WITHECDSA", subject: { common_name: "axonflow-prod-alb-ca" } },
    });
    expect(only(prod(), "aws_acmpca_permission")).toMatchObject({
      principal: "acm.amazonaws.com", actions: ["IssueCertificate", "GetCertificate", "ListPermissions"],
      source_account: "${data.aws_caller_identity.Caller.account_id}",
    });
  });

  it("writes access logs to an SSE-S3 bucket (the only encryption ELB delivers to) that expires them after the log retention", () => {
    expect(only(prod(), "aws_s3_bucket")).toMatchObject({ bucket: "axonflow-prod-alb-access-logs", lifecycle: { prevent_destroy: true } });
    expect(only(prod(), "aws_s3_bucket_server_side_encryption_configuration").rule).toEqual([{ apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } }]);
    expect(only(prod(), "aws_s3_bucket_lifecycle_configuration").rule).toEqual([expect.objectContaining({ expiration: [{ days: 365 }] })]);
    expect(only(prod(), "aws_s3_bucket_public_access_block")).toMatchObject({ block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true });
  });
});

describe("axonflow-dev", () => {
  it("runs one task of each service, scaling up to 4, with the Pilot tier's limits", () => {
    expect(Object.values(resources(dev(), "aws_ecs_service")).map((s) => s.desired_count)).toEqual([1, 1]);
    expect(Object.values(resources(dev(), "aws_appautoscaling_target")).map((t) => [t.min_capacity, t.max_capacity])).toEqual([[1, 4], [1, 4]]);
    const agent = JSON.parse(byAttr(dev(), "aws_ecs_task_definition", "family", "axonflow-dev-agent").container_definitions as string)[0];
    expect(agent.environment).toEqual(expect.arrayContaining([{ name: "TIER", value: "Pilot" }, { name: "MAX_REQUESTS", value: "1000" }]));
  });
});
