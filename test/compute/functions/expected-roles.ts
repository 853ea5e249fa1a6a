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

/** Expected statements of every function role of a compute stack, by function name. */
export function expectedFunctionRoles(c: ComputeStack): Record<string, object[]> {
  if (c.deployment.startsWith("stackflow-")) return stackflowRoles(c);
  return {};
}
