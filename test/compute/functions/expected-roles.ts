import { ref, type StackJson, upstream } from "../../support/synth";

/**
 * The whole inline policy each function's role must hold, by function name,
 * written out statement by statement from what the function's purpose
 * needs (config/systems/<system>/functions.ts): shared by the per-system
 * tests and test/security-documents.test.ts, so a widened grant fails both.
 */

const ACCOUNT = "${data.aws_caller_identity.Caller.account_id}";
const ARN = "arn:${data.aws_partition.Partition.partition}";

/** Where one compute stack is: its deployment name and region. */
export interface ComputeStack { readonly s: StackJson; readonly deployment: string; readonly region: string }

const data = (c: ComputeStack, output: string) => upstream(`${c.deployment}-data`, output);
const messaging = (c: ComputeStack, output: string) => upstream(`${c.deployment}-messaging`, output);
const logGroupArn = (c: ComputeStack, fn: string) => ref(c.s, "aws_cloudwatch_log_group", (g) => g.name === `/aws/lambda/${fn}`, "arn");
export const secretArn = (c: ComputeStack, name: string) => ref(c.s, "aws_secretsmanager_secret", (x) => x.name === name, "arn");

/** Logs of its own group, X-Ray, and (in the VPC) its network interfaces: what every function starts with. */
export function baseStatements(c: ComputeStack, fn: string, vpc: boolean): object[] {
  const ec2 = `${ARN}:ec2:${c.region}:${ACCOUNT}`;
  return [
    { Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${logGroupArn(c, fn)}:*` },
    { Effect: "Allow", Action: ["xray:PutTraceSegments", "xray:PutTelemetryRecords"], Resource: "*" },
    ...(vpc ? [
      {
        Effect: "Allow", Action: ["ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"],
        Resource: [`${ec2}:network-interface/*`, `${ec2}:subnet/*`, `${ec2}:security-group/*`],
      },
      { Effect: "Allow", Action: ["ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets"], Resource: "*" },
    ] : []),
  ];
}

/** `rds-db:connect` as `user` on each store, one statement (grants on one action merge). */
const dbConnect = (c: ComputeStack, user: string, ...stores: string[]) => {
  const arns = stores.map((store) => `${ARN}:rds-db:${c.region}:${ACCOUNT}:dbuser:${data(c, `store_resource_ids.${store}`)}/${user}`);
  return { Effect: "Allow", Action: "rds-db:connect", Resource: arns.length === 1 ? arns[0] : arns };
};
const graphWrite = (c: ComputeStack, store: string) => ({
  Effect: "Allow",
  Action: ["neptune-db:connect", "neptune-db:ReadDataViaQuery", "neptune-db:GetQueryStatus", "neptune-db:WriteDataViaQuery", "neptune-db:DeleteDataViaQuery"],
  Resource: `${ARN}:neptune-db:${c.region}:${ACCOUNT}:${data(c, `store_resource_ids.${store}`)}/*`,
});
const secretRead = (Resource: string | string[]) => ({ Effect: "Allow", Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], Resource });
const viaSecretsManager = (c: ComputeStack, Action: string[]) => ({
  Effect: "Allow", Action, Resource: data(c, "data_kms_key_arn"), Condition: { StringEquals: { "kms:ViaService": `secretsmanager.${c.region}.amazonaws.com` } },
});
const rotation = (c: ComputeStack, secrets: string[]) => [
  {
    Effect: "Allow", Action: ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecretVersionStage"],
    Resource: secrets.length === 1 ? secrets[0] : secrets,
  },
  { Effect: "Allow", Action: "secretsmanager:GetRandomPassword", Resource: "*" },
  viaSecretsManager(c, ["kms:Decrypt", "kms:GenerateDataKey"]),
];
const consume = (c: ComputeStack, queues: string[]) => [
  {
    Effect: "Allow", Action: ["sqs:ReceiveMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueUrl", "sqs:DeleteMessage", "sqs:GetQueueAttributes"],
    Resource: queues.length === 1 ? messaging(c, `queue_arns.${queues[0]}`) : queues.map((q) => messaging(c, `queue_arns.${q}`)),
  },
  { Effect: "Allow", Action: ["kms:Decrypt"], Resource: data(c, "data_kms_key_arn") },
];

/** StackFlow's eight roles (config/systems/stackflow/functions.ts), each only what its purpose needs. */
export function stackflowRoles(c: ComputeStack): Record<string, object[]> {
  const base = (fn: string) => baseStatements(c, fn, true);
  return {
    StackFlowAPI: [
      ...base("StackFlowAPI"),
      dbConnect(c, "stackflow_api", "Main", "Requirements"),
      graphWrite(c, "KnowledgeGraph"),
      secretRead([data(c, "store_secret_arns.Cache"), secretArn(c, "stackflow/field-encryption-keys")]),
      viaSecretsManager(c, ["kms:Decrypt"]),
      ...consume(c, ["EventsIngestion"]),
    ],
    StackFlowCacheWarmer: [
      ...base("StackFlowCacheWarmer"),
      secretRead(data(c, "store_secret_arns.Cache")), viaSecretsManager(c, ["kms:Decrypt"]),
      {
        Effect: "Allow", Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
        Resource: [`${ARN}:bedrock:${c.region}::foundation-model/anthropic.claude-3-haiku-20240307-v1:0`, `${ARN}:bedrock:${c.region}::foundation-model/amazon.titan-embed-text-v2:0`],
      },
    ],
    StackFlowNeptuneCMDBSeeder: [...base("StackFlowNeptuneCMDBSeeder"), dbConnect(c, "stackflow_cmdb_reader", "Main"), graphWrite(c, "KnowledgeGraph")],
    StackFlowGitHubSync: [
      ...base("StackFlowGitHubSync"),
      secretRead([secretArn(c, "stackflow/github-api-token"), secretArn(c, "stackflow/github-webhook-secret")]), viaSecretsManager(c, ["kms:Decrypt"]),
      { Effect: "Allow", Action: ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"], Resource: messaging(c, "queue_arns.EventsIngestion") },
      { Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: data(c, "data_kms_key_arn") },
    ],
    StackFlowSecretsRotation: [...base("StackFlowSecretsRotation"), ...rotation(c, [data(c, "store_secret_arns.Main"), data(c, "store_secret_arns.Requirements")])],
    StackFlowGenericSecretRotation: [...base("StackFlowGenericSecretRotation"), ...rotation(c, [secretArn(c, "stackflow/github-api-token")])],
    StackFlowFieldKeyRotator: [...base("StackFlowFieldKeyRotator"), ...rotation(c, [secretArn(c, "stackflow/field-encryption-keys")])],
    StackFlowPatcher: [
      ...base("StackFlowPatcher"),
      dbConnect(c, "stackflow_patcher", "Main", "Requirements"),
      graphWrite(c, "KnowledgeGraph"),
      ...consume(c, ["RemediationP1", "RemediationStandard"]),
    ],
  };
}

/** The webhooks receiver: the edge secret and the broker's application credentials, nothing else. */
export function webhooksRoles(c: ComputeStack): Record<string, object[]> {
  return {
    WebhookReceiver: [
      ...baseStatements(c, "WebhookReceiver", true),
      secretRead([secretArn(c, "webhooks/edge-shared-secret"), messaging(c, "broker_app_secret_arn")]),
      viaSecretsManager(c, ["kms:Decrypt"]),
    ],
  };
}

const KEY_USE = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey"];
const TABLE_READ_WRITE = [
  "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:GetItem", "dynamodb:Scan", "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable",
  "dynamodb:BatchWriteItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
];
const mediaObjects = (c: ComputeStack) => [`${data(c, "bucket_arns.Images")}/*`, `${data(c, "bucket_arns.Videos")}/*`];

/** The Stack's six roles (config/systems/serverless-saas/functions.ts). */
export function serverlessSaasRoles(c: ComputeStack): Record<string, object[]> {
  const base = (fn: string) => baseStatements(c, fn, false);
  const appTable = [
    { Effect: "Allow", Action: TABLE_READ_WRITE, Resource: [data(c, "table_arns.App"), `${data(c, "table_arns.App")}/index/*`] },
    { Effect: "Allow", Action: KEY_USE, Resource: data(c, "data_kms_key_arn") },
  ];
  const alias = (fn: string) => ref(c.s, "aws_lambda_alias", (a) => (a.function_name as string).includes(`aws_lambda_function.${fn}_`), "arn");
  return {
    CustomAuthorizer: base("CustomAuthorizer"),
    TodoSubgraph: [
      ...base("TodoSubgraph"),
      { Effect: "Allow", Action: ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"], Resource: messaging(c, "queue_arns.Notifications") },
      { Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: data(c, "data_kms_key_arn") },
      ...appTable,
    ],
    MediaSubgraph: [
      ...base("MediaSubgraph"),
      ...appTable,
      { Effect: "Allow", Action: "s3:PutObject", Resource: mediaObjects(c) },
      { Effect: "Allow", Action: "kms:GenerateDataKey", Resource: data(c, "data_kms_key_arn") },
      { Effect: "Allow", Action: "mediaconvert:CreateJob", Resource: ref(c.s, "aws_media_convert_queue", () => true, "arn") },
      { Effect: "Allow", Action: "mediaconvert:GetJob", Resource: `${ARN}:mediaconvert:${c.region}:${ACCOUNT}:jobs/*` },
      {
        Effect: "Allow", Action: "iam:PassRole", Resource: ref(c.s, "aws_iam_role", (r) => r.name === `${c.deployment}-mediaconvert`, "arn"),
        Condition: { StringEquals: { "iam:PassedToService": "mediaconvert.amazonaws.com" } },
      },
    ],
    GraphQLRouter: [...base("GraphQLRouter"), { Effect: "Allow", Action: "lambda:InvokeFunction", Resource: [alias("TodoSubgraph"), alias("MediaSubgraph")] }],
    Analytics: base("Analytics"),
    Notification: [
      ...base("Notification"),
      ...consume(c, ["Notifications"]),
      { Effect: "Allow", Action: "sns:Publish", Resource: messaging(c, "topic_arns.MobilePush") },
      { Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: messaging(c, "messaging_kms_key_arn") },
      {
        Effect: "Allow", Action: "ses:SendEmail",
        Resource: [messaging(c, "email_identity_arn"), `${ARN}:ses:${c.region}:${ACCOUNT}:configuration-set/${messaging(c, "email_configuration_set_name")}`],
      },
    ],
  };
}

/** The MediaConvert role: read sources from and put renditions into the media buckets, with their key. */
export function mediaConvertRole(c: ComputeStack): object[] {
  const buckets = [data(c, "bucket_arns.Images"), `${data(c, "bucket_arns.Images")}/*`, data(c, "bucket_arns.Videos"), `${data(c, "bucket_arns.Videos")}/*`];
  return [
    { Effect: "Allow", Action: ["s3:GetObject", "s3:GetObjectVersion", "s3:ListBucket", "s3:GetBucketLocation"], Resource: buckets },
    { Effect: "Allow", Action: ["kms:Decrypt"], Resource: data(c, "data_kms_key_arn") },
    { Effect: "Allow", Action: "s3:PutObject", Resource: mediaObjects(c) },
    { Effect: "Allow", Action: "kms:GenerateDataKey", Resource: data(c, "data_kms_key_arn") },
  ];
}

/** Expected statements of every function role of a compute stack, by function name. */
export function expectedFunctionRoles(c: ComputeStack): Record<string, object[]> {
  if (c.deployment.startsWith("stackflow-")) return stackflowRoles(c);
  if (c.deployment.startsWith("webhooks-")) return webhooksRoles(c);
  if (c.deployment.startsWith("serverless-saas-")) return serverlessSaasRoles(c);
  return {};
}
