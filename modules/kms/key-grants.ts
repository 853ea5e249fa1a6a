import type { PolicyStatement } from "../iam/policy-document";

/**
 * What a grant to use (not administer) a key allows: encrypt, decrypt and
 * data keys. aws-cdk-lib's `grantEncryptDecrypt` with its `kms:ReEncrypt*`
 * and `kms:GenerateDataKey*` wildcards spelled out (data key pairs left out:
 * nothing here asks for them), plus `kms:DescribeKey`, which services call
 * before using a customer-managed key.
 */
export const KEY_USAGE_ACTIONS: readonly string[] = [
  "kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo",
  "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey",
];

/** Props of a key-policy statement letting one AWS service use the key. */
export interface ServiceKeyUseProps {
  readonly sid: string;
  /** Service principal, e.g. `logs.us-east-1.amazonaws.com`. */
  readonly service: string;
  /**
   * Encryption-context key the service sets (without `kms:EncryptionContext:`)
   * and the ARN pattern its value must match, so the service can use the key
   * only for this account's resources, e.g. `aws:logs:arn` and
   * `arn:aws:logs:<region>:<account>:log-group:*`.
   */
  readonly encryptionContext: { readonly key: string; readonly arnLike: string };
}

/** Key-policy statement: one service may use the key, only under the given encryption context. */
export function serviceKeyUse(props: ServiceKeyUseProps): PolicyStatement {
  return {
    Sid: props.sid,
    Effect: "Allow",
    Principal: { Service: props.service },
    Action: KEY_USAGE_ACTIONS,
    Resource: "*",
    Condition: { ArnLike: { [`kms:EncryptionContext:${props.encryptionContext.key}`]: props.encryptionContext.arnLike } },
  };
}

/** Props of a key-policy statement for the roles of one deployment. */
export interface DeploymentRolesKeyUseProps {
  readonly sid: string;
  readonly partition: string;
  readonly accountId: string;
  /** What every role name of the deployment starts with, e.g. `commerce-prod-` (lib/naming.ts). */
  readonly roleNamePrefix: string;
  /** IAM path of those roles. @default "/" (roles without a path) */
  readonly rolePath?: string;
}

/**
 * Key-policy statement: the account's roles whose ARN matches
 * `role<path><prefix>*` may use the key. The principal is the account root
 * with an `aws:PrincipalArn` condition, so roles created later are covered
 * without editing the key policy, and roles of other deployments are not.
 */
export function deploymentRolesKeyUse(props: DeploymentRolesKeyUseProps): PolicyStatement {
  const iam = `arn:${props.partition}:iam::${props.accountId}`;
  return {
    Sid: props.sid,
    Effect: "Allow",
    Principal: { AWS: `${iam}:root` },
    Action: KEY_USAGE_ACTIONS,
    Resource: "*",
    Condition: { ArnLike: { "aws:PrincipalArn": `${iam}:role${props.rolePath ?? "/"}${props.roleNamePrefix}*` } },
  };
}

/** Props of the key-policy statements letting EventBridge encrypt the events of some buses. */
export interface EventBusKeyUseProps {
  /** Account owning the buses (`aws:SourceAccount`). */
  readonly accountId: string;
  /** The buses encrypted with the key. Built from their names, since the key exists before them. */
  readonly busArns: readonly string[];
}

/**
 * Key-policy statements for buses encrypted with the key (EventBridge User
 * Guide, "Authorizing EventBridge to use a customer managed key"):
 * `kms:DescribeKey` to validate the key, and `kms:GenerateDataKey` and
 * `kms:Decrypt` only for these buses, by `aws:SourceArn` and the bus
 * encryption context, all for this account only. Producers need no KMS
 * permission: EventBridge uses the key under its own principal.
 */
export function eventBusKeyUse(props: EventBusKeyUseProps): PolicyStatement[] {
  const principal = { Service: "events.amazonaws.com" };
  return [
    {
      Sid: "EventBridgeValidatesKey", Effect: "Allow", Principal: principal, Action: "kms:DescribeKey", Resource: "*",
      Condition: { StringEquals: { "aws:SourceAccount": props.accountId } },
    },
    {
      Sid: "EventBridgeEncryptsBuses", Effect: "Allow", Principal: principal, Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: "*",
      Condition: {
        StringEquals: {
          "aws:SourceAccount": props.accountId,
          "aws:SourceArn": props.busArns,
          "kms:EncryptionContext:aws:events:event-bus:arn": props.busArns,
        },
      },
    },
  ];
}

/** Props of a key-policy statement letting one AWS service publish to encrypted topics. */
export interface TopicPublisherKeyUseProps {
  readonly sid: string;
  /** Service principal, e.g. `cloudwatch.amazonaws.com`. */
  readonly service: string;
  /** Account the service publishes for (`aws:SourceAccount`). */
  readonly accountId: string;
  /** The topics it publishes to (SNS's `aws:sns:topicArn` encryption context). */
  readonly topicArns: readonly string[];
}

/**
 * Key-policy statement: a service publishing to SNS topics encrypted with
 * the key gets `kms:GenerateDataKey` and `kms:Decrypt` (SNS Developer Guide,
 * "Enable compatibility between event sources from AWS services and
 * encrypted topics"), only for these topics and this account.
 */
export function topicPublisherKeyUse(props: TopicPublisherKeyUseProps): PolicyStatement {
  return {
    Sid: props.sid,
    Effect: "Allow",
    Principal: { Service: props.service },
    Action: ["kms:GenerateDataKey", "kms:Decrypt"],
    Resource: "*",
    Condition: { StringEquals: { "aws:SourceAccount": props.accountId, "kms:EncryptionContext:aws:sns:topicArn": props.topicArns } },
  };
}
