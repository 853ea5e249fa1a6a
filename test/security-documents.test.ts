import { describe, expect, it } from "vitest";
import { expectedEksRoles } from "./compute/containers/expected-eks-roles";
import { expectedFunctionRoles, mediaConvertRole } from "./compute/functions/expected-roles";
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
  // The edge key (us-east-1): CloudWatch Logs there for this account's log groups, and CloudFront decrypting
  // site objects for exactly the distributions that read a site bucket through origin access control.
  CloudFrontSideLogsUse: (d) => {
    const sites = Object.entries(resources(d.s, "aws_cloudfront_distribution"))
      .filter(([, x]) => (x.origin as { origin_access_control_id?: string }[]).some((o) => o.origin_access_control_id !== undefined))
      .map(([id]) => `\${aws_cloudfront_distribution.${id}.arn}`);
    return document(ROOT, {
      Sid: "CloudFrontSideLogsUse", Effect: "Allow", Principal: { Service: "logs.us-east-1.amazonaws.com" }, Action: KEY_USE, Resource: "*",
      Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `${ARN}:logs:us-east-1:${ACCOUNT}:log-group:*` } },
    }, ...(sites.length === 0 ? [] : [{
      Sid: "CloudFrontReadsSites", Effect: "Allow", Principal: { Service: "cloudfront.amazonaws.com" }, Action: ["kms:Decrypt"], Resource: "*",
      Condition: { StringEquals: { "aws:SourceArn": sites } },
    }]));
  },
  // A Lambda@Edge function's own key (us-east-1): CloudWatch Logs there for exactly its us-east-1 log group.
  ViewerAuthLogsUse: (d) => document(ROOT, {
    Sid: "ViewerAuthLogsUse", Effect: "Allow", Principal: { Service: "logs.us-east-1.amazonaws.com" }, Action: KEY_USE, Resource: "*",
    Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `${ARN}:logs:us-east-1:${ACCOUNT}:log-group:/aws/lambda/us-east-1.${d.system}-${d.env}-internal-viewer-auth` } },
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

/**
 * The alarm topic's publishers (observability): each service for its own
 * resources of this account only, by source account and source ARN.
 */
const alarmPublishers = (d: Deployment) => [
  { sid: "CloudWatchAlarms", service: "cloudwatch.amazonaws.com", source: `${ARN}:cloudwatch:${d.region}:${ACCOUNT}:alarm:*` },
  { sid: "EventBridgeRules", service: "events.amazonaws.com", source: `${ARN}:events:${d.region}:${ACCOUNT}:rule/*` },
  { sid: "Budgets", service: "budgets.amazonaws.com", source: `${ARN}:budgets::${ACCOUNT}:budget/*` },
  { sid: "RdsEvents", service: "events.rds.amazonaws.com", source: `${ARN}:rds:${d.region}:${ACCOUNT}:es:*` },
];
/** The us-east-1 topic of CloudFront and WAF alarms (deployments elsewhere with distributions): CloudWatch alarms of that region only. */
const globalAlarmPublishers = () => [{ sid: "CloudWatchAlarms", service: "cloudwatch.amazonaws.com", source: `${ARN}:cloudwatch:us-east-1:${ACCOUNT}:alarm:*` }];
const alarmTopicArn = (d: Deployment) => `${ARN}:sns:${d.region}:${ACCOUNT}:${d.system}-${d.env}-alarms`;
const globalAlarmTopicArn = (d: Deployment) => `${ARN}:sns:us-east-1:${ACCOUNT}:${d.system}-${d.env}-alarms-global`;
const alarmTopicKey = (publishers: { sid: string; service: string }[], topicArn: string) => document(ROOT,
  ...publishers.map((p) => ({
    Sid: `${p.sid}Publish`, Effect: "Allow", Principal: { Service: p.service }, Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: "*",
    Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT, "kms:EncryptionContext:aws:sns:topicArn": [topicArn] } },
  })),
  {
    Sid: "SnsDeadLetters", Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: "*",
    Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT }, ArnEquals: { "aws:SourceArn": topicArn } },
  });
KEY_POLICIES.CloudWatchAlarmsPublish = (d) => alarmTopicKey(alarmPublishers(d), alarmTopicArn(d));

/** The services trusting a Lambda@Edge role, as the ROLES key joins them (a statement per service). */
const EDGE_LAMBDA = "lambda.amazonaws.com + edgelambda.amazonaws.com";

/** The inline policy (undefined: none) and managed policies of a role, by the service(s) that assume it. */
const ROLES: Record<string, {
  readonly description: (roleName: string, d: Deployment) => string;
  readonly inline?: (d: Deployment, roleName: string) => object | undefined;
  readonly managed: readonly string[] | ((roleName: string) => readonly string[]);
}> = {
  // A function's role: what its own purpose needs (test/compute/functions/expected-roles.ts), found by its role name `<deployment>-<function>`.
  "lambda.amazonaws.com": {
    description: (role, d) => `Execution role of the ${role.slice(`${d.system}-${d.env}-`.length)} function`,
    managed: [],
    inline: (d, roleName) => {
      const deployment = `${d.system}-${d.env}`;
      const fn = roleName.slice(deployment.length + 1);
      return document(...expectedFunctionRoles({ s: d.s, deployment, region: d.region })[fn]);
    },
  },
  // A Lambda@Edge function's role (trusted by both services): only its logs, in every region it runs in.
  [EDGE_LAMBDA]: {
    description: (role) => `Execution role of the ${role} Lambda@Edge function`,
    managed: [],
    inline: (_d, role) => {
      const groups = `${ARN}:logs:*:${ACCOUNT}:log-group:/aws/lambda/us-east-1.${role}`;
      return document(
        { Effect: "Allow", Action: ["logs:CreateLogGroup"], Resource: groups },
        { Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${groups}:*` },
      );
    },
  },
  "mediaconvert.amazonaws.com": { description: (_role, d) => `Role MediaConvert jobs of ${d.system}-${d.env}-media run as`, managed: [], inline: (d) => document(...mediaConvertRole({ s: d.s, deployment: `${d.system}-${d.env}`, region: d.region })) },
  "monitoring.rds.amazonaws.com": { description: () => "RDS enhanced monitoring publishes OS metrics", managed: [managed("service-role/AmazonRDSEnhancedMonitoringRole")] },
  // API Gateway's account role (account-scoped edge stack): only the log groups REST APIs write to.
  "apigateway.amazonaws.com": {
    description: (_role, d) => `API Gateway writes REST API logs in ${d.region} (aws_api_gateway_account)`,
    managed: [],
    inline: (d) => {
      const logs = `${ARN}:logs:${d.region}:${ACCOUNT}:log-group:`;
      return document(
        { Effect: "Allow", Action: ["logs:DescribeLogGroups"], Resource: `${logs}*` },
        { Effect: "Allow", Action: ["logs:DescribeLogStreams", "logs:CreateLogStream", "logs:PutLogEvents"], Resource: [`${logs}API-Gateway-Execution-Logs_*`, `${logs}/aws/apigateway/*`] });
    },
  },
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
  // ECS tasks: an execution role (image pull, logs, exactly its secrets) and a task role (own logs, metrics, exec) per service.
  "ecs-tasks.amazonaws.com": {
    description: (role) => role.endsWith("-execution")
      ? `ECS pulls the image, writes logs and reads the secrets of ${role.replace(/-execution$/, "-service")}`
      : `What the containers of ${role.replace(/-task$/, "-service")} may call`,
    managed: (roleName) => (roleName.endsWith("-execution") ? [managed("service-role/AmazonECSTaskExecutionRolePolicy")] : []),
    inline: (d, roleName) => {
      const container = roleName.slice(`${d.system}-${d.env}-`.length).replace(/-(task|execution)$/, "");
      const data = (output: string) => `\${data.terraform_remote_state.${d.system}-${d.env}-data.outputs.${output}}`;
      if (roleName.endsWith("-execution")) {
        const secrets = ECS_SECRETS[`${d.system}/${container}`]?.(d) ?? [];
        return secrets.length === 0 ? undefined : document(
          { Sid: "ReadSecrets", Effect: "Allow", Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], Resource: secrets },
          { Sid: "DecryptSecrets", Effect: "Allow", Action: ["kms:Decrypt"], Resource: data("data_kms_key_arn"), Condition: { StringEquals: { "kms:ViaService": `secretsmanager.${d.region}.amazonaws.com` } } });
      }
      const logGroup = (name: string) => ref(d.s, "aws_cloudwatch_log_group", (g) => g.name === name, "arn");
      const exec = Object.values(resources(d.s, "aws_ecs_cluster")).some((c) => c.configuration !== undefined);
      return document(
        { Sid: "WriteOwnLogs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${logGroup(`/ecs/${d.system}-${d.env}/${container}`)}:*` },
        { Sid: "PutMetrics", Effect: "Allow", Action: "cloudwatch:PutMetricData", Resource: "*" },
        ...(exec ? [
          { Sid: "ExecChannels", Effect: "Allow", Action: ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"], Resource: "*" },
          { Sid: "ExecFindLogGroup", Effect: "Allow", Action: "logs:DescribeLogGroups", Resource: "*" },
          { Sid: "ExecWriteSessionLogs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"], Resource: `${logGroup(`/ecs/${d.system}-${d.env}/exec`)}:*` },
        ] : []));
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

/** The secrets each ECS service's execution role reads, by `<system>/<container>`. */
const ECS_SECRETS: Record<string, (d: Deployment) => string[]> = {
  "axonflow/agent": (d) => [`\${data.terraform_remote_state.${d.system}-${d.env}-data.outputs.store_secret_arns.Main}`],
  "axonflow/orchestrator": (d) => [`\${data.terraform_remote_state.${d.system}-${d.env}-data.outputs.store_secret_arns.Main}`],
  "webhooks/processor": (d) => [
    `\${data.terraform_remote_state.${d.system}-${d.env}-messaging.outputs.broker_app_secret_arn}`,
    `\${data.terraform_remote_state.${d.system}-${d.env}-data.outputs.store_secret_arns.Main}`,
    `\${data.terraform_remote_state.${d.system}-${d.env}-data.outputs.store_secret_arns.Locks}`,
  ],
};

/**
 * Services whose trust carries no aws:SourceAccount: EC2 assumes an instance
 * role through its instance profile, a request without a source account.
 */
const TRUST_WITHOUT_SOURCE_ACCOUNT = new Set(["ec2.amazonaws.com"]);

const trustOf = (service: string) => (service === EDGE_LAMBDA
  // Lambda for this account; edgelambda (replication to edge regions) as AWS documents it, without a source account.
  ? document(
    { Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole", Condition: SOURCE_ACCOUNT },
    { Effect: "Allow", Principal: { Service: "edgelambda.amazonaws.com" }, Action: "sts:AssumeRole" },
  )
  : document({
    Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole",
    ...(TRUST_WITHOUT_SOURCE_ACCOUNT.has(service) ? {} : { Condition: SOURCE_ACCOUNT }),
  }));

/**
 * What a site bucket adds to the TLS deny: CloudFront reading its objects for
 * the one distribution whose origin is this bucket (none for other buckets).
 */
function siteReaders(d: Deployment, bucketRef: string): object[] {
  const name = resources(d.s, "aws_s3_bucket")[bucketRef.slice("${aws_s3_bucket.".length, -".id}".length)].bucket as string;
  return Object.entries(resources(d.s, "aws_cloudfront_distribution"))
    .filter(([, x]) => (x.origin as { domain_name: string }[]).some((o) => o.domain_name === `${name}.s3.us-east-1.amazonaws.com`))
    .map(([id]) => ({
      Sid: "CloudFrontReads", Effect: "Allow", Principal: { Service: "cloudfront.amazonaws.com" }, Action: "s3:GetObject",
      Resource: `${ARN}:s3:::${name}/*`, Condition: { StringEquals: { "aws:SourceArn": `\${aws_cloudfront_distribution.${id}.arn}` } },
    }));
}

/** The one service allowed to publish to each topic, by the topic's purpose (undefined: only the account's own principals). */
const TOPIC_PUBLISHERS: Record<string, { readonly sid: string; readonly principal: string } | undefined> = {
  "fan-out": { sid: "EventsPublishes", principal: "events.amazonaws.com" },
  "email-events": { sid: "SesPublishes", principal: "ses.amazonaws.com" },
  "mobile-push": undefined,
};

// Account governance stacks hold GitHub-trusted roles and the EBS key, asserted whole in test/governance/account-governance.test.ts.
describe.each(stackNames().filter((n) => !n.endsWith("-governance")))("%s", (name) => {
  const d = deploymentOf(name);

  it("gives every role the trust, inline policy and managed policies of the service that assumes it", () => {
    const roles = Object.entries(resources(d.s, "aws_iam_role"));
    // EKS roles (the cluster's, the nodes', IRSA) are written out whole in compute/containers/expected-eks-roles.ts.
    const eks = resources(d.s, "aws_eks_cluster");
    const eksRoles = Object.keys(eks).length > 0 ? expectedEksRoles({ s: d.s, deployment: `${d.system}-${d.env}`, region: d.region }) : {};
    for (const [id, role] of roles) {
      const own = `\${aws_iam_role.${id}.name}`;
      const eksRole = eksRoles[role.name as string];
      if (eksRole) {
        expect(policy(role.assume_role_policy)).toEqual(eksRole.trust);
        expect(Object.values(resources(d.s, "aws_iam_role_policy")).filter((p) => p.role === own).map((p) => policy(p.policy))).toEqual(eksRole.inline ? [eksRole.inline] : []);
        expect(Object.values(resources(d.s, "aws_iam_role_policy_attachment")).filter((a) => a.role === own).map((a) => a.policy_arn as string).sort()).toEqual([...eksRole.managed].sort());
        continue;
      }
      const trust = policy(role.assume_role_policy) as unknown as { Statement: { Principal: { Service: string } }[] };
      const service = trust.Statement.map((x) => x.Principal.Service).join(" + ");
      expect(ROLES[service], `${id}: a role of ${service} has no expectation here`).toBeDefined();
      expect(trust).toEqual(trustOf(service));
      expect(role.description, id).toBe(ROLES[service].description(role.name as string, d));
      const inline = Object.values(resources(d.s, "aws_iam_role_policy")).filter((p) => p.role === own).map((p) => policy(p.policy));
      const expected = ROLES[service].inline?.(d, role.name as string);
      expect(inline).toEqual(expected ? [expected] : []);
      const attached = Object.values(resources(d.s, "aws_iam_role_policy_attachment")).filter((a) => a.role === own).map((a) => a.policy_arn as string);
      const managedArns = ROLES[service].managed;
      expect([...attached].sort()).toEqual([...(typeof managedArns === "function" ? managedArns(role.name as string) : managedArns)].sort());
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
      const globalAlarms = kind === "CloudWatchAlarmsPublish" && key.provider === "aws.us-east-1" && d.region !== "us-east-1";
      expect(parsed).toEqual(globalAlarms ? alarmTopicKey(globalAlarmPublishers(), globalAlarmTopicArn(d)) : KEY_POLICIES[kind](d));
    }
  });

  it("denies plain HTTP on every bucket and its objects, and on every queue", () => {
    for (const p of Object.values(resources(d.s, "aws_s3_bucket_policy"))) {
      const arn = (p.bucket as string).replace(/\.id\}$/, ".arn}");
      // An ALB access-log bucket also lets the region's ELB log-delivery account write this account's logs, and nothing else.
      const owner = /^\$\{aws_s3_bucket\.(\w+)_Bucket_\w+\.arn\}$/.exec(arn)?.[1];
      const elb = Object.keys(d.s.data?.aws_elb_service_account ?? {}).find((id) => id.startsWith(`${owner}_ElbAccount_`));
      const accessLogs = elb ? [{
        Sid: "ElbDeliversAccessLogs", Effect: "Allow", Principal: { AWS: `\${data.aws_elb_service_account.${elb}.arn}` },
        Action: "s3:PutObject", Resource: `${arn}/alb/AWSLogs/${ACCOUNT}/*`,
      }] : [];
      // The account and region's access-log bucket lets S3 log delivery write for this account's buckets only.
      const destination = (resources(d.s, "aws_s3_bucket")[(p.bucket as string).slice("${aws_s3_bucket.".length, -".id}".length)]?.tags as Record<string, string> | undefined)?.["log-destination"] === "s3-server-access-logs";
      const serverLogs = destination ? [{
        Sid: "S3ServerAccessLogsDelivery", Effect: "Allow", Principal: { Service: "logging.s3.amazonaws.com" }, Action: "s3:PutObject", Resource: `${arn}/*`,
        Condition: { ArnLike: { "aws:SourceArn": `${ARN}:s3:::*` }, StringEquals: { "aws:SourceAccount": ACCOUNT } },
      }] : [];
      expect(policy(p.policy)).toEqual(document(tlsDeny("s3:*", [arn, `${arn}/*`]), ...accessLogs, ...serverLogs, ...siteReaders(d, p.bucket as string)));
    }
    // One policy per queue: a queue left without one would accept plain HTTP unnoticed.
    expect(Object.keys(resources(d.s, "aws_sqs_queue_policy")).length).toBe(Object.keys(resources(d.s, "aws_sqs_queue")).length);
    for (const p of Object.values(resources(d.s, "aws_sqs_queue_policy"))) {
      const arn = (p.queue_url as string).replace(/\.url\}$/, ".arn}");
      // The PagerDuty dead-letter queue (observability) also takes the alarm topic's undeliverable notifications; in us-east-1, that region's topic's.
      const global = arn.startsWith("${aws_sqs_queue.Global_PagerDuty_DeadLetterQueue_");
      const topic = Object.keys(resources(d.s, "aws_sns_topic")).find((id) => id.startsWith(global ? "Global_AlarmTopic_" : "AlarmTopic_"));
      const deadLetters = global || arn.startsWith("${aws_sqs_queue.PagerDuty_DeadLetterQueue_") ? [{
        Sid: "AlarmTopicDeadLetters", Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: "sqs:SendMessage", Resource: arn,
        Condition: { ArnEquals: { "aws:SourceArn": `\${aws_sns_topic.${topic}.arn}` } },
      }] : [];
      expect(policy(p.policy)).toEqual(document(tlsDeny("sqs:*", arn), ...deadLetters));
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
      if (purpose === "alarms" || purpose === "alarms-global") {
        const publishers = purpose === "alarms" ? alarmPublishers(d) : globalAlarmPublishers();
        expect(policies.filter((p) => p.arn === arn).map((p) => policy(p.policy))).toEqual([document(tlsDeny("sns:Publish", arn), ...publishers.map((p) => ({
          Sid: `${p.sid}Publish`, Effect: "Allow", Principal: { Service: p.service }, Action: "sns:Publish", Resource: arn,
          Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT }, ArnLike: { "aws:SourceArn": p.source } },
        })))]);
        continue;
      }
      expect(purpose in TOPIC_PUBLISHERS, `topic ${String(topic.name)} has no expectation here`).toBe(true);
      const service = TOPIC_PUBLISHERS[purpose];
      const allow = service ? [{ Sid: service.sid, Effect: "Allow", Principal: { Service: service.principal }, Action: "sns:Publish", Resource: arn, Condition: SOURCE_ACCOUNT }] : [];
      expect(policies.filter((p) => p.arn === arn).map((p) => policy(p.policy))).toEqual([document(tlsDeny("sns:Publish", arn), ...allow)]);
    }
  });
});
