import { describe, expect, it } from "vitest";
import { policy, ref, resources, stack, stackNames, type StackJson } from "./support/synth";

/**
 * Every security document of every stack, asserted whole: a widened
 * principal, a dropped condition or an extra action changes the document and
 * fails here, where a check on Sid or Action alone would not. Expectations
 * are per kind of role or key, as functions of the deployment.
 */

const ACCOUNT = "${data.aws_caller_identity.Caller.account_id}";
const ARN = "arn:${data.aws_partition.Partition.partition}";
const ROOT = { Sid: "AccountRootAdministers", Effect: "Allow", Principal: { AWS: `${ARN}:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" };
const KEY_USE = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey"];
const SOURCE_ACCOUNT = { StringEquals: { "aws:SourceAccount": ACCOUNT } };
const document = (...Statement: readonly object[]) => ({ Version: "2012-10-17", Statement });
const managed = (name: string) => `${ARN}:iam::aws:policy/${name}`;

/** What a stack's documents depend on: its system, environment and region. */
interface Deployment { readonly s: StackJson; readonly system: string; readonly env: string; readonly region: string }

function deploymentOf(name: string): Deployment {
  const s = stack(name);
  const provider = s.provider.aws.find((p) => p.alias === undefined)!;
  const tags = (provider.default_tags as { tags: Record<string, string> }[])[0].tags;
  return { s, system: tags.system, env: tags.environment, region: provider.region as string };
}

/** The deny every bucket, queue and topic policy opens with: nothing over plain HTTP. */
const tlsDeny = (Action: string, Resource: unknown) => ({
  Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action, Resource, Condition: { Bool: { "aws:SecureTransport": "false" } },
});

/** Key policies by the Sid of their second statement (the state key has only the root's). */
const KEY_POLICIES: Record<string, (d: Deployment) => object> = {
  none: () => document(ROOT),
  // The data key: any role of this deployment (by its name prefix) in this account, nothing wider.
  SystemRolesUse: (d) => document(ROOT, {
    Sid: "SystemRolesUse", Effect: "Allow", Principal: { AWS: `${ARN}:iam::${ACCOUNT}:root` }, Action: KEY_USE, Resource: "*",
    Condition: { ArnLike: { "aws:PrincipalArn": `${ARN}:iam::${ACCOUNT}:role/${d.system}-${d.env}-*` } },
  }),
  // The logs key: CloudWatch Logs of this region, for log groups of this account only.
  CloudWatchLogsUse: (d) => document(ROOT, {
    Sid: "CloudWatchLogsUse", Effect: "Allow", Principal: { Service: `logs.${d.region}.amazonaws.com` }, Action: KEY_USE, Resource: "*",
    Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `${ARN}:logs:${d.region}:${ACCOUNT}:log-group:*` } },
  }),
  // The messaging key: EventBridge and SES, each for its own bus or topic of this deployment.
  EventBridgeValidatesKey: (d) => {
    const prefix = `${d.system}-${d.env}`;
    const bus = [`${ARN}:events:${d.region}:${ACCOUNT}:event-bus/${prefix}-domain-events`];
    const topic = (name: string) => [`${ARN}:sns:${d.region}:${ACCOUNT}:${prefix}-${name}`];
    const use = (Sid: string, service: string, context: Record<string, unknown>) => ({
      Sid, Effect: "Allow", Principal: { Service: `${service}.amazonaws.com` }, Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: "*",
      Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT, ...context } },
    });
    return document(ROOT,
      { Sid: "EventBridgeValidatesKey", Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: "kms:DescribeKey", Resource: "*", Condition: SOURCE_ACCOUNT },
      use("EventBridgeEncryptsBuses", "events", { "aws:SourceArn": bus, "kms:EncryptionContext:aws:events:event-bus:arn": bus }),
      use("EventsPublishesToTopics", "events", { "kms:EncryptionContext:aws:sns:topicArn": topic("fan-out") }),
      use("SesPublishesToTopics", "ses", { "kms:EncryptionContext:aws:sns:topicArn": topic("email-events") }));
  },
};

/** The inline policy (undefined: none) and managed policies of a role, by the service that assumes it. */
const ROLES: Record<string, { readonly description: (roleName: string) => string; readonly inline?: (d: Deployment) => object; readonly managed: readonly string[] }> = {
  "monitoring.rds.amazonaws.com": { description: () => "RDS enhanced monitoring publishes OS metrics", managed: [managed("service-role/AmazonRDSEnhancedMonitoringRole")] },
  "backup.amazonaws.com": { description: (role) => `AWS Backup takes and restores recovery points of ${role.replace(/-backup$/, "")}`, managed: [managed("service-role/AWSBackupServiceRolePolicyForBackup"), managed("service-role/AWSBackupServiceRolePolicyForRestores")] },
  "vpc-flow-logs.amazonaws.com": {
    description: () => "Lets VPC Flow Logs write to its log group",
    managed: [],
    inline: (d) => document({
      Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
      Resource: `${ref(d.s, "aws_cloudwatch_log_group", (g) => g.name === `/vpc/${d.system}-${d.env}-flow-logs`, "arn")}:*`,
    }),
  },
  "pipes.amazonaws.com": {
    description: (role) => `Runs the ${role.replace(/-pipe$/, "")} pipe: reads its DynamoDB stream, puts events on its bus`,
    managed: [],
    inline: (d) => {
      const data = (output: string) => `\${data.terraform_remote_state.${d.system}-${d.env}-data.outputs.${output}}`;
      return document(
        { Effect: "Allow", Action: ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"], Resource: data("table_stream_arns.App") },
        { Effect: "Allow", Action: "dynamodb:ListStreams", Resource: "*" },
        { Effect: "Allow", Action: ["kms:Decrypt", "kms:DescribeKey"], Resource: data("data_kms_key_arn") },
        { Effect: "Allow", Action: "events:PutEvents", Resource: ref(d.s, "aws_cloudwatch_event_bus", (b) => b.name === `${d.system}-${d.env}-domain-events`, "arn") },
        { Effect: "Allow", Action: ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"], Resource: ref(d.s, "aws_sqs_queue", (q) => q.name === `${d.system}-${d.env}-app-changes-dlq`, "arn") },
        { Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: data("data_kms_key_arn") });
    },
  },
  "ec2.amazonaws.com": {
    description: (role) => `RabbitMQ host of ${role.replace(/-host$/, "")}: its secrets, metrics, logs and DNS record`,
    managed: [managed("AmazonSSMManagedInstanceCore")],
    inline: (d) => {
      const secret = (name: string) => ref(d.s, "aws_secretsmanager_secret", (x) => x.name === `${d.system}/${d.env}/rabbitmq-${name}`, "arn");
      return document(
        { Effect: "Allow", Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], Resource: [secret("admin"), secret("app"), secret("tls")] },
        { Effect: "Allow", Action: ["kms:Decrypt"], Resource: `\${data.terraform_remote_state.${d.system}-${d.env}-data.outputs.data_kms_key_arn}`, Condition: { StringEquals: { "kms:ViaService": `secretsmanager.${d.region}.amazonaws.com` } } },
        { Effect: "Allow", Action: "cloudwatch:PutMetricData", Resource: "*", Condition: { StringEquals: { "cloudwatch:namespace": "Platform/RabbitMQ" } } },
        { Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${ref(d.s, "aws_cloudwatch_log_group", (g) => g.name === `/ec2/${d.system}-${d.env}/rabbitmq`, "arn")}:log-stream:*` },
        {
          Effect: "Allow", Action: "route53:ChangeResourceRecordSets", Resource: `${ARN}:route53:::hostedzone/${ref(d.s, "aws_route53_zone", (z) => z.name === `${d.system}-${d.env}.internal`, "zone_id")}`,
          Condition: { "ForAllValues:StringEquals": {
            "route53:ChangeResourceRecordSetsNormalizedRecordNames": [`rabbitmq.${d.system}-${d.env}.internal`],
            "route53:ChangeResourceRecordSetsRecordTypes": ["A"],
            "route53:ChangeResourceRecordSetsActions": ["UPSERT"],
          } },
        });
    },
  },
};

/**
 * Services whose trust carries no aws:SourceAccount: EC2 assumes an instance
 * role through its instance profile, a request without a source account.
 */
const TRUST_WITHOUT_SOURCE_ACCOUNT = new Set(["ec2.amazonaws.com"]);

const trustOf = (service: string) => document({
  Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole",
  ...(TRUST_WITHOUT_SOURCE_ACCOUNT.has(service) ? {} : { Condition: SOURCE_ACCOUNT }),
});

/** The one service allowed to publish to each topic, by the topic's purpose (undefined: only the account's own principals). */
const TOPIC_PUBLISHERS: Record<string, { readonly sid: string; readonly principal: string } | undefined> = {
  "fan-out": { sid: "EventsPublishes", principal: "events.amazonaws.com" },
  "email-events": { sid: "SesPublishes", principal: "ses.amazonaws.com" },
  "mobile-push": undefined,
};

describe.each(stackNames())("%s", (name) => {
  const d = deploymentOf(name);

  it("gives every role the trust, inline policy and managed policies of the service that assumes it", () => {
    const roles = Object.entries(resources(d.s, "aws_iam_role"));
    for (const [id, role] of roles) {
      const trust = policy(role.assume_role_policy) as unknown as { Statement: { Principal: { Service: string } }[] };
      const service = trust.Statement[0].Principal.Service;
      expect(ROLES[service], `${id}: a role of ${service} has no expectation here`).toBeDefined();
      expect(trust).toEqual(trustOf(service));
      expect(role.description, id).toBe(ROLES[service].description(role.name as string));
      const own = `\${aws_iam_role.${id}.name}`;
      const inline = Object.values(resources(d.s, "aws_iam_role_policy")).filter((p) => p.role === own).map((p) => policy(p.policy));
      expect(inline).toEqual(ROLES[service].inline ? [ROLES[service].inline!(d)] : []);
      const attached = Object.values(resources(d.s, "aws_iam_role_policy_attachment")).filter((a) => a.role === own).map((a) => a.policy_arn as string);
      expect([...attached].sort()).toEqual([...ROLES[service].managed].sort());
    }
    // No policy or attachment hangs off a role this loop did not see.
    const seen = new Set(roles.map(([id]) => `\${aws_iam_role.${id}.name}`));
    for (const type of ["aws_iam_role_policy", "aws_iam_role_policy_attachment"]) {
      expect(Object.values(resources(d.s, type)).filter((p) => !seen.has(p.role as string))).toEqual([]);
    }
    expect(resources(d.s, "aws_iam_policy")).toEqual({});
  });

  it("gives every KMS key the policy of its kind", () => {
    expect(resources(d.s, "aws_kms_key_policy")).toEqual({});
    for (const key of Object.values(resources(d.s, "aws_kms_key"))) {
      const parsed = policy(key.policy);
      const kind = (parsed.Statement[1]?.Sid as string | undefined) ?? "none";
      expect(KEY_POLICIES[kind], `key policy kind ${kind}`).toBeDefined();
      expect(parsed).toEqual(KEY_POLICIES[kind](d));
    }
  });

  it("denies plain HTTP on every bucket and its objects, and on every queue", () => {
    for (const p of Object.values(resources(d.s, "aws_s3_bucket_policy"))) {
      const arn = (p.bucket as string).replace(/\.id\}$/, ".arn}");
      expect(policy(p.policy)).toEqual(document(tlsDeny("s3:*", [arn, `${arn}/*`])));
    }
    // One policy per queue: a queue left without one would accept plain HTTP unnoticed.
    expect(Object.keys(resources(d.s, "aws_sqs_queue_policy")).length).toBe(Object.keys(resources(d.s, "aws_sqs_queue")).length);
    for (const p of Object.values(resources(d.s, "aws_sqs_queue_policy"))) {
      expect(policy(p.policy)).toEqual(document(tlsDeny("sqs:*", (p.queue_url as string).replace(/\.url\}$/, ".arn}"))));
    }
  });

  it("lets each dead-letter queue take messages from exactly the queues that redrive to it", () => {
    const sources = new Map<string, string[]>();
    for (const [id, queue] of Object.entries(resources(d.s, "aws_sqs_queue"))) {
      if (typeof queue.redrive_policy !== "string") continue;
      const target = (JSON.parse(queue.redrive_policy) as { deadLetterTargetArn: string }).deadLetterTargetArn;
      sources.set(target, [...(sources.get(target) ?? []), `\${aws_sqs_queue.${id}.arn}`]);
    }
    const allows = Object.values(resources(d.s, "aws_sqs_queue_redrive_allow_policy"));
    expect(allows.map((a) => (a.queue_url as string).replace(/\.url\}$/, ".arn}")).sort()).toEqual([...sources.keys()].sort());
    for (const allow of allows) {
      const target = (allow.queue_url as string).replace(/\.url\}$/, ".arn}");
      // Source order carries no meaning; any other field still counts (spread, not picked).
      const parsed = JSON.parse(allow.redrive_allow_policy as string) as { sourceQueueArns: string[] };
      expect({ ...parsed, sourceQueueArns: [...parsed.sourceQueueArns].sort() }).toEqual({ redrivePermission: "byQueue", sourceQueueArns: [...sources.get(target)!].sort() });
    }
  });

  it("lets only the service that publishes to a topic publish, from this account", () => {
    const topics = Object.entries(resources(d.s, "aws_sns_topic"));
    const policies = Object.values(resources(d.s, "aws_sns_topic_policy"));
    expect(policies.length).toBe(topics.length);
    for (const [id, topic] of topics) {
      const arn = `\${aws_sns_topic.${id}.arn}`;
      const purpose = (topic.name as string).slice(`${d.system}-${d.env}-`.length);
      expect(purpose in TOPIC_PUBLISHERS, `topic ${String(topic.name)} has no expectation here`).toBe(true);
      const service = TOPIC_PUBLISHERS[purpose];
      const allow = service ? [{ Sid: service.sid, Effect: "Allow", Principal: { Service: service.principal }, Action: "sns:Publish", Resource: arn, Condition: SOURCE_ACCOUNT }] : [];
      expect(policies.filter((p) => p.arn === arn).map((p) => policy(p.policy))).toEqual([document(tlsDeny("sns:Publish", arn), ...allow)]);
    }
  });
});
