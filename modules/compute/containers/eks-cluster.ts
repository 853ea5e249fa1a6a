import { EksCluster as AwsEksCluster } from "@cdktf/provider-aws/lib/eks-cluster";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Construct } from "constructs";
import { policyDocument } from "../../iam/policy-document";
import { LogGroup } from "../../logs/log-group";
import { suppress } from "../../../policies/suppress";
import { accepted, check, matches, maxLength, validateProps } from "../../validate";

const WORLD = "0.0.0.0/0";

/** Every control-plane log type EKS can send to CloudWatch Logs. */
export const EKS_LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"] as const;

/** Props of an EKS cluster. */
export interface EksClusterProps {
  /** Cluster name (1-100 letters, digits, hyphens and underscores). */
  readonly name: string;
  /** Kubernetes version, e.g. "1.35". */
  readonly version: string;
  readonly roleName: string;
  /** Private subnets of the control plane's network interfaces (at least two AZs). */
  readonly subnetIds: readonly string[];
  /**
   * Networks the public endpoint answers; empty keeps the endpoint private
   * (reachable from the VPC and its peers only).
   * @default none
   */
  readonly publicAccessCidrs?: readonly string[];
  /**
   * Why the API must answer the whole internet: required to list 0.0.0.0/0,
   * and the reason the cluster's EKS.EndpointAccess finding is suppressed with.
   * @default none (0.0.0.0/0 is refused)
   */
  readonly publicAccessRiskReason?: string;
  /** Key envelope-encrypting Kubernetes secrets. */
  readonly secretsKmsKeyArn: string;
  /** Control-plane log group: created before the cluster, which would otherwise create it unencrypted and kept forever. */
  readonly log: { readonly retentionDays: number; readonly kmsKeyArn: string; readonly protect: boolean };
  /** Refuse `terraform destroy` of the cluster (and EKS's own deletion protection). @default true */
  readonly preventDestroy?: boolean;
  readonly partition: string;
}

/**
 * An EKS control plane in standard support (`upgrade_policy` STANDARD:
 * the provider's default, EXTENDED, bills once the version ages), private
 * endpoint, secrets envelope-encrypted with KMS, every log type to an
 * encrypted, retained group, and authentication through access entries only
 * (mode API, no aws-auth ConfigMap, no implicit admin for whoever created it).
 *
 * The cluster role trusts eks.amazonaws.com without a source condition: the
 * EKS guide's trust policy has none and documents no confused-deputy keys for
 * it, and a condition EKS never sends would stop the cluster from creating;
 * `iam:PassRole` governs who may hand it to a cluster. Its permissions are
 * AmazonEKSClusterPolicy, the one managed policy the guide requires, and the
 * use of the secrets key.
 */
export class EksCluster extends Construct {
  readonly name: string;
  readonly arn: string;
  /** `https://oidc.eks.<region>.amazonaws.com/id/<id>`, the IRSA issuer. */
  readonly oidcIssuer: string;
  /** The group EKS creates and attaches to the control plane and to managed nodes. */
  readonly clusterSecurityGroupId: string;
  /** The cluster resource, for the `depends_on` of add-ons. */
  readonly cluster: AwsEksCluster;

  constructor(scope: Construct, id: string, props: EksClusterProps) {
    super(scope, id);
    validateProps(this, [
      check("name", props.name, matches(/^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/, "must be 1-100 letters, digits, hyphens and underscores, starting with a letter or digit (EKS cluster names)")),
      check("version", props.version, matches(/^1\.\d{2}$/, "must be a Kubernetes minor version such as 1.35")),
      check("roleName", props.roleName, maxLength(64, "IAM role names")),
      check("publicAccessCidrs", props.publicAccessCidrs, accepted(props.publicAccessCidrs, (c) => c.includes(WORLD) && !props.publicAccessRiskReason
        ? "must not hold 0.0.0.0/0 without publicAccessRiskReason (the Kubernetes API would answer the whole internet)" : undefined)),
    ]);
    const role = new IamRole(this, "Role", {
      name: props.roleName,
      description: `Control plane of the EKS cluster ${props.name}`,
      assumeRolePolicy: policyDocument([{ Effect: "Allow", Principal: { Service: "eks.amazonaws.com" }, Action: ["sts:AssumeRole", "sts:TagSession"] }]),
    });
    const policy = new IamRolePolicyAttachment(this, "ClusterPolicy", { role: role.name, policyArn: `arn:${props.partition}:iam::aws:policy/AmazonEKSClusterPolicy` });
    // Envelope encryption: EKS uses the key as the cluster role (terraform-aws-eks's cluster_encryption policy, same actions).
    const keyUse = new IamRolePolicy(this, "SecretsKeyPolicy", {
      role: role.name,
      name: "secrets-encryption",
      policy: policyDocument([{ Effect: "Allow", Action: ["kms:Encrypt", "kms:Decrypt", "kms:ListGrants", "kms:DescribeKey"], Resource: props.secretsKmsKeyArn }]),
    });
    const protect = props.preventDestroy ?? true;
    const logs = new LogGroup(this, "Logs", {
      name: `/aws/eks/${props.name}/cluster`, retentionDays: props.log.retentionDays, kmsKeyArn: props.log.kmsKeyArn, deletionProtection: props.log.protect,
    });
    const cidrs = [...(props.publicAccessCidrs ?? [])];
    this.cluster = new AwsEksCluster(this, "Cluster", {
      name: props.name,
      version: props.version,
      roleArn: role.arn,
      vpcConfig: {
        subnetIds: [...props.subnetIds],
        endpointPrivateAccess: true,
        endpointPublicAccess: cidrs.length > 0,
        // Unset, AWS opens a public endpoint to 0.0.0.0/0; with the endpoint off the list is ignored, so it is left out.
        publicAccessCidrs: cidrs.length > 0 ? cidrs : undefined,
      },
      accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: false },
      encryptionConfig: { resources: ["secrets"], provider: { keyArn: props.secretsKmsKeyArn } },
      enabledClusterLogTypes: [...EKS_LOG_TYPES],
      upgradePolicy: { supportType: "STANDARD" },
      deletionProtection: protect,
      dependsOn: [policy, keyUse, logs.logGroup],
      lifecycle: { preventDestroy: protect },
    });
    if (props.publicAccessRiskReason && cidrs.includes(WORLD)) suppress(this.cluster, "EKS.EndpointAccess", `accepted in config (publicAccessRiskReason): ${props.publicAccessRiskReason}`);
    this.name = this.cluster.name;
    this.arn = this.cluster.arn;
    this.oidcIssuer = this.cluster.identity.get(0).oidc.get(0).issuer;
    this.clusterSecurityGroupId = this.cluster.vpcConfig.clusterSecurityGroupId;
  }
}
