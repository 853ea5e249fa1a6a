import type { PolicyStatement } from "../../iam/policy-document";

/** Where the cluster autoscaler acts. */
export interface ClusterAutoscalerScope {
  readonly clusterName: string;
  readonly region: string;
  readonly accountId: string;
  readonly partition: string;
}

/**
 * The cluster autoscaler's permissions, after its AWS provider README
 * ("Full Cluster Autoscaler Features Policy (Recommended)"): it reads groups
 * and instance types everywhere (those Describe actions take no resource),
 * reads this cluster's node groups, and resizes or shrinks only the Auto
 * Scaling groups EKS tagged `k8s.io/cluster-autoscaler/<cluster>=owned`.
 */
export function clusterAutoscalerStatements(s: ClusterAutoscalerScope): PolicyStatement[] {
  const arn = (service: string, resource: string) => `arn:${s.partition}:${service}:${s.region}:${s.accountId}:${resource}`;
  return [
    {
      Sid: "DiscoverGroupsAndTypes",
      Effect: "Allow",
      Action: [
        "autoscaling:DescribeAutoScalingGroups", "autoscaling:DescribeAutoScalingInstances", "autoscaling:DescribeLaunchConfigurations",
        "autoscaling:DescribeScalingActivities", "autoscaling:DescribeTags", "ec2:DescribeImages", "ec2:DescribeInstanceTypes",
        "ec2:DescribeLaunchTemplateVersions", "ec2:GetInstanceTypesFromInstanceRequirements",
      ],
      Resource: "*",
    },
    { Sid: "ReadNodeGroups", Effect: "Allow", Action: "eks:DescribeNodegroup", Resource: arn("eks", `nodegroup/${s.clusterName}/*/*`) },
    {
      Sid: "ResizeOwnedGroups",
      Effect: "Allow",
      Action: ["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"],
      Resource: arn("autoscaling", "autoScalingGroup:*:autoScalingGroupName/*"),
      Condition: { StringEquals: { [`aws:ResourceTag/k8s.io/cluster-autoscaler/${s.clusterName}`]: "owned" } },
    },
  ];
}
