import { onlyRef, ref, type StackJson, upstream } from "../../support/synth";

/**
 * Every EKS role's whole trust and permission documents, by role name,
 * written out action by action (upstream's Load Balancer Controller policy,
 * the cluster autoscaler's README, the EKS guide's managed policies): shared
 * by commerce-eks.test.ts and test/security-documents.test.ts, so a widened
 * action, resource or condition fails both.
 */

const ACCOUNT = "${data.aws_caller_identity.Caller.account_id}";
const ARN = "arn:${data.aws_partition.Partition.partition}";
const doc = (...Statement: readonly object[]) => ({ Version: "2012-10-17", Statement });
const managed = (name: string) => `${ARN}:iam::aws:policy/${name}`;

/** One role's documents: trust, inline policy (undefined: none), managed policy ARNs. */
export interface ExpectedRole { readonly trust: object; readonly inline?: object; readonly managed: readonly string[] }

/** Where the cluster is: its stack, deployment (= cluster name) and region. */
export interface EksStack { readonly s: StackJson; readonly deployment: string; readonly region: string }

/** The key envelope-encrypting the cluster's secrets. */
export const secretsKeyArn = (s: StackJson): string => ref(s, "aws_kms_key", (k) => String(k.description).startsWith("Envelope-encrypts the Kubernetes secrets"), "arn");

/** The IRSA trust: this cluster's provider, one exact subject, the STS audience, both with StringEquals. */
export function irsaTrust(s: StackJson, namespace: string, serviceAccount: string): object {
  const host = `\${local.${Object.keys((s as unknown as { locals: Record<string, string> }).locals).find((k) => k.startsWith("Eks_Irsa_IssuerHost_"))}}`;
  return doc({
    Effect: "Allow", Principal: { Federated: onlyRef(s, "aws_iam_openid_connect_provider", "arn") }, Action: "sts:AssumeRoleWithWebIdentity",
    Condition: { StringEquals: { [`${host}:sub`]: `system:serviceaccount:${namespace}:${serviceAccount}`, [`${host}:aud`]: "sts.amazonaws.com" } },
  });
}

/** The Load Balancer Controller's policy (upstream iam_policy.json narrowed to this region, account, VPC and cluster). */
export function lbControllerPolicy(c: EksStack): object {
  const at = (service: string, resource: string) => `${ARN}:${service}:${c.region}:${ACCOUNT}:${resource}`;
  const sg = at("ec2", "security-group/*");
  const elb = (r: string) => at("elasticloadbalancing", r);
  const lbs = [elb("targetgroup/*/*"), elb("loadbalancer/net/*/*"), elb("loadbalancer/app/*/*")];
  const listeners = [elb("listener/net/*/*/*"), elb("listener/app/*/*/*")];
  const rules = [elb("listener-rule/net/*/*/*"), elb("listener-rule/app/*/*/*")];
  const owned = { "aws:ResourceTag/elbv2.k8s.aws/cluster": c.deployment };
  const tagging = { "aws:RequestTag/elbv2.k8s.aws/cluster": c.deployment };
  const noRequestTag = { Null: { "aws:RequestTag/elbv2.k8s.aws/cluster": "true" } };
  return doc(
    { Sid: "CreateElbServiceLinkedRole", Effect: "Allow", Action: "iam:CreateServiceLinkedRole", Resource: "*", Condition: { StringEquals: { "iam:AWSServiceName": "elasticloadbalancing.amazonaws.com" } } },
    {
      Sid: "Describe", Effect: "Allow", Resource: "*",
      Action: [
        "ec2:DescribeAccountAttributes", "ec2:DescribeAddresses", "ec2:DescribeAvailabilityZones", "ec2:DescribeInternetGateways", "ec2:DescribeVpcs",
        "ec2:DescribeVpcPeeringConnections", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeInstances", "ec2:DescribeNetworkInterfaces",
        "ec2:DescribeTags", "ec2:GetCoipPoolUsage", "ec2:DescribeCoipPools", "ec2:GetSecurityGroupsForVpc", "ec2:DescribeIpamPools", "ec2:DescribeRouteTables",
        "elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeLoadBalancerAttributes", "elasticloadbalancing:DescribeListeners",
        "elasticloadbalancing:DescribeListenerCertificates", "elasticloadbalancing:DescribeSSLPolicies", "elasticloadbalancing:DescribeRules",
        "elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeTargetGroupAttributes", "elasticloadbalancing:DescribeTargetHealth",
        "elasticloadbalancing:DescribeTags", "elasticloadbalancing:DescribeTrustStores", "elasticloadbalancing:DescribeListenerAttributes",
        "elasticloadbalancing:DescribeCapacityReservation",
      ],
    },
    {
      Sid: "CertificatesAndFirewalls", Effect: "Allow", Resource: "*",
      Action: [
        "cognito-idp:DescribeUserPoolClient", "acm:ListCertificates", "acm:DescribeCertificate", "iam:ListServerCertificates", "iam:GetServerCertificate",
        "waf-regional:GetWebACL", "waf-regional:GetWebACLForResource", "waf-regional:AssociateWebACL", "waf-regional:DisassociateWebACL",
        "wafv2:GetWebACL", "wafv2:GetWebACLForResource", "wafv2:AssociateWebACL", "wafv2:DisassociateWebACL",
        "shield:GetSubscriptionState", "shield:DescribeProtection", "shield:CreateProtection", "shield:DeleteProtection",
      ],
    },
    { Sid: "OpenBackendGroups", Effect: "Allow", Action: ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress"], Resource: sg },
    { Sid: "CreateGroupsInVpc", Effect: "Allow", Action: "ec2:CreateSecurityGroup", Resource: [sg, at("ec2", `vpc/${upstream(`${c.deployment}-network`, "vpc_id")}`)] },
    { Sid: "TagGroupsAtCreation", Effect: "Allow", Action: "ec2:CreateTags", Resource: sg, Condition: { StringEquals: { "ec2:CreateAction": "CreateSecurityGroup", ...tagging } } },
    { Sid: "RetagOwnedGroups", Effect: "Allow", Action: ["ec2:CreateTags", "ec2:DeleteTags"], Resource: sg, Condition: { ...noRequestTag, StringEquals: owned } },
    { Sid: "ManageOwnedGroups", Effect: "Allow", Action: ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress", "ec2:DeleteSecurityGroup"], Resource: sg, Condition: { StringEquals: owned } },
    { Sid: "CreateTaggedBalancers", Effect: "Allow", Action: ["elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:CreateTargetGroup"], Resource: lbs, Condition: { StringEquals: tagging } },
    {
      Sid: "ManageListenersAndRules", Effect: "Allow",
      Action: ["elasticloadbalancing:CreateListener", "elasticloadbalancing:DeleteListener", "elasticloadbalancing:CreateRule", "elasticloadbalancing:DeleteRule"],
      Resource: [elb("loadbalancer/net/*/*"), elb("loadbalancer/app/*/*"), ...listeners, ...rules],
    },
    { Sid: "RetagOwnedBalancers", Effect: "Allow", Action: ["elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"], Resource: lbs, Condition: { ...noRequestTag, StringEquals: owned } },
    { Sid: "TagListenersAndRules", Effect: "Allow", Action: ["elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"], Resource: [...listeners, ...rules] },
    {
      Sid: "ModifyOwnedBalancers", Effect: "Allow", Resource: [...lbs, ...listeners], Condition: { StringEquals: owned },
      Action: [
        "elasticloadbalancing:ModifyLoadBalancerAttributes", "elasticloadbalancing:SetIpAddressType", "elasticloadbalancing:SetSecurityGroups",
        "elasticloadbalancing:SetSubnets", "elasticloadbalancing:DeleteLoadBalancer", "elasticloadbalancing:ModifyTargetGroup",
        "elasticloadbalancing:ModifyTargetGroupAttributes", "elasticloadbalancing:DeleteTargetGroup", "elasticloadbalancing:ModifyListenerAttributes",
        "elasticloadbalancing:ModifyCapacityReservation", "elasticloadbalancing:ModifyIpPools",
      ],
    },
    {
      Sid: "TagBalancersAtCreation", Effect: "Allow", Action: "elasticloadbalancing:AddTags", Resource: lbs,
      Condition: { StringEquals: { "elasticloadbalancing:CreateAction": ["CreateTargetGroup", "CreateLoadBalancer"], ...tagging } },
    },
    { Sid: "RegisterTargets", Effect: "Allow", Action: ["elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets"], Resource: elb("targetgroup/*/*") },
    {
      Sid: "ConfigureListeners", Effect: "Allow",
      Action: [
        "elasticloadbalancing:SetWebAcl", "elasticloadbalancing:ModifyListener", "elasticloadbalancing:AddListenerCertificates",
        "elasticloadbalancing:RemoveListenerCertificates", "elasticloadbalancing:ModifyRule", "elasticloadbalancing:SetRulePriorities",
      ],
      Resource: [elb("loadbalancer/app/*/*"), ...listeners, ...rules],
    },
  );
}

/** Every role of the EKS platform, by role name. */
export function expectedEksRoles(c: EksStack): Record<string, ExpectedRole> {
  const d = c.deployment;
  const data = (output: string) => upstream(`${d}-data`, output);
  const at = (service: string, resource: string) => `${ARN}:${service}:${c.region}:${ACCOUNT}:${resource}`;
  return {
    [`${d}-eks-cluster`]: {
      trust: doc({ Effect: "Allow", Principal: { Service: "eks.amazonaws.com" }, Action: ["sts:AssumeRole", "sts:TagSession"] }),
      inline: doc({ Effect: "Allow", Action: ["kms:Encrypt", "kms:Decrypt", "kms:ListGrants", "kms:DescribeKey"], Resource: secretsKeyArn(c.s) }),
      managed: [managed("AmazonEKSClusterPolicy")],
    },
    [`${d}-eks-node`]: {
      trust: doc({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }),
      managed: [managed("AmazonEKSWorkerNodePolicy"), managed("AmazonEC2ContainerRegistryPullOnly")],
    },
    [`${d}-eks-lb-controller`]: { trust: irsaTrust(c.s, "kube-system", "aws-load-balancer-controller"), inline: lbControllerPolicy(c), managed: [] },
    [`${d}-eks-cluster-autoscaler`]: {
      trust: irsaTrust(c.s, "kube-system", "cluster-autoscaler"),
      inline: doc(
        {
          Sid: "DiscoverGroupsAndTypes", Effect: "Allow", Resource: "*",
          Action: [
            "autoscaling:DescribeAutoScalingGroups", "autoscaling:DescribeAutoScalingInstances", "autoscaling:DescribeLaunchConfigurations",
            "autoscaling:DescribeScalingActivities", "autoscaling:DescribeTags", "ec2:DescribeImages", "ec2:DescribeInstanceTypes",
            "ec2:DescribeLaunchTemplateVersions", "ec2:GetInstanceTypesFromInstanceRequirements",
          ],
        },
        { Sid: "ReadNodeGroups", Effect: "Allow", Action: "eks:DescribeNodegroup", Resource: at("eks", `nodegroup/${d}/*/*`) },
        {
          Sid: "ResizeOwnedGroups", Effect: "Allow", Action: ["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"],
          Resource: at("autoscaling", "autoScalingGroup:*:autoScalingGroupName/*"), Condition: { StringEquals: { [`aws:ResourceTag/k8s.io/cluster-autoscaler/${d}`]: "owned" } },
        },
      ),
      managed: [],
    },
    [`${d}-eks-ebs-csi`]: { trust: irsaTrust(c.s, "kube-system", "ebs-csi-controller-sa"), managed: [managed("service-role/AmazonEBSCSIDriverPolicy")] },
    [`${d}-eks-vpc-cni`]: { trust: irsaTrust(c.s, "kube-system", "aws-node"), managed: [managed("AmazonEKS_CNI_Policy")] },
    [`${d}-eks-cloudwatch-agent`]: { trust: irsaTrust(c.s, "amazon-cloudwatch", "cloudwatch-agent"), managed: [managed("CloudWatchAgentServerPolicy")] },
    [`${d}-eks-api`]: {
      trust: irsaTrust(c.s, "commerce", "api"),
      inline: doc(
        { Effect: "Allow", Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], Resource: [data("store_secret_arns.Main"), data("store_secret_arns.Sessions")] },
        { Effect: "Allow", Action: ["kms:Decrypt"], Resource: data("data_kms_key_arn"), Condition: { StringEquals: { "kms:ViaService": `secretsmanager.${c.region}.amazonaws.com` } } },
      ),
      managed: [],
    },
  };
}
