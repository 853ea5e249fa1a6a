import { KEY_USAGE_ACTIONS } from "../kms/key-grants";
import type { PolicyStatement } from "./policy-document";

/**
 * Identity-policy statements for one purpose on one resource, after
 * aws-cdk-lib's `grant*` methods: the service actions on the resource ARN,
 * then the KMS actions its customer-managed key needs (none when
 * `kmsKeyArn` is unset, i.e. AWS-owned or SSE-S3 encryption). Service
 * actions are CDK's lists (sources cited per helper) with action wildcards
 * spelled out; KMS actions are what the service's own documentation says a
 * caller needs, which for S3 and SQS is narrower than CDK's
 * `grantEncryptDecrypt`. Feed the result to `ServiceRole`'s `inlinePolicy`.
 */
export type Grant = PolicyStatement[];

/** A resource encrypted with a customer-managed key, or not. */
export interface Encrypted {
  /** Key encrypting the resource. @default none: no KMS statement */
  readonly kmsKeyArn?: string;
}

/** The KMS statement a resource's key implies: none without a customer-managed key. */
function keyStatements(resource: Encrypted, actions: readonly string[], condition?: PolicyStatement["Condition"]): Grant {
  if (!resource.kmsKeyArn) return [];
  return [{ Effect: "Allow", Action: actions, Resource: resource.kmsKeyArn, ...(condition ? { Condition: condition } : {}) }];
}

/**
 * Read a secret's value: `secretsmanager:GetSecretValue` and `DescribeSecret`,
 * and `kms:Decrypt` only through Secrets Manager in the secret's region.
 * Source: aws-cdk-lib aws-secretsmanager/lib/secret.ts `grantRead`
 * (same actions, same `kms:ViaService` condition).
 */
export function grantSecretRead(secret: Encrypted & { readonly secretArn: string; readonly region: string }): Grant {
  return [
    { Effect: "Allow", Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], Resource: secret.secretArn },
    ...keyStatements(secret, ["kms:Decrypt"], { StringEquals: { "kms:ViaService": `secretsmanager.${secret.region}.amazonaws.com` } }),
  ];
}

/**
 * Send messages to a queue: `sqs:SendMessage`, `GetQueueAttributes`,
 * `GetQueueUrl` (aws-cdk-lib aws-sqs/lib/queue-base.ts `grantSendMessages`);
 * `kms:GenerateDataKey` and `kms:Decrypt`, the producer permissions of the
 * SQS Developer Guide ("Key management"), where CDK grants all of
 * `grantEncryptDecrypt`.
 */
export function grantQueueSend(queue: Encrypted & { readonly queueArn: string }): Grant {
  return [
    { Effect: "Allow", Action: ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"], Resource: queue.queueArn },
    ...keyStatements(queue, ["kms:GenerateDataKey", "kms:Decrypt"]),
  ];
}

/**
 * Receive and delete messages: `sqs:ReceiveMessage`, `ChangeMessageVisibility`,
 * `GetQueueUrl`, `DeleteMessage`, `GetQueueAttributes` and `kms:Decrypt`
 * (aws-cdk-lib aws-sqs/lib/queue-base.ts `grantConsumeMessages`).
 */
export function grantQueueConsume(queue: Encrypted & { readonly queueArn: string }): Grant {
  return [
    {
      Effect: "Allow",
      Action: ["sqs:ReceiveMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueUrl", "sqs:DeleteMessage", "sqs:GetQueueAttributes"],
      Resource: queue.queueArn,
    },
    ...keyStatements(queue, ["kms:Decrypt"]),
  ];
}

/** DynamoDB actions that read items (aws-cdk-lib aws-dynamodb/lib/perms.ts RESOURCE_READ_DATA_ACTIONS, DESCRIBE_TABLE). */
const TABLE_READ_ACTIONS = [
  "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:GetItem", "dynamodb:Scan", "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable",
];
/** DynamoDB actions that write items (perms.ts WRITE_DATA_ACTIONS). */
const TABLE_WRITE_ACTIONS = ["dynamodb:BatchWriteItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"];
/** Key actions for reading a table or stream (perms.ts KEY_READ_ACTIONS). */
const TABLE_KEY_READ_ACTIONS = ["kms:Decrypt", "kms:DescribeKey"];

/** The table and its indexes: queries on a secondary index are authorized on `<table>/index/<name>`. */
const tableResources = (tableArn: string) => [tableArn, `${tableArn}/index/*`];

/**
 * Read items of a table and its indexes, with `kms:Decrypt` and
 * `kms:DescribeKey` (aws-cdk-lib aws-dynamodb/lib/table-grants.ts `readData`).
 * CDK also lists `GetRecords`/`GetShardIterator` on the table ARN, where they
 * authorize nothing (they act on stream ARNs): see {@link grantTableStreamRead}.
 */
export function grantTableRead(table: Encrypted & { readonly tableArn: string }): Grant {
  return [
    { Effect: "Allow", Action: TABLE_READ_ACTIONS, Resource: tableResources(table.tableArn) },
    ...keyStatements(table, TABLE_KEY_READ_ACTIONS),
  ];
}

/**
 * Read and write items of a table and its indexes (table-grants.ts
 * `readWriteData`), with CDK's KEY_READ_ACTIONS and KEY_WRITE_ACTIONS, i.e.
 * {@link KEY_USAGE_ACTIONS}: DynamoDB uses the key on the caller's behalf,
 * and its guide names no narrower set.
 */
export function grantTableReadWrite(table: Encrypted & { readonly tableArn: string }): Grant {
  return [
    { Effect: "Allow", Action: [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS], Resource: tableResources(table.tableArn) },
    ...keyStatements(table, KEY_USAGE_ACTIONS),
  ];
}

/**
 * Read a table's stream (Lambda event source mappings, EventBridge Pipes):
 * `dynamodb:DescribeStream`, `GetRecords`, `GetShardIterator` on the stream,
 * `dynamodb:ListStreams` on `*` (it has no resource-level permissions) and
 * `kms:Decrypt`, `kms:DescribeKey` (aws-cdk-lib aws-dynamodb/lib/stream-grants.ts `read`).
 */
export function grantTableStreamRead(stream: Encrypted & { readonly streamArn: string }): Grant {
  return [
    { Effect: "Allow", Action: ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"], Resource: stream.streamArn },
    { Effect: "Allow", Action: "dynamodb:ListStreams", Resource: "*" },
    ...keyStatements(stream, TABLE_KEY_READ_ACTIONS),
  ];
}

/** The bucket (for listing) and its objects, as aws-cdk-lib grants on both. */
const bucketResources = (bucketArn: string) => [bucketArn, `${bucketArn}/*`];

/**
 * Read objects (any version) and list the bucket, with `kms:Decrypt`
 * (aws-cdk-lib aws-s3/lib/bucket-grants.ts `read`). CDK's `s3:GetObject*`,
 * `s3:GetBucket*` and `s3:List*` also reach ACLs, policies and
 * configuration; these are the data reads.
 */
export function grantBucketRead(bucket: Encrypted & { readonly bucketArn: string }): Grant {
  return [
    { Effect: "Allow", Action: ["s3:GetObject", "s3:GetObjectVersion", "s3:ListBucket", "s3:GetBucketLocation"], Resource: bucketResources(bucket.bucketArn) },
    ...keyStatements(bucket, ["kms:Decrypt"]),
  ];
}

/**
 * Write, tag and delete objects and abort multipart uploads, with
 * `kms:GenerateDataKey` (SSE-KMS on PutObject) and `kms:Decrypt` (multipart
 * uploads, as CDK's perms.ts notes). After aws-cdk-lib bucket-grants.ts
 * `write`, without its Object Lock actions (`PutObjectLegalHold`,
 * `PutObjectRetention`) and without `s3:DeleteObjectVersion`: permanent
 * deletion of versions would defeat versioning, so it stays a separate,
 * visible grant.
 */
export function grantBucketWrite(bucket: Encrypted & { readonly bucketArn: string }): Grant {
  return [
    {
      Effect: "Allow",
      Action: ["s3:PutObject", "s3:PutObjectTagging", "s3:AbortMultipartUpload", "s3:DeleteObject", "s3:DeleteObjectTagging"],
      Resource: bucketResources(bucket.bucketArn),
    },
    ...keyStatements(bucket, ["kms:GenerateDataKey", "kms:Decrypt"]),
  ];
}

/**
 * Use a key directly (client-side encryption, envelope encryption):
 * {@link KEY_USAGE_ACTIONS} on the key, aws-cdk-lib aws-kms `grantEncryptDecrypt`
 * spelled out.
 */
export function grantKeyUse(keyArn: string): Grant {
  return [{ Effect: "Allow", Action: KEY_USAGE_ACTIONS, Resource: keyArn }];
}

/**
 * Put events on a bus: `events:PutEvents` on the bus ARN (aws-cdk-lib
 * aws-events/lib/event-bus.ts `grantPutEventsTo`). No KMS statement even for
 * a bus with a customer-managed key: EventBridge encrypts under its own
 * service principal, which the key policy admits (EventBridge User Guide,
 * "Permissions by scenario": a producer needs only the publish action).
 */
export function grantBusPutEvents(bus: { readonly busArn: string }): Grant {
  return [{ Effect: "Allow", Action: "events:PutEvents", Resource: bus.busArn }];
}
