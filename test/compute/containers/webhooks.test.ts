import { describe, expect, it } from "vitest";
import { byAttr, only, onlyRef, outputValues, ref, refBy, resources, stack, upstream, upstreamEntry } from "../../support/synth";

const prod = () => stack("webhooks-prod-compute");
const dev = () => stack("webhooks-dev-compute");
const MESSAGING = "webhooks-prod-messaging";
const SERVICE = "webhooks-prod-processor-service";
const serviceName = () => refBy(prod(), "aws_ecs_service", "name", SERVICE, "name");
const clusterName = () => onlyRef(prod(), "aws_ecs_cluster", "name");
const alarm = (name: string) => byAttr(prod(), "aws_cloudwatch_metric_alarm", "alarm_name", name);
const policyArn = (name: string) => refBy(prod(), "aws_appautoscaling_policy", "name", name, "arn");
const policy = (name: string) => byAttr(prod(), "aws_appautoscaling_policy", "name", name);
const target = () => only(prod(), "aws_appautoscaling_target");
const targetRef = (attribute: string) => onlyRef(prod(), "aws_appautoscaling_target", attribute);
const onTarget = { resource_id: targetRef("resource_id"), scalable_dimension: targetRef("scalable_dimension"), service_namespace: targetRef("service_namespace") };
const queueDimensions = { Broker: upstream(MESSAGING, "broker_name"), Queue: "requests" };

describe("webhooks-prod request processors (seed 001)", () => {
  it("run on Fargate in the private subnets with the processor workload's group, image from the deployment's repository", () => {
    expect(byAttr(prod(), "aws_ecs_service", "name", SERVICE)).toMatchObject({
      cluster: onlyRef(prod(), "aws_ecs_cluster", "arn"), launch_type: "FARGATE", desired_count: 2,
      network_configuration: {
        subnets: upstream("webhooks-prod-network", "compute_subnet_ids"),
        security_groups: [upstreamEntry("webhooks-prod-network", "workload_security_group_ids", "processor")], assign_public_ip: false,
      },
      lifecycle: { ignore_changes: ["desired_count"] }, enable_execute_command: false,
    });
    expect(byAttr(prod(), "aws_ecs_service", "name", SERVICE)).not.toHaveProperty("load_balancer");
    const [container] = JSON.parse(only(prod(), "aws_ecs_task_definition").container_definitions as string);
    expect(container.image).toBe(`${onlyRef(prod(), "aws_ecr_repository", "repository_url")}:1.0.0`);
    expect(only(prod(), "aws_ecs_task_definition")).toMatchObject({ cpu: "512", memory: "1024" });
  });

  it("read the broker, database and Redis connection from their secrets by ARN and JSON key, never a value", () => {
    const [container] = JSON.parse(only(prod(), "aws_ecs_task_definition").container_definitions as string);
    const broker = upstream(MESSAGING, "broker_app_secret_arn");
    const store = (id: string) => upstreamEntry("webhooks-prod-data", "store_secret_arns", id);
    expect(container.environment).toEqual([{ name: "RABBITMQ_QUEUE", value: "requests" }]);
    expect(container.secrets).toEqual([
      { name: "RABBITMQ_HOST", valueFrom: `${broker}:host::` }, { name: "RABBITMQ_PORT", valueFrom: `${broker}:port::` },
      { name: "RABBITMQ_VHOST", valueFrom: `${broker}:vhost::` }, { name: "RABBITMQ_USERNAME", valueFrom: `${broker}:username::` },
      { name: "RABBITMQ_PASSWORD", valueFrom: `${broker}:password::` },
      { name: "DB_HOST", valueFrom: `${store("Main")}:host::` }, { name: "DB_PORT", valueFrom: `${store("Main")}:port::` },
      { name: "DB_NAME", valueFrom: `${store("Main")}:dbname::` }, { name: "DB_USERNAME", valueFrom: `${store("Main")}:username::` },
      { name: "DB_PASSWORD", valueFrom: `${store("Main")}:password::` },
      { name: "REDIS_HOST", valueFrom: `${store("Locks")}:host::` }, { name: "REDIS_PORT", valueFrom: `${store("Locks")}:port::` },
      { name: "REDIS_AUTH_TOKEN", valueFrom: `${store("Locks")}:authToken::` },
    ]);
  });

  it("scale between 2 and 20 tasks (dev 1 to 4), the autoscaler owning the count", () => {
    expect(target()).toMatchObject({
      service_namespace: "ecs", scalable_dimension: "ecs:service:DesiredCount", min_capacity: 2, max_capacity: 20,
      resource_id: `service/${clusterName()}/${serviceName()}`,
    });
    expect(only(dev(), "aws_appautoscaling_target")).toMatchObject({ min_capacity: 1, max_capacity: 4 });
    expect(resources(prod(), "aws_appautoscaling_policy")).not.toContainEqual(expect.objectContaining({ policy_type: "TargetTrackingScaling" }));
  });
});

describe("webhooks-prod scaling: one alarm and one step policy per sentence of the seed (docs/containers.md)", () => {
  const cpu = { namespace: "AWS/ECS", metric_name: "CPUUtilization", statistic: "Average", period: 60, dimensions: { ClusterName: clusterName(), ServiceName: serviceName() } };

  it.each([
    ["webhooks-prod-processor-service-cpu-80-for-15m", 80, 15, 1],
    ["webhooks-prod-processor-service-cpu-90-for-5m", 90, 5, 2],
  ] as const)("%s: average CPU >= %i%% for %i one-minute periods adds %i task(s)", (name, threshold, minutes, add) => {
    expect(alarm(name)).toMatchObject({
      ...cpu, dimensions: { ClusterName: clusterName(), ServiceName: serviceName() },
      comparison_operator: "GreaterThanOrEqualToThreshold", threshold, evaluation_periods: minutes, datapoints_to_alarm: minutes,
      treat_missing_data: "notBreaching", alarm_actions: [policyArn(name)],
    });
    expect(policy(name)).toMatchObject({
      ...onTarget, policy_type: "StepScaling",
      step_scaling_policy_configuration: {
        adjustment_type: "ChangeInCapacity", cooldown: 300, metric_aggregation_type: "Average",
        step_adjustment: [{ metric_interval_lower_bound: "0", scaling_adjustment: add }],
      },
    });
  });

  it("adds 2 tasks when the queue has grown for 5 minutes while publishing outpaces delivery (metric math on the broker's metrics)", () => {
    const name = "webhooks-prod-processor-service-queue-growing";
    const metric = (id: string, metricName: string, stat: string) => ({
      id, return_data: false,
      metric: { namespace: upstream(MESSAGING, "broker_metrics_namespace"), metric_name: metricName, dimensions: queueDimensions, period: 60, stat },
    });
    expect(alarm(name)).toMatchObject({
      metric_query: [
        metric("depth", "QueueDepth", "Maximum"), metric("published", "PublishRate", "Average"), metric("delivered", "DeliverRate", "Average"),
        { id: "pressure", label: "1 while the queue grows and ingest exceeds consumption", return_data: true, expression: "IF(RATE(depth) > 0 AND published > delivered, 1, 0)" },
      ],
      comparison_operator: "GreaterThanOrEqualToThreshold", threshold: 1, evaluation_periods: 5, datapoints_to_alarm: 5,
      treat_missing_data: "notBreaching", alarm_actions: [policyArn(name)],
    });
    expect(alarm(name)).not.toHaveProperty("metric_name");
    expect(policy(name).step_scaling_policy_configuration).toEqual({
      adjustment_type: "ChangeInCapacity", cooldown: 300, metric_aggregation_type: "Maximum",
      step_adjustment: [{ metric_interval_lower_bound: "0", scaling_adjustment: 2 }],
    });
  });

  it("returns to the minimum (2 tasks) once the queue has been empty for 5 minutes", () => {
    const name = "webhooks-prod-processor-service-queue-empty";
    expect(alarm(name)).toMatchObject({
      namespace: upstream(MESSAGING, "broker_metrics_namespace"), metric_name: "QueueDepth", statistic: "Maximum", period: 60, dimensions: queueDimensions,
      comparison_operator: "LessThanThreshold", threshold: 1, evaluation_periods: 5, datapoints_to_alarm: 5,
      treat_missing_data: "notBreaching", alarm_actions: [policyArn(name)],
    });
    expect(policy(name)).toMatchObject({
      ...onTarget,
      step_scaling_policy_configuration: {
        adjustment_type: "ExactCapacity", cooldown: 300, metric_aggregation_type: "Maximum",
        step_adjustment: [{ metric_interval_upper_bound: "0", scaling_adjustment: 2 }],
      },
    });
  });

  it("has exactly these four alarms and policies", () => {
    expect(Object.values(resources(prod(), "aws_cloudwatch_metric_alarm")).map((a) => a.alarm_name).sort()).toEqual([
      "webhooks-prod-processor-service-cpu-80-for-15m", "webhooks-prod-processor-service-cpu-90-for-5m",
      "webhooks-prod-processor-service-queue-empty", "webhooks-prod-processor-service-queue-growing",
    ]);
    expect(Object.keys(resources(prod(), "aws_appautoscaling_policy"))).toHaveLength(4);
  });
});

describe("webhooks-prod image repository", () => {
  it("scans on push, keeps tags immutable, encrypts with its own rotated key, is never force-deleted and is protected", () => {
    expect(only(prod(), "aws_ecr_repository")).toMatchObject({
      name: "webhooks/processor", image_tag_mutability: "IMMUTABLE", image_scanning_configuration: { scan_on_push: true },
      encryption_configuration: [{ encryption_type: "KMS", kms_key: onlyRef(prod(), "aws_kms_key", "arn") }],
      force_delete: false, lifecycle: { prevent_destroy: true },
    });
    expect(only(prod(), "aws_kms_key")).toMatchObject({ enable_key_rotation: true, lifecycle: { prevent_destroy: true } });
    expect(only(prod(), "aws_kms_alias").name).toBe("alias/webhooks-prod-images");
  });

  it("expires untagged images after 14 days and tagged ones beyond the newest 50", () => {
    expect(JSON.parse(only(prod(), "aws_ecr_lifecycle_policy").policy as string)).toEqual({ rules: [
      {
        rulePriority: 1, description: "Expire untagged images after 14 days",
        selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 14 }, action: { type: "expire" },
      },
      {
        rulePriority: 2, description: "Keep the newest 50 tagged images",
        selection: { tagStatus: "tagged", tagPatternList: ["*"], countType: "imageCountMoreThan", countNumber: 50 }, action: { type: "expire" },
      },
    ] });
  });

  it("publishes the repository URL, the cluster and the service for edge and observability", () => {
    expect(outputValues(prod())).toMatchObject({
      ecr_repository_urls: { ProcessorImages: onlyRef(prod(), "aws_ecr_repository", "repository_url") },
      ecs_cluster_names: { Main: clusterName() },
      ecs_service_names: { Processor: serviceName() },
      ecs_service_clusters: { Processor: clusterName() },
      load_balancer_arns: {}, stack_outputs: {},
    });
  });
});

describe("commerce image repositories (seed 004: ECR with image scanning)", () => {
  it.each(["prod", "staging", "dev"])("commerce-%s has api and web, scanned on push, immutable, KMS-encrypted, each with its lifecycle", (env) => {
    const s = stack(`commerce-${env}-compute`);
    const repositories = Object.values(resources(s, "aws_ecr_repository"));
    expect(repositories.map((r) => r.name)).toEqual([`commerce-${env}/api`, `commerce-${env}/web`]);
    for (const r of repositories) {
      expect(r).toMatchObject({
        image_tag_mutability: "IMMUTABLE", image_scanning_configuration: { scan_on_push: true },
        encryption_configuration: [{ encryption_type: "KMS", kms_key: ref(s, "aws_kms_key", (k) => String(k.description).startsWith("Encrypts the container images"), "arn") }], lifecycle: { prevent_destroy: env !== "dev" },
      });
    }
    expect(Object.values(resources(s, "aws_ecr_lifecycle_policy")).map((p) => p.repository)).toEqual(
      Object.keys(resources(s, "aws_ecr_repository")).map((id) => `\${aws_ecr_repository.${id}.name}`));
    expect(outputValues(s).ecr_repository_urls).toEqual({
      Api: refBy(s, "aws_ecr_repository", "name", `commerce-${env}/api`, "repository_url"),
      Web: refBy(s, "aws_ecr_repository", "name", `commerce-${env}/web`, "repository_url"),
    });
    // Repositories alone: no cluster, no service.
    expect(resources(s, "aws_ecs_cluster")).toEqual({});
  });
});
