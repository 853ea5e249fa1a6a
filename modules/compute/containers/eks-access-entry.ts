import { EksAccessEntry as AwsEksAccessEntry } from "@cdktf/provider-aws/lib/eks-access-entry";
import { EksAccessPolicyAssociation } from "@cdktf/provider-aws/lib/eks-access-policy-association";
import { Construct } from "constructs";
import { check, oneOf, validateProps } from "../../validate";

/** EKS access policies an entry may be associated with. */
const ACCESS_POLICIES = ["AmazonEKSClusterAdminPolicy", "AmazonEKSAdminPolicy", "AmazonEKSEditPolicy", "AmazonEKSViewPolicy"];

/** Props of one principal's access to a cluster. */
export interface EksAccessEntryProps {
  readonly clusterName: string;
  /** IAM role or user ARN. */
  readonly principalArn: string;
  /** EKS access policy name, e.g. AmazonEKSClusterAdminPolicy. */
  readonly policy: string;
  /** Namespaces the policy applies in. @default the whole cluster */
  readonly namespaces?: readonly string[];
  readonly partition: string;
}

/**
 * An access entry (authentication mode API) and its one access policy, at
 * cluster scope or limited to namespaces: who may use the Kubernetes API is
 * in Terraform, not in an aws-auth ConfigMap.
 */
export class EksAccessEntry extends Construct {
  constructor(scope: Construct, id: string, props: EksAccessEntryProps) {
    super(scope, id);
    validateProps(this, [check("policy", props.policy, oneOf(ACCESS_POLICIES, "EKS access policies"))]);
    const entry = new AwsEksAccessEntry(this, "Entry", { clusterName: props.clusterName, principalArn: props.principalArn, type: "STANDARD" });
    new EksAccessPolicyAssociation(this, "Policy", {
      clusterName: props.clusterName,
      principalArn: entry.principalArn,
      policyArn: `arn:${props.partition}:eks::aws:cluster-access-policy/${props.policy}`,
      accessScope: props.namespaces ? { type: "namespace", namespaces: [...props.namespaces] } : { type: "cluster" },
    });
  }
}
