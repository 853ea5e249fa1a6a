import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
import { Construct } from "constructs";
import { check, matches, validateProps } from "../validate";

/** The state backend of one region of the account, as the boundary protects it. */
export interface ProtectedState {
  readonly region: string;
  readonly bucket: string;
  readonly lockTable: string;
}

/** Props of the permissions boundary of the account's apply roles. */
export interface ApplyBoundaryProps {
  /** Policy name (1-128 characters). */
  readonly name: string;
  readonly accountId: string;
  readonly partition: string;
  /** Role names the apply roles may not change: the GitHub deploy roles themselves (IAM wildcards allowed, e.g. `github-*`). */
  readonly protectedRoleNames: readonly string[];
  /** ARN of the account's GitHub OIDC provider. */
  readonly oidcProviderArn: string;
  /** The account's state buckets and lock tables, one per region. */
  readonly state: readonly ProtectedState[];
}

/**
 * Permissions boundary of every apply role in the account: the most an apply
 * role can ever do, whatever policy is attached to it. It allows every
 * action except Organizations and account settings (`NotAction`, which is
 * how a boundary says "everything but"), and denies what would let a
 * compromised apply escape review or erase its traces: changing the deploy
 * roles, the OIDC provider or this boundary; IAM users and access keys
 * (no static credentials anywhere); deleting or re-policing the state
 * buckets and lock tables. The account's governance stack is therefore
 * applied by an administrator, as the state bootstrap is (docs/governance.md).
 */
export class ApplyBoundary extends Construct {
  readonly arn: string;

  constructor(scope: Construct, id: string, props: ApplyBoundaryProps) {
    super(scope, id);
    validateProps(this, [check("name", props.name, matches(/^[\w+=,.@-]{1,128}$/, "must be 1-128 letters, digits and +=,.@_- (IAM policy names)"))]);
    const iam = (resource: string) => `arn:${props.partition}:iam::${props.accountId}:${resource}`;
    const policyArn = iam(`policy/${props.name}`);
    const policy = new IamPolicy(this, "Policy", {
      name: props.name,
      description: "Permissions boundary of the GitHub apply roles: no Organizations, no IAM users or keys, no changes to deploy roles or state storage",
      // Written out rather than through policyDocument: PolicyStatement has no NotAction, which only a boundary needs.
      policy: JSON.stringify({ Version: "2012-10-17", Statement: [
        { Sid: "EverythingButOrganizations", Effect: "Allow", NotAction: ["organizations:*", "account:*"], Resource: "*" },
        {
          Sid: "DeployRolesUnchanged", Effect: "Deny",
          Action: [
            "iam:AttachRolePolicy", "iam:CreateRole", "iam:DeleteRole", "iam:DeleteRolePermissionsBoundary", "iam:DeleteRolePolicy",
            "iam:DetachRolePolicy", "iam:PutRolePermissionsBoundary", "iam:PutRolePolicy", "iam:TagRole", "iam:UntagRole",
            "iam:UpdateAssumeRolePolicy", "iam:UpdateRole", "iam:UpdateRoleDescription",
          ],
          Resource: props.protectedRoleNames.map((name) => iam(`role/${name}`)),
        },
        {
          Sid: "BoundaryAndProviderUnchanged", Effect: "Deny",
          Action: [
            "iam:CreatePolicyVersion", "iam:DeletePolicy", "iam:DeletePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:TagPolicy", "iam:UntagPolicy",
            "iam:AddClientIDToOpenIDConnectProvider", "iam:DeleteOpenIDConnectProvider", "iam:RemoveClientIDFromOpenIDConnectProvider",
            "iam:TagOpenIDConnectProvider", "iam:UntagOpenIDConnectProvider", "iam:UpdateOpenIDConnectProviderThumbprint",
          ],
          Resource: [policyArn, props.oidcProviderArn],
        },
        {
          Sid: "NoStaticCredentials", Effect: "Deny",
          Action: ["iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:CreateUser", "iam:UpdateLoginProfile"],
          Resource: "*",
        },
        {
          Sid: "StateStorageKept", Effect: "Deny",
          Action: [
            "s3:DeleteBucket", "s3:DeleteBucketPolicy", "s3:PutBucketPolicy", "s3:PutBucketVersioning", "s3:PutLifecycleConfiguration",
            "s3:PutEncryptionConfiguration", "s3:PutBucketPublicAccessBlock", "dynamodb:DeleteTable", "dynamodb:UpdateTable",
          ],
          Resource: props.state.flatMap((s) => [
            `arn:${props.partition}:s3:::${s.bucket}`,
            `arn:${props.partition}:dynamodb:${s.region}:${props.accountId}:table/${s.lockTable}`,
          ]),
        },
      ] }),
    });
    this.arn = policy.arn;
  }
}
