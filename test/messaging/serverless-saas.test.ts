import { describe, expect, it } from "vitest";
import { byAttr, only, onlyRef, policy, refBy, resources, stack, type StackJson, upstream, upstreamEntry } from "../support/synth";

const prod = () => stack("serverless-saas-prod-messaging");
const DATA = "serverless-saas-prod-data";
const ACCOUNT = "${data.aws_caller_identity.Caller.account_id}";
const ARN = (service: string, resource: string) => `arn:\${data.aws_partition.Partition.partition}:${service}:eu-west-1:${ACCOUNT}:${resource}`;

const keyArn = (s: StackJson) => onlyRef(s, "aws_kms_key", "arn");
const busArn = (s: StackJson) => onlyRef(s, "aws_cloudwatch_event_bus", "arn");
const queueArn = (s: StackJson, name: string) => refBy(s, "aws_sqs_queue", "name", name, "arn");
const topicArn = (s: StackJson, name: string) => refBy(s, "aws_sns_topic", "name", name, "arn");
const TOPICS = ["serverless-saas-prod-mobile-push", "serverless-saas-prod-fan-out", "serverless-saas-prod-email-events"];

describe("serverless-saas-prod messaging key (seed 003: event bus and SNS topics)", () => {
  it("rotates yearly, survives destroy in prod, and lets exactly the publishing services use it", () => {
    const key = only(prod(), "aws_kms_key");
    expect(key).toMatchObject({ enable_key_rotation: true, rotation_period_in_days: 365, lifecycle: { prevent_destroy: true } });
    expect(byAttr(prod(), "aws_kms_alias", "target_key_id", onlyRef(prod(), "aws_kms_key", "key_id")).name).toBe("alias/serverless-saas-prod-messaging");
    const bus = [ARN("events", "event-bus/serverless-saas-prod-domain-events")];
    expect(policy(key.policy)).toEqual({
      Version: "2012-10-17",
      Statement: [
        { Sid: "AccountRootAdministers", Effect: "Allow", Principal: { AWS: `arn:\${data.aws_partition.Partition.partition}:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" },
        {
          Sid: "EventBridgeValidatesKey", Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: "kms:DescribeKey", Resource: "*",
          Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } },
        },
        {
          Sid: "EventBridgeEncryptsBuses", Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: "*",
          Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT, "aws:SourceArn": bus, "kms:EncryptionContext:aws:events:event-bus:arn": bus } },
        },
        {
          Sid: "EventsPublishesToTopics", Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: "*",
          Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT, "kms:EncryptionContext:aws:sns:topicArn": [ARN("sns", "serverless-saas-prod-fan-out")] } },
        },
        {
          Sid: "SesPublishesToTopics", Effect: "Allow", Principal: { Service: "ses.amazonaws.com" }, Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: "*",
          Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT, "kms:EncryptionContext:aws:sns:topicArn": [ARN("sns", "serverless-saas-prod-email-events")] } },
        },
      ],
    });
  });

  it("is not protected in dev, where the same shapes carry dev names", () => {
    const dev = stack("serverless-saas-dev-messaging");
    expect(only(dev, "aws_kms_key")).toMatchObject({ lifecycle: { prevent_destroy: false } });
    expect(only(dev, "aws_cloudwatch_event_bus").name).toBe("serverless-saas-dev-domain-events");
  });
});

describe("serverless-saas-prod domain events bus and rule", () => {
  it("encrypts the bus with the messaging key", () => {
    expect(only(prod(), "aws_cloudwatch_event_bus")).toMatchObject({ name: "serverless-saas-prod-domain-events", kms_key_identifier: keyArn(prod()) });
  });

  it("routes every thestack.* event to the analytics consumer, whose target the compute layer adds", () => {
    const rule = only(prod(), "aws_cloudwatch_event_rule");
    expect(rule).toMatchObject({
      name: "serverless-saas-prod-analytics-domain-events", event_bus_name: onlyRef(prod(), "aws_cloudwatch_event_bus", "name"), state: "ENABLED",
    });
    expect(JSON.parse(rule.event_pattern as string)).toEqual({ source: [{ prefix: "thestack." }] });
    expect(resources(prod(), "aws_cloudwatch_event_target")).toEqual({});
  });
});

describe("serverless-saas-prod pipe from the app table's stream to the bus", () => {
  const pipe = () => only(prod(), "aws_pipes_pipe");
  const role = () => only(prod(), "aws_iam_role");
  const stream = upstreamEntry(DATA, "table_stream_arns", "App");
  const dataKey = upstream(DATA, "data_kms_key_arn");

  it("reads the stream named by the data contract and puts events on the bus, as thestack.app / AppItemChanged", () => {
    expect(pipe()).toMatchObject({
      name: "serverless-saas-prod-app-changes", source: stream, target: busArn(prod()), role_arn: onlyRef(prod(), "aws_iam_role", "arn"),
      target_parameters: { eventbridge_event_bus_parameters: { source: "thestack.app", detail_type: "AppItemChanged" } },
    });
  });

  it("starts at the latest record, batches 10, retries 3 times, gives up after an hour and sends failures to its standard DLQ", () => {
    expect(pipe().source_parameters).toEqual({
      dynamodb_stream_parameters: {
        starting_position: "LATEST", batch_size: 10, maximum_retry_attempts: 3, maximum_record_age_in_seconds: 3600,
        dead_letter_config: { arn: queueArn(prod(), "serverless-saas-prod-app-changes-dlq") },
      },
      filter_criteria: { filter: [{ pattern: JSON.stringify({ userIdentity: { principalId: [{ exists: false }] } }) }] },
    });
    expect(byAttr(prod(), "aws_sqs_queue", "name", "serverless-saas-prod-app-changes-dlq")).toMatchObject({ message_retention_seconds: 1209600, kms_master_key_id: dataKey });
    expect(byAttr(prod(), "aws_sqs_queue", "name", "serverless-saas-prod-app-changes-dlq")).not.toHaveProperty("fifo_queue");
  });

  it("has its own role, trusted by EventBridge Pipes for this account only", () => {
    expect(role().name).toBe("serverless-saas-prod-app-changes-pipe");
    expect(role()).not.toHaveProperty("path");
    expect(policy(role().assume_role_policy)).toEqual({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: "pipes.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } } }],
    });
  });

  it("may read the stream, put events on the bus and send to the DLQ, with the data key's actions, and nothing else", () => {
    const inline = only(prod(), "aws_iam_role_policy");
    expect(inline.role).toBe(onlyRef(prod(), "aws_iam_role", "name"));
    expect(policy(inline.policy)).toEqual({
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Action: ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"], Resource: stream },
        // ListStreams has no resource-level permissions: on the stream ARN it would authorize nothing.
        { Effect: "Allow", Action: "dynamodb:ListStreams", Resource: "*" },
        { Effect: "Allow", Action: ["kms:Decrypt", "kms:DescribeKey"], Resource: dataKey },
        { Effect: "Allow", Action: "events:PutEvents", Resource: busArn(prod()) },
        { Effect: "Allow", Action: ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"], Resource: queueArn(prod(), "serverless-saas-prod-app-changes-dlq") },
        { Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: dataKey },
      ],
    });
    expect(resources(prod(), "aws_iam_role_policy_attachment")).toEqual({});
  });

  it("is created only once its role can do all that (Pipes checks the source and DLQ at creation)", () => {
    expect(pipe().depends_on).toEqual([`aws_iam_role.${Object.keys(resources(prod(), "aws_iam_role"))[0]}`, `aws_iam_role_policy.${Object.keys(resources(prod(), "aws_iam_role_policy"))[0]}`]);
  });
});

describe("serverless-saas-prod SNS topics (mobile push, fan-out, email events)", () => {
  it.each(TOPICS)("%s is a standard topic under the messaging key, signing with SHA256", (name) => {
    const topic = byAttr(prod(), "aws_sns_topic", "name", name);
    expect(topic).toMatchObject({ kms_master_key_id: keyArn(prod()), signature_version: 2 });
    expect(topic).not.toHaveProperty("fifo_topic");
  });

  it.each<[string, string | undefined]>([
    [TOPICS[0], undefined], [TOPICS[1], "events.amazonaws.com"], [TOPICS[2], "ses.amazonaws.com"],
  ])("%s denies publishing without TLS and lets only its publishing service in (%s)", (name, service) => {
    const arn = topicArn(prod(), name);
    expect(policy(byAttr(prod(), "aws_sns_topic_policy", "arn", arn).policy)).toEqual({
      Version: "2012-10-17",
      Statement: [
        { Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "sns:Publish", Resource: arn, Condition: { Bool: { "aws:SecureTransport": "false" } } },
        ...(service ? [{
          Sid: `${service[0].toUpperCase()}${service.slice(1, service.indexOf("."))}Publishes`, Effect: "Allow", Principal: { Service: service },
          Action: "sns:Publish", Resource: arn, Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } },
        }] : []),
      ],
    });
  });
});

describe("serverless-saas-prod SES sending for thestack.dev", () => {
  const configurationSet = () => only(prod(), "aws_sesv2_configuration_set");

  it("verifies the domain with Easy DKIM on 2048-bit keys, sending through the configuration set", () => {
    expect(only(prod(), "aws_sesv2_email_identity")).toMatchObject({
      email_identity: "thestack.dev",
      dkim_signing_attributes: { next_signing_key_length: "RSA_2048_BIT" },
      configuration_set_name: onlyRef(prod(), "aws_sesv2_configuration_set", "configuration_set_name"),
    });
  });

  it("requires TLS, keeps reputation metrics and suppresses bounced and complaining addresses", () => {
    expect(configurationSet()).toMatchObject({
      configuration_set_name: "serverless-saas-prod-email",
      delivery_options: { tls_policy: "REQUIRE" },
      reputation_options: { reputation_metrics_enabled: true },
      sending_options: { sending_enabled: true },
      suppression_options: { suppressed_reasons: ["BOUNCE", "COMPLAINT"] },
    });
  });

  it("publishes the events a sender acts on to the email events topic (SES reaches only EventBridge's default bus)", () => {
    expect(only(prod(), "aws_sesv2_configuration_set_event_destination")).toMatchObject({
      configuration_set_name: onlyRef(prod(), "aws_sesv2_configuration_set", "configuration_set_name"),
      event_destination_name: "sns-email-events",
      event_destination: {
        enabled: true,
        matching_event_types: ["BOUNCE", "COMPLAINT", "DELIVERY", "DELIVERY_DELAY", "REJECT", "RENDERING_FAILURE"],
        sns_destination: { topic_arn: topicArn(prod(), "serverless-saas-prod-email-events") },
      },
    });
  });

  it("uses dev.thestack.dev in dev, the domain the dev media buckets admit as app.dev.thestack.dev", () => {
    const dev = stack("serverless-saas-dev-messaging");
    expect(only(dev, "aws_sesv2_email_identity").email_identity).toBe("dev.thestack.dev");
    const origins = Object.values(resources(stack("serverless-saas-dev-data"), "aws_s3_bucket_cors_configuration")).map((c) => JSON.stringify(c.cors_rule));
    expect(origins).toHaveLength(2);
    for (const cors of origins) expect(cors).toContain("https://app.dev.thestack.dev");
  });
});

describe("serverless-saas-prod messaging contract (event side)", () => {
  it("publishes the key, buses, rules, pipes and topics by config id, and the SES identity with its DKIM records", () => {
    const outputs = prod().output!;
    const identity = Object.keys(resources(prod(), "aws_sesv2_email_identity"))[0];
    const tokens = `aws_sesv2_email_identity.${identity}.dkim_signing_attributes[0].tokens`;
    expect(Object.fromEntries(Object.entries(outputs).filter(([name]) => !name.startsWith("queue_") && !name.startsWith("broker_")).map(([name, o]) => [name, o.value]))).toEqual({
      dead_letter_queue_ids: ["NotificationsDlq", "AppChangesDlq"],
      messaging_kms_key_arn: keyArn(prod()),
      event_bus_arns: { DomainEvents: busArn(prod()) },
      event_bus_names: { DomainEvents: onlyRef(prod(), "aws_cloudwatch_event_bus", "name") },
      event_rule_arns: { AnalyticsDomainEvents: onlyRef(prod(), "aws_cloudwatch_event_rule", "arn") },
      event_rule_names: { AnalyticsDomainEvents: onlyRef(prod(), "aws_cloudwatch_event_rule", "name") },
      pipe_names: { AppChanges: onlyRef(prod(), "aws_pipes_pipe", "name") },
      topic_arns: { MobilePush: topicArn(prod(), TOPICS[0]), FanOut: topicArn(prod(), TOPICS[1]), EmailEvents: topicArn(prod(), TOPICS[2]) },
      topic_names: {
        MobilePush: refBy(prod(), "aws_sns_topic", "name", TOPICS[0], "name"), FanOut: refBy(prod(), "aws_sns_topic", "name", TOPICS[1], "name"),
        EmailEvents: refBy(prod(), "aws_sns_topic", "name", TOPICS[2], "name"),
      },
      email_identity_arn: onlyRef(prod(), "aws_sesv2_email_identity", "arn"),
      email_configuration_set_name: onlyRef(prod(), "aws_sesv2_configuration_set", "configuration_set_name"),
      email_dkim_records: `\${zipmap(formatlist("%s._domainkey.thestack.dev", ${tokens}), formatlist("%s.dkim.amazonses.com", ${tokens}))}`,
    });
  });

  it("is empty on the event side for a deployment without buses, topics or email (stackflow-prod), which gets no messaging key", () => {
    const s = stack("stackflow-prod-messaging");
    for (const type of ["aws_kms_key", "aws_cloudwatch_event_bus", "aws_pipes_pipe", "aws_sns_topic", "aws_sesv2_email_identity"]) expect(resources(s, type), type).toEqual({});
    const outputs = s.output!;
    for (const name of ["event_bus_arns", "event_rule_names", "pipe_names", "topic_arns", "email_dkim_records"]) expect(outputs[name].value, name).toEqual({});
    for (const name of ["messaging_kms_key_arn", "email_identity_arn", "email_configuration_set_name"]) expect(outputs[name].value, name).toBe("");
  });
});
