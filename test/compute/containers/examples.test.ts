import { describe, expect, it } from "vitest";
import { exampleStack, only, onlyRef, resources } from "../../support/synth";

/** Branches of the containers half no real deployment reaches (test/examples/: webhooks-staging in example-a). */
describe("examples: a public DNS-validated certificate, source ranges, an ARM service without scaling", () => {
  const s = () => exampleStack("webhooks-staging-compute");

  it("validates a public certificate by DNS records in the given zone and serves the validated ARN", () => {
    expect(only(s(), "aws_acm_certificate")).toMatchObject({ domain_name: "worker.example.com", validation_method: "DNS", key_algorithm: "EC_prime256v1", lifecycle: { create_before_destroy: true } });
    expect(only(s(), "aws_acm_certificate")).not.toHaveProperty("certificate_authority_arn");
    expect(resources(s(), "aws_acmpca_certificate_authority")).toEqual({});
    const record = only(s(), "aws_route53_record");
    expect(record).toMatchObject({ zone_id: "Z0123456789ABCDEFGHIJ", ttl: 300, allow_overwrite: true, name: "${each.value.resource_record_name}", records: ["${each.value.resource_record_value}"] });
    expect(only(s(), "aws_acm_certificate_validation").certificate_arn).toBe(onlyRef(s(), "aws_acm_certificate", "arn"));
    expect(only(s(), "aws_lb_target_group")).toMatchObject({ name: "example-edge-tg", port: 9000, health_check: { path: "/ready" } });
    const https = Object.values(resources(s(), "aws_lb_listener")).find((l) => l.port === 443)!;
    expect(https.certificate_arn).toBe(onlyRef(s(), "aws_acm_certificate_validation", "certificate_arn"));
  });

  it("opens the listeners to the configured ranges only and keeps the named balancer's deletion protection", () => {
    expect(Object.values(resources(s(), "aws_vpc_security_group_ingress_rule")).map((r) => [r.from_port, r.cidr_ipv4])).toEqual([[443, "10.8.0.0/16"], [80, "10.8.0.0/16"]]);
    expect(only(s(), "aws_lb")).toMatchObject({ name: "example-edge", enable_deletion_protection: true, security_groups: [`\${data.terraform_remote_state.webhooks-staging-network.outputs.workload_security_group_ids.edge}`] });
  });

  it("runs an ARM task with a pinned digest and no secrets: no secret-reading policy, no autoscaler, the count Terraform's", () => {
    expect(only(s(), "aws_ecs_task_definition")).toMatchObject({ cpu: "256", memory: "512", runtime_platform: { cpu_architecture: "ARM64", operating_system_family: "LINUX" } });
    const [container] = JSON.parse(only(s(), "aws_ecs_task_definition").container_definitions as string);
    expect(container).toMatchObject({ image: `public.ecr.aws/example/worker@sha256:${"a".repeat(64)}`, secrets: [], environment: [] });
    expect(container).not.toHaveProperty("healthCheck");
    expect(Object.values(resources(s(), "aws_iam_role_policy")).map((p) => p.name)).toEqual(["task"]);
    expect(resources(s(), "aws_appautoscaling_target")).toEqual({});
    expect(only(s(), "aws_ecs_service")).toMatchObject({ desired_count: 2, enable_execute_command: false });
    expect(only(s(), "aws_ecs_service")).not.toHaveProperty("lifecycle");
    expect(only(s(), "aws_ecs_cluster")).not.toHaveProperty("configuration");
  });
});
