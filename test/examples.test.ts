import { describe, expect, inject, it } from "vitest";
import { loadSynthDir } from "../policies/engine/load";
import { definePack } from "../policies/engine/pack";
import { runPack } from "../policies/engine/run";
import { PLATFORM_PACK } from "../policies/pack";
import { exampleStack, matching, only, onlyRef, policy, refBy, resources, upstream, upstreamEntry } from "./support/synth";

/** Branches no real deployment reaches, on the example deployments of test/examples/. */
describe("examples: MariaDB on provisioned gp3, NAT none with endpoints (webhooks-staging in example-a)", () => {
  const data = () => exampleStack("webhooks-staging-data");
  const net = () => exampleStack("webhooks-staging-network");

  it("provisions gp3 IOPS and throughput at 400 GiB, without the baseline note", () => {
    const db = only(data(), "aws_db_instance");
    expect(db).toMatchObject({ engine: "mariadb", engine_version: "11.4", allocated_storage: 400, storage_type: "gp3", iops: 12000, storage_throughput: 500, port: 3306 });
    expect(JSON.stringify(db)).not.toContain("storage_baseline");
    expect(only(data(), "aws_db_parameter_group")).toMatchObject({
      family: "mariadb11.4", parameter: [{ name: "require_secure_transport", value: "1" }, { name: "slow_query_log", value: "1" }],
    });
  });

  it("turns enhanced monitoring off without a monitoring role", () => {
    expect(only(data(), "aws_db_instance")).toMatchObject({ monitoring_interval: 0 });
    expect(only(data(), "aws_db_instance")).not.toHaveProperty("monitoring_role_arn");
    expect(resources(data(), "aws_iam_role")).toEqual({});
  });

  it("creates a table without a stream, sort key or TTL, publishing an empty stream ARN", () => {
    const table = only(data(), "aws_dynamodb_table");
    expect(table).toMatchObject({ name: "example-events", hash_key: "id", stream_enabled: false, attribute: [{ name: "id", type: "S" }] });
    for (const absent of ["range_key", "stream_view_type", "ttl"]) expect(table).not.toHaveProperty(absent);
    expect(data().output?.table_stream_arns.value).toEqual({ Events: "" });
  });

  it("has no NAT gateway and no default route from compute subnets, but interface endpoints in them", () => {
    expect(resources(net(), "aws_nat_gateway")).toEqual({});
    expect(resources(net(), "aws_eip")).toEqual({});
    expect(Object.values(resources(net(), "aws_route")).map((r) => r.gateway_id)).toEqual([onlyRef(net(), "aws_internet_gateway", "id")]);
    const endpoints = matching(net(), "aws_vpc_endpoint", (e) => e.vpc_endpoint_type === "Interface");
    expect(endpoints.map((e) => e.service_name).sort()).toEqual(["com.amazonaws.eu-west-2.logs", "com.amazonaws.eu-west-2.sts"]);
    expect(net().output?.nat_gateway_ids.value).toEqual([]);
  });

  it("pins the provider to the example account id", () => {
    expect(net().provider.aws[0].allowed_account_ids).toEqual(["210987654321"]);
  });
});

describe("examples: Aurora with three readers, three Redis nodes, Multi-AZ but unprotected dev (stackflow-dev in example-b)", () => {
  const data = () => exampleStack("stackflow-dev-data");

  it("spreads a writer and three readers over the three AZs, readers on promotion tier 1", () => {
    const instances = Object.values(resources(data(), "aws_rds_cluster_instance"))
      .map((i) => [i.identifier, i.availability_zone, i.promotion_tier, i.performance_insights_retention_period]).sort();
    expect(instances).toEqual([
      ["example-catalog-1", "us-east-2a", 0, 31], ["example-catalog-2", "us-east-2b", 1, 31],
      ["example-catalog-3", "us-east-2c", 1, 31], ["example-catalog-4", "us-east-2a", 1, 31],
    ]);
  });

  it("runs three Redis nodes, one per AZ, with failover", () => {
    expect(only(data(), "aws_elasticache_replication_group")).toMatchObject({
      num_cache_clusters: 3, preferred_cache_cluster_azs: ["us-east-2a", "us-east-2b", "us-east-2c"], automatic_failover_enabled: true, multi_az_enabled: true,
    });
  });

  it("skips final snapshots and protection when deletionProtection is off", () => {
    expect(only(data(), "aws_rds_cluster")).toMatchObject({ deletion_protection: false, skip_final_snapshot: true, lifecycle: { prevent_destroy: false } });
    expect(only(data(), "aws_rds_cluster")).not.toHaveProperty("final_snapshot_identifier");
    expect(only(data(), "aws_elasticache_replication_group")).not.toHaveProperty("final_snapshot_identifier");
    expect(matching(data(), "aws_secretsmanager_secret", () => true).map((s) => s.recovery_window_in_days)).toEqual([7, 7]);
  });
});

describe("examples: a tuned pipe without filters, a bus without rules, a topic for CloudWatch alarms, no email (stackflow-dev in example-b)", () => {
  const messaging = () => exampleStack("stackflow-dev-messaging");

  it("passes every record, replays the stream from its start, and gives up on the first failure after a minute", () => {
    expect(only(messaging(), "aws_pipes_pipe")).toMatchObject({
      name: "example-job-changes",
      source_parameters: { dynamodb_stream_parameters: { starting_position: "TRIM_HORIZON", batch_size: 100, maximum_retry_attempts: 0, maximum_record_age_in_seconds: 60 } },
      target_parameters: { eventbridge_event_bus_parameters: { source: "example.jobs", detail_type: "JobChanged" } },
    });
    expect(only(messaging(), "aws_pipes_pipe").source_parameters).not.toHaveProperty("filter_criteria");
    expect(resources(messaging(), "aws_cloudwatch_event_rule")).toEqual({});
  });

  it("lets CloudWatch publish to the alarms topic, through its policy and the key, and has an unprotected key", () => {
    const topic = onlyRef(messaging(), "aws_sns_topic", "arn");
    expect(policy(only(messaging(), "aws_sns_topic_policy").policy).Statement[1]).toEqual({
      Sid: "CloudwatchPublishes", Effect: "Allow", Principal: { Service: "cloudwatch.amazonaws.com" }, Action: "sns:Publish", Resource: topic,
      Condition: { StringEquals: { "aws:SourceAccount": "${data.aws_caller_identity.Caller.account_id}" } },
    });
    const key = only(messaging(), "aws_kms_key");
    expect(key).toMatchObject({ lifecycle: { prevent_destroy: false } });
    expect(policy(key.policy).Statement.map((s) => s.Sid)).toEqual(["AccountRootAdministers", "EventBridgeValidatesKey", "EventBridgeEncryptsBuses", "CloudwatchPublishesToTopics"]);
  });

  it("creates nothing of SES without an email section, publishing empty email outputs", () => {
    for (const type of ["aws_sesv2_email_identity", "aws_sesv2_configuration_set", "aws_sesv2_configuration_set_event_destination"]) expect(resources(messaging(), type)).toEqual({});
    expect(messaging().output?.email_dkim_records.value).toEqual({});
    expect(messaging().output?.email_identity_arn.value).toBe("");
  });
});

describe("examples: Amazon MQ for RabbitMQ 4.2 in place of the EC2 broker (webhooks-prod in example-a)", () => {
  const mq = () => exampleStack("webhooks-prod-messaging");
  const NETWORK = "webhooks-prod-network";

  it("runs a private three-node mq.m7g cluster over the compute subnets, behind the broker workload's group, protected in prod", () => {
    expect(only(mq(), "aws_mq_broker")).toMatchObject({
      broker_name: "webhooks-prod-broker", engine_type: "RabbitMQ", engine_version: "4.2", host_instance_type: "mq.m7g.large",
      deployment_mode: "CLUSTER_MULTI_AZ", subnet_ids: upstream(NETWORK, "compute_subnet_ids"),
      security_groups: [upstreamEntry(NETWORK, "workload_security_group_ids", "broker")],
      publicly_accessible: false, auto_minor_version_upgrade: true, lifecycle: { prevent_destroy: true },
      maintenance_window_start_time: { day_of_week: "SUNDAY", time_of_day: "04:00", time_zone: "UTC" },
    });
  });

  it("takes the administrator's generated password in its user block (so it is in state), the only user Amazon MQ creates", () => {
    const admin = Object.entries(resources(mq(), "random_password")).find(([id]) => id.includes("Admin"))![0];
    expect(only(mq(), "aws_mq_broker").user).toEqual([{ username: "ops", password: `\${random_password.${admin}.result}` }]);
    for (const secret of Object.values(resources(mq(), "aws_secretsmanager_secret"))) {
      expect(secret).toMatchObject({ kms_key_id: upstream("webhooks-prod-data", "data_kms_key_arn"), recovery_window_in_days: 30, lifecycle: { prevent_destroy: true } });
    }
  });

  it("publishes the same broker outputs as the EC2 broker, its host taken from the broker's AMQPS endpoint", () => {
    const values = Object.fromEntries(Object.entries(mq().output!).filter(([name]) => name.startsWith("broker_")).map(([name, o]) => [name, o.value]));
    const endpoint = `\${element(split(":", trimprefix(element(${onlyRef(mq(), "aws_mq_broker", "instances").slice(2, -1)}[0].endpoints, 0), "amqps://")), 0)}`;
    expect(values).toEqual({
      broker_kind: "amazon-mq", broker_name: "webhooks-prod-broker", broker_endpoint: endpoint, broker_port: 5671,
      broker_admin_secret_arn: refBy(mq(), "aws_secretsmanager_secret", "name", "webhooks/prod/rabbitmq-admin", "arn"),
      broker_app_secret_arn: refBy(mq(), "aws_secretsmanager_secret", "name", "webhooks/prod/rabbitmq-app", "arn"),
      broker_security_group_id: upstreamEntry(NETWORK, "workload_security_group_ids", "broker"),
      broker_ca_certificate_pem: "", broker_metrics_namespace: "",
    });
  });

  it("creates nothing of the EC2 broker and needs no TLS provider", () => {
    for (const type of ["aws_autoscaling_group", "aws_launch_template", "aws_route53_zone", "aws_iam_role", "tls_private_key"]) expect(resources(mq(), type), type).toEqual({});
    expect(Object.keys(mq().terraform.required_providers).sort()).toEqual(["aws", "random"]);
  });

  it("passes the platform pack, the Amazon MQ rules included", () => {
    const stacks = loadSynthDir(inject("examplesDir"));
    expect(runPack(PLATFORM_PACK, stacks).failures).toEqual([]);
    const mqOnly = definePack("mq", "Amazon MQ rules", PLATFORM_PACK.entries.filter((e) => e.rule.id.startsWith("MQ.")));
    const result = runPack(mqOnly, stacks);
    expect([mqOnly.entries.length, result.evaluations, result.failures]).toEqual([3, 3, []]);
  });
});

describe("examples: the observability layer over Amazon MQ (webhooks-prod in example-a)", () => {
  it("alarms on the broker's message count, missing consumers and CPU from AWS/AmazonMQ, dimensioned by the broker's contract name", () => {
    const s = exampleStack("webhooks-prod-observability");
    const broker = upstream("webhooks-prod-messaging", "broker_name");
    const alarms = Object.values(resources(s, "aws_cloudwatch_metric_alarm")).filter((a) => (a.alarm_name as string).startsWith("webhooks-prod-broker-"));
    expect(alarms.map((a) => [a.alarm_name, a.namespace, a.metric_name, a.dimensions, a.comparison_operator, a.threshold, a.treat_missing_data]).sort()).toEqual([
      ["webhooks-prod-broker-consumers", "AWS/AmazonMQ", "ConsumerCount", { Broker: broker }, "LessThanThreshold", 1, "breaching"],
      ["webhooks-prod-broker-cpu", "AWS/AmazonMQ", "SystemCpuUtilization", { Broker: broker }, "GreaterThanThreshold", 80, "missing"],
      ["webhooks-prod-broker-queue-depth", "AWS/AmazonMQ", "MessageCount", { Broker: broker }, "GreaterThanThreshold", 1000, "missing"],
    ]);
  });
});

describe("examples: a function failing asynchronous invocations to a queue (stackflow-dev in example-b)", () => {
  it("alarms on lost failure-destination deliveries at once, and on any message in the destination queue", () => {
    const alarms = Object.values(resources(exampleStack("stackflow-dev-observability"), "aws_cloudwatch_metric_alarm"));
    const byName = (n: string) => alarms.find((a) => a.alarm_name === n)!;
    expect(byName("stackflow-dev-function-example-job-replayer-destination-failures")).toMatchObject({
      namespace: "AWS/Lambda", metric_name: "DestinationDeliveryFailures", statistic: "Sum", comparison_operator: "GreaterThanThreshold", threshold: 0,
      dimensions: { FunctionName: upstreamEntry("stackflow-dev-compute", "function_names", "example-job-replayer") }, period: 300, evaluation_periods: 1, datapoints_to_alarm: 1,
    });
    expect(byName("stackflow-dev-function-example-job-replayer-duration").threshold).toBe('${(data.terraform_remote_state.stackflow-dev-compute.outputs.function_timeouts["example-job-replayer"] * 900)}');
    expect(byName("stackflow-dev-queue-job-changes-dlq-messages")).toMatchObject({ metric_name: "ApproximateNumberOfMessagesVisible", threshold: 0, evaluation_periods: 1 });
  });
});
