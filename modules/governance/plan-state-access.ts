import type { PolicyStatement } from "../iam/policy-document";

/** One region's state backend as the plan role reaches it. */
export interface PlanStateLocation {
  readonly region: string;
  readonly bucket: string;
  readonly lockTable: string;
  /** ARN of the key encrypting the bucket and table. */
  readonly keyArn: string;
}

/**
 * What a plan needs beyond `ReadOnlyAccess` (docs/delivery.md): read the
 * state objects, write and delete only lock files (`*.tflock`) and lock
 * items (the plan step of an apply takes the lock), use the state key, and
 * read the values of secrets this repository manages (refreshing a secret
 * version reads it; the provider's default tags put `managed-by =
 * <managedBy>` on every one).
 */
export function planStateAccess(state: readonly PlanStateLocation[], accountId: string, partition: string, managedBy: string): PolicyStatement[] {
  return [
    {
      Sid: "ReadState", Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket"],
      Resource: state.flatMap((s) => [`arn:${partition}:s3:::${s.bucket}`, `arn:${partition}:s3:::${s.bucket}/*`]),
    },
    { Sid: "TakeStateLocks", Effect: "Allow", Action: ["s3:DeleteObject", "s3:PutObject"], Resource: state.map((s) => `arn:${partition}:s3:::${s.bucket}/*.tflock`) },
    {
      Sid: "LockTable", Effect: "Allow", Action: ["dynamodb:DeleteItem", "dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:PutItem"],
      Resource: state.map((s) => `arn:${partition}:dynamodb:${s.region}:${accountId}:table/${s.lockTable}`),
    },
    { Sid: "StateKey", Effect: "Allow", Action: ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey"], Resource: state.map((s) => s.keyArn) },
    {
      Sid: "RefreshManagedSecrets", Effect: "Allow", Action: "secretsmanager:GetSecretValue",
      Resource: state.map((s) => `arn:${partition}:secretsmanager:${s.region}:${accountId}:secret:*`),
      Condition: { StringEquals: { "secretsmanager:ResourceTag/managed-by": managedBy } },
    },
  ];
}
