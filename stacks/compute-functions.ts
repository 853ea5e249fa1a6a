import { RandomProvider } from "@cdktf/provider-random/lib/provider";
import type { FunctionSettings, SecretRef } from "../config/layers/compute-functions";
import { grantQueueConsume, grantQueueSend, grantSecretRead, grantTableRead, grantTableReadWrite, type Grant } from "../modules/iam/grants";
import { FunctionCodeBucket } from "../modules/compute/functions/code-bucket";
import { functionEnvironment } from "../modules/compute/functions/function-environment";
import { EventRuleTarget } from "../modules/compute/functions/event-rule-target";
import {
  type ArnScope, grantDatabaseConnect, grantEmailSend, grantFunctionInvoke, grantGraphQuery, grantMediaConvertJobs, grantModelInvoke, grantObjectPut,
  grantSecretRotation, grantTopicPublish,
} from "../modules/compute/functions/function-grants";
import { FunctionSecret } from "../modules/compute/functions/function-secret";
import { FunctionUrl } from "../modules/compute/functions/function-url";
import { LambdaFunction } from "../modules/compute/functions/lambda-function";
import { MediaConvert } from "../modules/compute/functions/media-convert";
import { QueueConsumer } from "../modules/compute/functions/queue-consumer";
import { SecretRotation } from "../modules/compute/functions/secret-rotation";
import type { ComputeStack, ComputeStackProps } from "./compute-stack";
import { consume, type ContractOutput, type ContractValues } from "./contracts";
import { DATA } from "./data-stack";
import { MESSAGING } from "./messaging-stack";
import { NETWORK } from "./network-stack";

/** What the functions half publishes for edge and observability; maps are keyed by the function's name (its config id). */
export const FUNCTIONS_OUTPUTS = {
  function_names: { kind: "map", description: "Name of each function (metric dimension FunctionName)" },
  function_arns: { kind: "map", description: "Unqualified ARN of each function" },
  function_invoke_arns: { kind: "map", description: "Invoke ARN of each function (API Gateway integrations of functions without an alias)" },
  function_alias_arns: { kind: "map", description: "ARN of the alias callers are pinned to, for functions with one" },
  function_alias_invoke_arns: { kind: "map", description: "Invoke ARN of that alias (API Gateway integrations)" },
  function_url_hosts: { kind: "map", description: "Host of each function URL (<id>.lambda-url.<region>.on.aws), for the edge's origin and Host header" },
  function_log_group_names: { kind: "map", description: "Log group of each function (/aws/lambda/<name>)" },
  function_timeouts: { kind: "map", description: "Timeout of each function in seconds (duration-near-timeout alarms)" },
  function_role_arns: { kind: "map", description: "Execution role of each function" },
  function_secret_arns: { kind: "map", description: "ARN of each secret of compute.secrets (the edge reads the shared header secret)" },
  function_code_bucket_name: { kind: "string", description: "Bucket the release pipeline uploads function packages to (releases/<function>/...); empty without functions" },
} satisfies Record<string, ContractOutput>;

type FunctionsValues = ContractValues<{ layer: "compute"; outputs: typeof FUNCTIONS_OUTPUTS }>;

/**
 * Builds the deployment's functions into the compute stack: the code
 * bucket, the compute-owned secrets, then each function with its grants,
 * queue consumers, rotations and URL. Returns the contract values (empty
 * maps without functions, so consumers need no conditionals).
 */
export function buildFunctions(stack: ComputeStack, props: ComputeStackProps): FunctionsValues {
  const d = stack.deployment;
  const empty: FunctionsValues = {
    function_names: {}, function_arns: {}, function_invoke_arns: {}, function_alias_arns: {}, function_alias_invoke_arns: {},
    function_url_hosts: {}, function_log_group_names: {}, function_timeouts: {}, function_role_arns: {}, function_secret_arns: {},
    function_code_bucket_name: "",
  };
  // Config validation guarantees the data layer wherever functions exist (its key encrypts the code and the secrets).
  if (d.compute.functions.length === 0 || !props.data) return empty;
  const network = consume(stack, NETWORK, props.network);
  const data = consume(stack, DATA, props.data);
  const messaging = props.messaging && consume(stack, MESSAGING, props.messaging);
  const dataKeyArn = data.get("data_kms_key_arn");
  const scope: ArnScope = { partition: stack.partition, region: d.region, accountId: stack.accountId };

  const code = new FunctionCodeBucket(stack, "FunctionCode", {
    bucketName: d.compute.codeBucketName, kmsKeyArn: dataKeyArn, preventDestroy: d.deletionProtection, accessLogs: { bucket: stack.accessLogBucket },
  });
  if (d.compute.functionSecrets.some((s) => s.generated)) new RandomProvider(stack, "random");
  const secrets = new Map(d.compute.functionSecrets.map((s) => [s.id, new FunctionSecret(stack, `Secret${s.id}`, { settings: s, kmsKeyArn: dataKeyArn })]));
  const secretArn = (ref: SecretRef) => (ref.owner === "compute" ? secrets.get(ref.id)!.secretArn : data.entry("store_secret_arns", ref.id));
  const queueArn = (id: string) => messaging!.entry("queue_arns", id);
  const built = new Map<string, LambdaFunction>();
  const mediaConvert = d.compute.functions.some((f) => f.access.mediaConvert) ? new MediaConvert(stack, "MediaConvert", {
    name: `${d.name}-media`, role: { name: `${d.name}-mediaconvert`, path: `/${d.name}/` }, accountId: stack.accountId,
    bucketArns: d.data.mediaBuckets.map((b) => data.entry("bucket_arns", b.id)), kmsKeyArn: dataKeyArn,
  }) : undefined;

  const grantsOf = (f: FunctionSettings): Grant => [
    ...f.access.databases.flatMap((db) => grantDatabaseConnect({ ...scope, resourceId: data.entry("store_resource_ids", db.store), user: db.user })),
    ...f.access.graphs.flatMap((g) => grantGraphQuery({ ...scope, resourceId: data.entry("store_resource_ids", g.store), write: g.write })),
    ...f.access.storeSecrets.flatMap((id) => grantSecretRead({ secretArn: data.entry("store_secret_arns", id), kmsKeyArn: dataKeyArn, region: d.region })),
    ...f.access.secrets.flatMap((id) => grantSecretRead({ secretArn: secrets.get(id)!.secretArn, kmsKeyArn: dataKeyArn, region: d.region })),
    ...(f.url ? grantSecretRead({ secretArn: secrets.get(f.url.edgeSecret)!.secretArn, kmsKeyArn: dataKeyArn, region: d.region }) : []),
    ...(f.access.brokerCredentials ? grantSecretRead({ secretArn: messaging!.get("broker_app_secret_arn"), kmsKeyArn: dataKeyArn, region: d.region }) : []),
    ...grantModelInvoke({ partition: stack.partition, region: d.region, modelIds: f.access.bedrockModels }),
    ...f.access.sendTo.flatMap((q) => grantQueueSend({ queueArn: queueArn(q), kmsKeyArn: dataKeyArn })),
    ...f.consumes.flatMap((c) => grantQueueConsume({ queueArn: queueArn(c.queue), kmsKeyArn: dataKeyArn })),
    ...(f.onFailureQueue ? grantQueueSend({ queueArn: queueArn(f.onFailureQueue), kmsKeyArn: dataKeyArn }) : []),
    ...f.rotates.flatMap((r) => grantSecretRotation({ secretArn: secretArn(r.secret), kmsKeyArn: dataKeyArn, region: d.region })),
    ...f.access.tables.flatMap((t) => (t.write ? grantTableReadWrite : grantTableRead)({ tableArn: data.entry("table_arns", t.table), kmsKeyArn: dataKeyArn })),
    ...f.access.presignedUploads.flatMap((b) => grantObjectPut({ bucketArn: data.entry("bucket_arns", b), kmsKeyArn: dataKeyArn })),
    ...f.access.invokes.flatMap((callee) => grantFunctionInvoke(built.get(callee)!.callableArn)),
    ...f.access.publishesTo.flatMap((t) => grantTopicPublish({ topicArn: messaging!.entry("topic_arns", t), kmsKeyArn: messaging!.get("messaging_kms_key_arn") })),
    ...(f.access.sendsEmail ? grantEmailSend({ ...scope, identityArn: messaging!.get("email_identity_arn"), configurationSetName: messaging!.get("email_configuration_set_name") }) : []),
    ...(f.access.mediaConvert ? grantMediaConvertJobs({ ...scope, queueArn: mediaConvert!.queueArn, roleArn: mediaConvert!.roleArn }) : []),
  ];

  const values: Record<keyof FunctionsValues, Record<string, string | number> | string> = { ...empty, function_code_bucket_name: code.bucketName };
  const put = (output: keyof FunctionsValues, key: string, value: string | number | undefined) => {
    if (value !== undefined) (values[output] as Record<string, string | number>)[key] = value;
  };
  for (const f of d.compute.functions) {
    const fn = new LambdaFunction(stack, f.constructId, {
      name: f.name, description: f.description, runtime: f.runtime, handler: f.handler, architecture: f.architecture,
      memoryMb: f.memoryMb, timeoutSeconds: f.timeoutSeconds, reservedConcurrency: f.reservedConcurrency,
      role: { name: `${d.name}-${f.name}`, path: `/${d.name}/` },
      scope,
      code: { bucket: code.bucketName, key: code.bootstrapKey },
      logs: { retentionDays: d.logRetentionDays, kmsKeyArn: network.get("logs_kms_key_arn"), protect: d.deletionProtection },
      vpc: f.workload ? { subnetIds: network.get("compute_subnet_ids"), securityGroupIds: [network.entry("workload_security_group_ids", f.workload)] } : undefined,
      environment: functionEnvironment(f, {
        storeEndpoint: (id) => data.entry("store_endpoints", id), storePort: (id) => data.entry("store_ports", id),
        storeSecretArn: (id) => data.entry("store_secret_arns", id), secretArn: (id) => secrets.get(id)!.secretArn,
        queueUrl: (id) => messaging!.entry("queue_urls", id), brokerEndpoint: () => messaging!.get("broker_endpoint"),
        brokerSecretArn: () => messaging!.get("broker_app_secret_arn"), brokerCaCertificatePem: () => messaging!.get("broker_ca_certificate_pem"),
        tableName: (id) => data.entry("table_names", id), bucketName: (id) => data.entry("bucket_names", id),
        functionArn: (name) => built.get(name)!.callableArn, topicArn: (id) => messaging!.entry("topic_arns", id),
        emailConfigurationSet: () => messaging!.get("email_configuration_set_name"),
        mediaConvert: () => ({ queueArn: mediaConvert!.queueArn, roleArn: mediaConvert!.roleArn }),
      }),
      grants: grantsOf(f),
      onFailureQueueArn: f.onFailureQueue ? queueArn(f.onFailureQueue) : undefined,
      alias: f.alias,
    });
    built.set(f.name, fn);
    if (f.eventRule) {
      new EventRuleTarget(fn, "EventRuleTarget", {
        ruleName: messaging!.entry("event_rule_names", f.eventRule.rule), ruleArn: messaging!.entry("event_rule_arns", f.eventRule.rule),
        busName: messaging!.entry("event_bus_names", f.eventRule.bus), functionName: fn.functionName, targetArn: fn.callableArn, qualifier: fn.qualifier,
      });
    }
    f.consumes.forEach((c) => new QueueConsumer(fn, `Consumes${c.queue}`, {
      functionName: fn.callableArn, queueArn: queueArn(c.queue), batchSize: c.batchSize, batchWindowSeconds: c.batchWindowSeconds, maxConcurrency: c.maxConcurrency,
    }));
    f.rotates.forEach((r) => new SecretRotation(fn, `Rotates${r.secret.id}`, {
      secretArn: secretArn(r.secret), functionArn: fn.arn, functionName: fn.functionName, schedule: r.schedule, accountId: stack.accountId,
      rotateImmediately: r.secret.owner === "store" || secrets.get(r.secret.id)!.generated,
    }));
    if (f.url) put("function_url_hosts", f.name, new FunctionUrl(fn, "Url", { functionName: fn.functionName, qualifier: fn.qualifier!, aliasArn: fn.aliasArn!, region: d.region }).host);
    put("function_names", f.name, fn.functionName);
    put("function_arns", f.name, fn.arn);
    put("function_invoke_arns", f.name, fn.invokeArn);
    put("function_alias_arns", f.name, fn.aliasArn);
    put("function_alias_invoke_arns", f.name, fn.aliasInvokeArn);
    put("function_log_group_names", f.name, fn.logGroupName);
    put("function_timeouts", f.name, f.timeoutSeconds);
    put("function_role_arns", f.name, fn.roleArn);
  }
  for (const [id, s] of secrets) put("function_secret_arns", id, s.secretArn);
  return values as unknown as FunctionsValues;
}
