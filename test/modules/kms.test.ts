import { describe, expect, it } from "vitest";
import { deploymentRolesKeyUse, eventBusKeyUse, KEY_USAGE_ACTIONS, serviceKeyUse, topicPublisherKeyUse } from "../../modules/kms/key-grants";
import { KmsKey, KmsKeyProps } from "../../modules/kms/kms-key";
import { problemsOf } from "../support/modules";

const KEY: KmsKeyProps = { alias: "commerce-prod-data", description: "Data", accountId: "111122223333", partition: "aws" };

describe("KmsKey", () => {
  it.each([
    ["alias under aws/", { alias: "aws/rds" }, 'test/Key: alias = "aws/rds": must be 1-250 letters, digits and /_- after alias/, not starting with aws/ (KMS alias names)'],
    ["alias character", { alias: "commerce prod" }, 'test/Key: alias = "commerce prod": must be 1-250 letters, digits and /_- after alias/, not starting with aws/ (KMS alias names)'],
    ["description", { description: "d".repeat(8193) }, `test/Key: description = "${"d".repeat(8193)}": must be at most 8192 characters (KMS key descriptions)`],
    ["deletion window below 7", { deletionWindowInDays: 6 }, "test/Key: deletionWindowInDays = 6: must be a whole number from 7 to 30 (KMS key deletion waiting period)"],
    ["deletion window above 30", { deletionWindowInDays: 31 }, "test/Key: deletionWindowInDays = 31: must be a whole number from 7 to 30 (KMS key deletion waiting period)"],
  ])("refuses a bad %s", (_case, bad, message) => {
    expect(problemsOf((s) => new KmsKey(s, "Key", { ...KEY, ...bad }))).toEqual([message]);
  });
});

describe("key-policy statements", () => {
  it("lets one service use the key only under its encryption context", () => {
    expect(serviceKeyUse({
      sid: "CloudWatchLogsUse", service: "logs.us-west-2.amazonaws.com",
      encryptionContext: { key: "aws:logs:arn", arnLike: "arn:aws:logs:us-west-2:111122223333:log-group:*" },
    })).toEqual({
      Sid: "CloudWatchLogsUse", Effect: "Allow", Principal: { Service: "logs.us-west-2.amazonaws.com" }, Action: KEY_USAGE_ACTIONS, Resource: "*",
      Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-west-2:111122223333:log-group:*" } },
    });
  });

  it("lets the roles of one deployment use the key, by name prefix and, when given, path", () => {
    const statement = (rolePath?: string) => deploymentRolesKeyUse({ sid: "SystemRolesUse", partition: "aws", accountId: "111122223333", roleNamePrefix: "commerce-prod-", rolePath });
    expect(statement()).toEqual({
      Sid: "SystemRolesUse", Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: KEY_USAGE_ACTIONS, Resource: "*",
      Condition: { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/commerce-prod-*" } },
    });
    expect(statement("/commerce-prod/").Condition).toEqual({ ArnLike: { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/commerce-prod/commerce-prod-*" } });
  });

  it("lets EventBridge validate the key for this account and encrypt only the given buses", () => {
    const buses = ["arn:aws:events:eu-west-1:111122223333:event-bus/domain"];
    expect(eventBusKeyUse({ accountId: "111122223333", busArns: buses })).toEqual([
      {
        Sid: "EventBridgeValidatesKey", Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: "kms:DescribeKey", Resource: "*",
        Condition: { StringEquals: { "aws:SourceAccount": "111122223333" } },
      },
      {
        Sid: "EventBridgeEncryptsBuses", Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: "*",
        Condition: { StringEquals: { "aws:SourceAccount": "111122223333", "aws:SourceArn": buses, "kms:EncryptionContext:aws:events:event-bus:arn": buses } },
      },
    ]);
  });

  it("lets one service publish to encrypted topics, only those topics and this account", () => {
    const topics = ["arn:aws:sns:eu-west-1:111122223333:alarms"];
    expect(topicPublisherKeyUse({ sid: "CloudwatchPublishesToTopics", service: "cloudwatch.amazonaws.com", accountId: "111122223333", topicArns: topics })).toEqual({
      Sid: "CloudwatchPublishesToTopics", Effect: "Allow", Principal: { Service: "cloudwatch.amazonaws.com" }, Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: "*",
      Condition: { StringEquals: { "aws:SourceAccount": "111122223333", "kms:EncryptionContext:aws:sns:topicArn": topics } },
    });
  });
});
