import { describe, expect, it } from "vitest";
import {
  grantBucketRead, grantBucketWrite, grantKeyUse, grantQueueConsume, grantQueueSend, grantSecretRead,
  grantBusPutEvents, grantTableRead, grantTableReadWrite, grantTableStreamRead,
} from "../../modules/iam/grants";
import { ServiceRole, ServiceRoleProps } from "../../modules/iam/service-role";
import { KEY_USAGE_ACTIONS } from "../../modules/kms/key-grants";
import { problemsOf, synthOf } from "../support/modules";
import { policy } from "../support/synth";

const ROLE: ServiceRoleProps = { name: "commerce-prod-exporter", description: "Exports", service: "lambda.amazonaws.com", sourceAccountId: "111122223333" };
const KEY = "arn:aws:kms:us-west-2:111122223333:key/data";

describe("ServiceRole", () => {
  it("trusts one service for one account, with no path unless given", () => {
    const json = synthOf((s) => new ServiceRole(s, "Role", ROLE));
    const [role] = Object.values(json.resource.aws_iam_role);
    expect(role.path).toBeUndefined();
    expect(role.permissions_boundary).toBeUndefined();
    expect(policy(role.assume_role_policy).Statement).toEqual([{
      Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole",
      Condition: { StringEquals: { "aws:SourceAccount": "111122223333" } },
    }]);
    expect(json.resource.aws_iam_role_policy).toBeUndefined();
    expect(json.resource.aws_iam_role_policy_attachment).toBeUndefined();
  });

  it("lists the role with its inline policy and attachments for resources that must wait for them", () => {
    let role: ServiceRole | undefined;
    synthOf((s) => {
      role = new ServiceRole(s, "Role", { ...ROLE, inlinePolicy: { name: "p", statements: grantQueueSend({ queueArn: "arn:q" }) }, managedPolicyArns: { Basic: "arn:aws:iam::aws:policy/basic" } });
    });
    expect(role!.withPermissions.map((r) => r.terraformResourceType))
      .toEqual(["aws_iam_role", "aws_iam_role_policy", "aws_iam_role_policy_attachment"]);
  });

  it("takes a deployment path, an inline policy, managed policies by id and a permissions boundary", () => {
    const statements = grantQueueSend({ queueArn: "arn:aws:sqs:us-west-2:111122223333:orders" });
    const json = synthOf((s) => new ServiceRole(s, "Role", {
      ...ROLE, path: "/commerce-prod/", inlinePolicy: { name: "send-orders", statements },
      managedPolicyArns: { Basic: "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole" },
      permissionsBoundaryArn: "arn:aws:iam::111122223333:policy/boundary",
    }));
    const [role] = Object.values(json.resource.aws_iam_role);
    expect(role.path).toBe("/commerce-prod/");
    expect(role.permissions_boundary).toBe("arn:aws:iam::111122223333:policy/boundary");
    const [inline] = Object.values(json.resource.aws_iam_role_policy);
    expect(inline.name).toBe("send-orders");
    expect(policy(inline.policy).Statement).toEqual(statements);
    expect(Object.keys(json.resource.aws_iam_role_policy_attachment)).toEqual([expect.stringMatching(/^Role_Basic_/)]);
  });

  it.each([
    ["name longer than 64", { name: "r".repeat(65) }, `test/Role: name = "${"r".repeat(65)}": must be 1-64 letters, digits and +=,.@_- (IAM role names)`],
    ["name character", { name: "commerce prod" }, 'test/Role: name = "commerce prod": must be 1-64 letters, digits and +=,.@_- (IAM role names)'],
    ["path without trailing slash", { path: "/commerce-prod" }, 'test/Role: path = "/commerce-prod": must be / or start and end with / around printable ASCII, at most 512 characters (IAM paths)'],
    ["path with a space", { path: "/commerce prod/" }, 'test/Role: path = "/commerce prod/": must be / or start and end with / around printable ASCII, at most 512 characters (IAM paths)'],
    ["description", { description: "d".repeat(1001) }, `test/Role: description = "${"d".repeat(1001)}": must be at most 1000 characters (IAM role descriptions)`],
    ["service", { service: "lambda" }, 'test/Role: service = "lambda": must be an AWS service principal such as monitoring.rds.amazonaws.com'],
  ])("refuses a bad %s", (_case, bad, message) => {
    expect(problemsOf((s) => new ServiceRole(s, "Role", { ...ROLE, ...bad }))).toEqual([message]);
  });
});

describe("grants", () => {
  it("secret read: value and description, decrypt only through Secrets Manager", () => {
    expect(grantSecretRead({ secretArn: "arn:secret", kmsKeyArn: KEY, region: "us-west-2" })).toEqual([
      { Effect: "Allow", Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], Resource: "arn:secret" },
      { Effect: "Allow", Action: ["kms:Decrypt"], Resource: KEY, Condition: { StringEquals: { "kms:ViaService": "secretsmanager.us-west-2.amazonaws.com" } } },
    ]);
  });

  it("queue send: SendMessage with the attributes CDK adds, GenerateDataKey and Decrypt", () => {
    expect(grantQueueSend({ queueArn: "arn:queue", kmsKeyArn: KEY })).toEqual([
      { Effect: "Allow", Action: ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"], Resource: "arn:queue" },
      { Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: KEY },
    ]);
  });

  it("queue consume: receive, change visibility, delete; Decrypt", () => {
    expect(grantQueueConsume({ queueArn: "arn:queue", kmsKeyArn: KEY })).toEqual([
      { Effect: "Allow", Action: ["sqs:ReceiveMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueUrl", "sqs:DeleteMessage", "sqs:GetQueueAttributes"], Resource: "arn:queue" },
      { Effect: "Allow", Action: ["kms:Decrypt"], Resource: KEY },
    ]);
  });

  it("table read and read-write: the table and its indexes", () => {
    const read = ["dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:GetItem", "dynamodb:Scan", "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable"];
    const resources = ["arn:table", "arn:table/index/*"];
    expect(grantTableRead({ tableArn: "arn:table", kmsKeyArn: KEY })).toEqual([
      { Effect: "Allow", Action: read, Resource: resources },
      { Effect: "Allow", Action: ["kms:Decrypt", "kms:DescribeKey"], Resource: KEY },
    ]);
    expect(grantTableReadWrite({ tableArn: "arn:table", kmsKeyArn: KEY })).toEqual([
      { Effect: "Allow", Action: [...read, "dynamodb:BatchWriteItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"], Resource: resources },
      { Effect: "Allow", Action: KEY_USAGE_ACTIONS, Resource: KEY },
    ]);
  });

  it("stream read: the stream, ListStreams on * (no resource-level permission), Decrypt", () => {
    expect(grantTableStreamRead({ streamArn: "arn:stream", kmsKeyArn: KEY })).toEqual([
      { Effect: "Allow", Action: ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"], Resource: "arn:stream" },
      { Effect: "Allow", Action: "dynamodb:ListStreams", Resource: "*" },
      { Effect: "Allow", Action: ["kms:Decrypt", "kms:DescribeKey"], Resource: KEY },
    ]);
  });

  it("bucket read and write: the bucket and its objects", () => {
    expect(grantBucketRead({ bucketArn: "arn:bucket", kmsKeyArn: KEY })).toEqual([
      { Effect: "Allow", Action: ["s3:GetObject", "s3:GetObjectVersion", "s3:ListBucket", "s3:GetBucketLocation"], Resource: ["arn:bucket", "arn:bucket/*"] },
      { Effect: "Allow", Action: ["kms:Decrypt"], Resource: KEY },
    ]);
    expect(grantBucketWrite({ bucketArn: "arn:bucket", kmsKeyArn: KEY })).toEqual([
      { Effect: "Allow", Action: ["s3:PutObject", "s3:PutObjectTagging", "s3:AbortMultipartUpload", "s3:DeleteObject", "s3:DeleteObjectTagging"], Resource: ["arn:bucket", "arn:bucket/*"] },
      { Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: KEY },
    ]);
  });

  it("bus put events: PutEvents on the bus and no KMS statement (EventBridge uses a bus's key under its own principal)", () => {
    expect(grantBusPutEvents({ busArn: "arn:bus" })).toEqual([{ Effect: "Allow", Action: "events:PutEvents", Resource: "arn:bus" }]);
  });

  it("key use: encrypt, decrypt and data keys on the key", () => {
    expect(grantKeyUse(KEY)).toEqual([{ Effect: "Allow", Action: KEY_USAGE_ACTIONS, Resource: KEY }]);
  });

  it("adds no KMS statement without a customer-managed key", () => {
    for (const statements of [
      grantSecretRead({ secretArn: "arn:secret", region: "us-west-2" }), grantQueueSend({ queueArn: "arn:q" }), grantQueueConsume({ queueArn: "arn:q" }),
      grantTableRead({ tableArn: "arn:t" }), grantTableReadWrite({ tableArn: "arn:t" }), grantBucketRead({ bucketArn: "arn:b" }), grantBucketWrite({ bucketArn: "arn:b" }),
    ]) {
      expect(statements.flatMap((s) => s.Action).filter((a) => a.startsWith("kms:"))).toEqual([]);
    }
    expect(grantTableStreamRead({ streamArn: "arn:s" })).toHaveLength(2);
  });
});
