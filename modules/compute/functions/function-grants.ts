import type { Grant } from "../../iam/grants";

/** Where an ARN lives: partition, region and account. */
export interface ArnScope {
  readonly partition: string;
  readonly region: string;
  readonly accountId: string;
}

/**
 * Write the function's own log streams: `logs:CreateLogStream` and
 * `logs:PutLogEvents` on its log group only (what the managed
 * AWSLambdaBasicExecutionRole grants on every group). No
 * `logs:CreateLogGroup`: the group exists before the function.
 */
export function grantFunctionLogs(logGroupArn: string): Grant {
  return [{ Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${logGroupArn}:*` }];
}

/** Send X-Ray segments (AWSXRayDaemonWriteAccess's writes); X-Ray has no resource-level permissions, hence `*`. */
export function grantTracing(): Grant {
  return [{ Effect: "Allow", Action: ["xray:PutTraceSegments", "xray:PutTelemetryRecords"], Resource: "*" }];
}

/**
 * Manage the function's network interfaces in the VPC (the actions of the
 * managed AWSLambdaVPCAccessExecutionRole): create them only in this
 * account and region, describe on `*` (the Describe actions have no
 * resource-level permissions).
 */
export function grantVpcAccess(s: ArnScope): Grant {
  const ec2 = `arn:${s.partition}:ec2:${s.region}:${s.accountId}`;
  return [
    {
      Effect: "Allow",
      Action: ["ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"],
      Resource: [`${ec2}:network-interface/*`, `${ec2}:subnet/*`, `${ec2}:security-group/*`],
    },
    { Effect: "Allow", Action: ["ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets"], Resource: "*" },
  ];
}

/**
 * Connect to an Aurora or RDS database as one user with IAM authentication:
 * `rds-db:connect` on `dbuser:<resource id>/<user>` (RDS User Guide,
 * "Creating and using an IAM policy for IAM database access").
 */
export function grantDatabaseConnect(s: ArnScope & { readonly resourceId: string; readonly user: string }): Grant {
  return [{ Effect: "Allow", Action: "rds-db:connect", Resource: `arn:${s.partition}:rds-db:${s.region}:${s.accountId}:dbuser:${s.resourceId}/${s.user}` }];
}

/**
 * Query a Neptune cluster with IAM authentication (Neptune data-access
 * actions, on `<cluster resource id>/*`): reads and query status, plus
 * writes and deletes when `write`.
 */
export function grantGraphQuery(s: ArnScope & { readonly resourceId: string; readonly write: boolean }): Grant {
  const actions = ["neptune-db:connect", "neptune-db:ReadDataViaQuery", "neptune-db:GetQueryStatus"];
  if (s.write) actions.push("neptune-db:WriteDataViaQuery", "neptune-db:DeleteDataViaQuery");
  return [{ Effect: "Allow", Action: actions, Resource: `arn:${s.partition}:neptune-db:${s.region}:${s.accountId}:${s.resourceId}/*` }];
}

/** Invoke Bedrock foundation models: `bedrock:InvokeModel` (and its streaming form) on each model's ARN. */
export function grantModelInvoke(s: Omit<ArnScope, "accountId"> & { readonly modelIds: readonly string[] }): Grant {
  if (s.modelIds.length === 0) return [];
  return [{
    Effect: "Allow",
    Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
    Resource: s.modelIds.map((m) => `arn:${s.partition}:bedrock:${s.region}::foundation-model/${m}`),
  }];
}

/**
 * Rotate one secret (Secrets Manager User Guide, "Permissions for rotation
 * functions"): describe, read, put and restage versions of that secret,
 * generate a password (`GetRandomPassword` has no resource, hence `*`),
 * and decrypt and encrypt through Secrets Manager with the secret's key.
 */
export function grantSecretRotation(s: { readonly secretArn: string; readonly kmsKeyArn: string; readonly region: string }): Grant {
  return [
    {
      Effect: "Allow",
      Action: ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecretVersionStage"],
      Resource: s.secretArn,
    },
    { Effect: "Allow", Action: "secretsmanager:GetRandomPassword", Resource: "*" },
    {
      Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: s.kmsKeyArn,
      Condition: { StringEquals: { "kms:ViaService": `secretsmanager.${s.region}.amazonaws.com` } },
    },
  ];
}

/**
 * Put objects into a bucket: `s3:PutObject` on its objects and
 * `kms:GenerateDataKey` for its SSE-KMS key; nothing to list or delete.
 * What signing upload URLs needs (a pre-signed PUT carries the signer's
 * permission) and what MediaConvert needs for its outputs.
 */
export function grantObjectPut(bucket: { readonly bucketArn: string; readonly kmsKeyArn: string }): Grant {
  return [
    { Effect: "Allow", Action: "s3:PutObject", Resource: `${bucket.bucketArn}/*` },
    { Effect: "Allow", Action: "kms:GenerateDataKey", Resource: bucket.kmsKeyArn },
  ];
}

/** Invoke another function (its alias when callers are pinned to one). */
export function grantFunctionInvoke(functionArn: string): Grant {
  return [{ Effect: "Allow", Action: "lambda:InvokeFunction", Resource: functionArn }];
}

/**
 * Publish to a topic encrypted with a customer-managed key: `sns:Publish`
 * on the topic, `kms:GenerateDataKey` and `kms:Decrypt` on its key (SNS
 * Developer Guide, "Key management": what a publisher needs).
 */
export function grantTopicPublish(topic: { readonly topicArn: string; readonly kmsKeyArn: string }): Grant {
  return [
    { Effect: "Allow", Action: "sns:Publish", Resource: topic.topicArn },
    { Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: topic.kmsKeyArn },
  ];
}

/** Send email (SES v2 `SendEmail`): authorized on the sending identity and on the configuration set it names. */
export function grantEmailSend(s: ArnScope & { readonly identityArn: string; readonly configurationSetName: string }): Grant {
  return [{
    Effect: "Allow", Action: "ses:SendEmail",
    Resource: [s.identityArn, `arn:${s.partition}:ses:${s.region}:${s.accountId}:configuration-set/${s.configurationSetName}`],
  }];
}

/**
 * Start and follow MediaConvert jobs on one queue, passing exactly one role
 * to MediaConvert: `mediaconvert:CreateJob` on the queue, `GetJob` on the
 * account's jobs, `iam:PassRole` on that role only when passed to
 * mediaconvert.amazonaws.com.
 */
export function grantMediaConvertJobs(s: ArnScope & { readonly queueArn: string; readonly roleArn: string }): Grant {
  return [
    { Effect: "Allow", Action: "mediaconvert:CreateJob", Resource: s.queueArn },
    { Effect: "Allow", Action: "mediaconvert:GetJob", Resource: `arn:${s.partition}:mediaconvert:${s.region}:${s.accountId}:jobs/*` },
    { Effect: "Allow", Action: "iam:PassRole", Resource: s.roleArn, Condition: { StringEquals: { "iam:PassedToService": "mediaconvert.amazonaws.com" } } },
  ];
}
