import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import type { TerraformResource } from "cdktf";
import { Construct } from "constructs";
import { check, matches, maxLength, validateProps } from "../validate";
import { policyDocument, PolicyStatement, serviceTrustPolicy } from "./policy-document";

/** Props of a role one AWS service assumes. */
export interface ServiceRoleProps {
  /** Role name (1-64 characters). */
  readonly name: string;
  readonly description: string;
  /** Service principal trusted to assume the role, e.g. `monitoring.rds.amazonaws.com`. */
  readonly service: string;
  /** Account the service must act for (`aws:SourceAccount`); closes the confused-deputy gap. */
  readonly sourceAccountId: string;
  /**
   * IAM path, e.g. `/<deployment>/`, so policies and key grants can name a
   * deployment's roles by `role/<deployment>/*`.
   * @default none: IAM's `/`, the path every existing role has (changing it replaces the role)
   */
  readonly path?: string;
  /** One inline policy, usually built from `grants.ts`. @default none */
  readonly inlinePolicy?: { readonly name: string; readonly statements: readonly PolicyStatement[] };
  /**
   * Managed policies to attach, by construct id: ids, not list positions, so
   * removing one never renames (replaces) the others' attachments.
   * @default none
   */
  readonly managedPolicyArns?: Readonly<Record<string, string>>;
  /** Managed policy capping what the role can ever be granted. @default none */
  readonly permissionsBoundaryArn?: string;
}

/**
 * An IAM role trusted by exactly one AWS service on behalf of one account,
 * with its permissions as an inline policy and managed attachments.
 */
export class ServiceRole extends Construct {
  /** ARN to hand to the service (e.g. `monitoring_role_arn`). */
  readonly roleArn: string;
  /** Name, for policies attached elsewhere. */
  readonly roleName: string;
  /**
   * The role, its inline policy and its attachments. A resource the service
   * validates at creation (an EventBridge pipe checks its source and dead-letter
   * queue) depends on these, so it never meets the role before its permissions.
   */
  readonly withPermissions: TerraformResource[];

  constructor(scope: Construct, id: string, props: ServiceRoleProps) {
    super(scope, id);
    validateProps(this, [
      check("name", props.name, matches(/^[\w+=,.@-]{1,64}$/, "must be 1-64 letters, digits and +=,.@_- (IAM role names)")),
      check("path", props.path, matches(/^\/$|^\/[\x21-\x7E]{1,510}\/$/, "must be / or start and end with / around printable ASCII, at most 512 characters (IAM paths)")),
      check("description", props.description, maxLength(1000, "IAM role descriptions")),
      check("service", props.service, matches(/^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com$/, "must be an AWS service principal such as monitoring.rds.amazonaws.com")),
    ]);
    const role = new IamRole(this, "Role", {
      name: props.name,
      path: props.path,
      description: props.description,
      assumeRolePolicy: serviceTrustPolicy(props.service, props.sourceAccountId),
      permissionsBoundary: props.permissionsBoundaryArn,
    });
    this.withPermissions = [role];
    if (props.inlinePolicy) {
      this.withPermissions.push(new IamRolePolicy(this, "InlinePolicy", {
        role: role.name,
        name: props.inlinePolicy.name,
        policy: policyDocument(props.inlinePolicy.statements),
      }));
    }
    for (const [attachmentId, policyArn] of Object.entries(props.managedPolicyArns ?? {})) {
      this.withPermissions.push(new IamRolePolicyAttachment(this, attachmentId, { role: role.name, policyArn }));
    }
    this.roleArn = role.arn;
    this.roleName = role.name;
  }
}
