import { IamInstanceProfile } from "@cdktf/provider-aws/lib/iam-instance-profile";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { check, matches, maxLength, validateProps } from "../validate";
import { policyDocument, PolicyStatement } from "./policy-document";

/** Props of an EC2 instance role and its instance profile. */
export interface InstanceRoleProps {
  /** Name of both the role and the profile (1-64 characters). */
  readonly name: string;
  readonly description: string;
  /** One inline policy, usually built from the grant helpers. @default none */
  readonly inlinePolicy?: { readonly name: string; readonly statements: readonly PolicyStatement[] };
  /** Managed policies to attach, by construct id (ids, not positions, so removing one never replaces the others). @default none */
  readonly managedPolicyArns?: Readonly<Record<string, string>>;
}

/**
 * The role an EC2 host runs as, and the instance profile that hands it to
 * the host. The trust policy names ec2.amazonaws.com without the
 * `aws:SourceAccount` condition ServiceRole adds: EC2 does not document
 * that key for the role assumption behind instance-profile credentials, and a
 * condition it never sends would leave the host without credentials. Who may
 * attach the profile to a host is governed by `iam:PassRole` instead.
 */
export class InstanceRole extends Construct {
  readonly roleArn: string;
  readonly roleName: string;
  readonly instanceProfileArn: string;
  /** The inline policy and attachments: `depends_on` of whatever starts a host, so it never boots before its permissions. */
  readonly permissions: ITerraformDependable[] = [];

  constructor(scope: Construct, id: string, props: InstanceRoleProps) {
    super(scope, id);
    validateProps(this, [
      check("name", props.name, matches(/^[\w+=,.@-]{1,64}$/, "must be 1-64 letters, digits and +=,.@_- (IAM role names)")),
      check("description", props.description, maxLength(1000, "IAM role descriptions")),
    ]);
    const role = new IamRole(this, "Role", {
      name: props.name,
      description: props.description,
      assumeRolePolicy: policyDocument([{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }]),
    });
    if (props.inlinePolicy) {
      this.permissions.push(new IamRolePolicy(this, "InlinePolicy", { role: role.name, name: props.inlinePolicy.name, policy: policyDocument(props.inlinePolicy.statements) }));
    }
    for (const [attachmentId, policyArn] of Object.entries(props.managedPolicyArns ?? {})) {
      this.permissions.push(new IamRolePolicyAttachment(this, attachmentId, { role: role.name, policyArn }));
    }
    const profile = new IamInstanceProfile(this, "Profile", { name: props.name, role: role.name });
    this.roleArn = role.arn;
    this.roleName = role.name;
    this.instanceProfileArn = profile.arn;
  }
}
