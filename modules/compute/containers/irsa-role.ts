import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Construct } from "constructs";
import { policyDocument, type PolicyStatement } from "../../iam/policy-document";
import { check, matches, validateProps } from "../../validate";

/** Props of a role one Kubernetes service account assumes (IRSA). */
export interface IrsaRoleProps {
  readonly name: string;
  readonly description: string;
  /** The cluster's IAM OIDC provider. */
  readonly providerArn: string;
  /** Its issuer without `https://` (IrsaProvider.issuerHost). */
  readonly issuerHost: string;
  readonly namespace: string;
  readonly serviceAccount: string;
  /** IAM path, `/<deployment>/`. */
  readonly path: string;
  /** @default none */
  readonly inlinePolicy?: { readonly name: string; readonly statements: readonly PolicyStatement[] };
  /** AWS managed policies by construct id. @default none */
  readonly managedPolicyArns?: Readonly<Record<string, string>>;
}

/**
 * An IAM role only one service account of one cluster can assume: the trust
 * policy names the cluster's OIDC provider and requires, with StringEquals,
 * the exact subject `system:serviceaccount:<namespace>:<name>` and the
 * audience `sts.amazonaws.com` (EKS guide, "Assign IAM roles to Kubernetes
 * service accounts").
 */
export class IrsaRole extends Construct {
  readonly roleArn: string;

  constructor(scope: Construct, id: string, props: IrsaRoleProps) {
    super(scope, id);
    const k8sName = matches(/^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?$/, "must be a Kubernetes name (lowercase letters, digits, . and -)");
    validateProps(this, [
      check("name", props.name, matches(/^[\w+=,.@-]{1,64}$/, "must be 1-64 letters, digits and +=,.@_- (IAM role names)")),
      check("namespace", props.namespace, k8sName),
      check("serviceAccount", props.serviceAccount, k8sName),
    ]);
    const role = new IamRole(this, "Role", {
      name: props.name,
      path: props.path,
      description: props.description,
      assumeRolePolicy: policyDocument([{
        Effect: "Allow",
        Principal: { Federated: props.providerArn },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          StringEquals: {
            [`${props.issuerHost}:sub`]: `system:serviceaccount:${props.namespace}:${props.serviceAccount}`,
            [`${props.issuerHost}:aud`]: "sts.amazonaws.com",
          },
        },
      }]),
    });
    if (props.inlinePolicy) {
      new IamRolePolicy(this, "InlinePolicy", { role: role.name, name: props.inlinePolicy.name, policy: policyDocument(props.inlinePolicy.statements) });
    }
    for (const [attachmentId, policyArn] of Object.entries(props.managedPolicyArns ?? {})) {
      new IamRolePolicyAttachment(this, attachmentId, { role: role.name, policyArn });
    }
    this.roleArn = role.arn;
  }
}
