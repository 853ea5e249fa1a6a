import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { policyDocument } from "../../iam/policy-document";
import { check, matches, validateProps } from "../../validate";

/** Props of the role managed nodes run as. */
export interface EksNodeRoleProps {
  readonly name: string;
  readonly clusterName: string;
  readonly partition: string;
}

/**
 * The role of a cluster's managed nodes, with exactly the managed policies a
 * node needs: AmazonEKSWorkerNodePolicy (join the cluster) and
 * AmazonEC2ContainerRegistryPullOnly (pull images; narrower than ReadOnly).
 * AmazonEKS_CNI_Policy is left off the nodes: the VPC CNI gets it through its
 * own IRSA role, so no pod can borrow the node's network permissions. The
 * trust policy names ec2.amazonaws.com without a source condition, as
 * modules/iam/instance-role.ts explains; EKS makes the instance profile.
 */
export class EksNodeRole extends Construct {
  readonly roleArn: string;
  /** The attachments: node groups depend on them, so nodes never boot without permission to join. */
  readonly permissions: ITerraformDependable[];

  constructor(scope: Construct, id: string, props: EksNodeRoleProps) {
    super(scope, id);
    validateProps(this, [check("name", props.name, matches(/^[\w+=,.@-]{1,64}$/, "must be 1-64 letters, digits and +=,.@_- (IAM role names)"))]);
    const role = new IamRole(this, "Role", {
      name: props.name,
      description: `Managed nodes of the EKS cluster ${props.clusterName}`,
      assumeRolePolicy: policyDocument([{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }]),
    });
    const managed = { WorkerNodePolicy: "AmazonEKSWorkerNodePolicy", RegistryPullOnly: "AmazonEC2ContainerRegistryPullOnly" };
    this.permissions = Object.entries(managed).map(([attachmentId, policy]) =>
      new IamRolePolicyAttachment(this, attachmentId, { role: role.name, policyArn: `arn:${props.partition}:iam::aws:policy/${policy}` }));
    this.roleArn = role.arn;
  }
}
