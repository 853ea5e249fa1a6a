import type { PolicyStatement } from "../../iam/policy-document";

/** Where the AWS Load Balancer Controller acts. */
export interface LbControllerScope {
  readonly clusterName: string;
  readonly vpcId: string;
  readonly region: string;
  readonly accountId: string;
  readonly partition: string;
}

/** The tag the controller puts on everything it creates, valued with its cluster's name. */
const CLUSTER_TAG = "elbv2.k8s.aws/cluster";

/**
 * The AWS Load Balancer Controller's permissions: upstream's
 * `docs/install/iam_policy.json` (kubernetes-sigs/aws-load-balancer-controller
 * v2.x), statement for statement, narrowed where AWS allows:
 * - resources carry this region and account instead of `*:*`, security
 *   groups are created only in the deployment's VPC;
 * - where upstream only asks that the `elbv2.k8s.aws/cluster` tag exist
 *   (`Null: false`), the tag must equal this cluster's name, so one cluster's
 *   controller can never modify or delete another's balancers or groups.
 * Describe and Get actions, certificate and WAF lookups stay on `*`: they
 * take no resource ARN.
 */
export function lbControllerStatements(s: LbControllerScope): PolicyStatement[] {
  const arn = (service: string, resource: string) => `arn:${s.partition}:${service}:${s.region}:${s.accountId}:${resource}`;
  const securityGroups = arn("ec2", "security-group/*");
  const elb = (resource: string) => arn("elasticloadbalancing", resource);
  const balancersAndGroups = [elb("targetgroup/*/*"), elb("loadbalancer/net/*/*"), elb("loadbalancer/app/*/*")];
  const listeners = [elb("listener/net/*/*/*"), elb("listener/app/*/*/*")];
  const rules = [elb("listener-rule/net/*/*/*"), elb("listener-rule/app/*/*/*")];
  const owned = { [`aws:ResourceTag/${CLUSTER_TAG}`]: s.clusterName };
  const tagging = { [`aws:RequestTag/${CLUSTER_TAG}`]: s.clusterName };
  const notRetagging = { Null: { [`aws:RequestTag/${CLUSTER_TAG}`]: "true" } };
  return [
    {
      Sid: "CreateElbServiceLinkedRole", Effect: "Allow", Action: "iam:CreateServiceLinkedRole", Resource: "*",
      Condition: { StringEquals: { "iam:AWSServiceName": "elasticloadbalancing.amazonaws.com" } },
    },
    {
      Sid: "Describe", Effect: "Allow", Resource: "*",
      Action: [
        "ec2:DescribeAccountAttributes", "ec2:DescribeAddresses", "ec2:DescribeAvailabilityZones", "ec2:DescribeInternetGateways",
        "ec2:DescribeVpcs", "ec2:DescribeVpcPeeringConnections", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups",
        "ec2:DescribeInstances", "ec2:DescribeNetworkInterfaces", "ec2:DescribeTags", "ec2:GetCoipPoolUsage", "ec2:DescribeCoipPools",
        "ec2:GetSecurityGroupsForVpc", "ec2:DescribeIpamPools", "ec2:DescribeRouteTables",
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
    // Upstream allows these on any group: the controller opens the nodes' (and the cluster's) groups to its balancers, which it did not create.
    { Sid: "OpenBackendGroups", Effect: "Allow", Action: ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress"], Resource: securityGroups },
    { Sid: "CreateGroupsInVpc", Effect: "Allow", Action: "ec2:CreateSecurityGroup", Resource: [securityGroups, arn("ec2", `vpc/${s.vpcId}`)] },
    {
      Sid: "TagGroupsAtCreation", Effect: "Allow", Action: "ec2:CreateTags", Resource: securityGroups,
      Condition: { StringEquals: { "ec2:CreateAction": "CreateSecurityGroup", ...tagging } },
    },
    {
      Sid: "RetagOwnedGroups", Effect: "Allow", Action: ["ec2:CreateTags", "ec2:DeleteTags"], Resource: securityGroups,
      Condition: { ...notRetagging, StringEquals: owned },
    },
    {
      Sid: "ManageOwnedGroups", Effect: "Allow", Action: ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress", "ec2:DeleteSecurityGroup"],
      Resource: securityGroups, Condition: { StringEquals: owned },
    },
    {
      Sid: "CreateTaggedBalancers", Effect: "Allow", Action: ["elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:CreateTargetGroup"],
      Resource: balancersAndGroups, Condition: { StringEquals: tagging },
    },
    {
      Sid: "ManageListenersAndRules", Effect: "Allow",
      Action: ["elasticloadbalancing:CreateListener", "elasticloadbalancing:DeleteListener", "elasticloadbalancing:CreateRule", "elasticloadbalancing:DeleteRule"],
      Resource: [elb("loadbalancer/net/*/*"), elb("loadbalancer/app/*/*"), ...listeners, ...rules],
    },
    {
      Sid: "RetagOwnedBalancers", Effect: "Allow", Action: ["elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"],
      Resource: balancersAndGroups, Condition: { ...notRetagging, StringEquals: owned },
    },
    {
      Sid: "TagListenersAndRules", Effect: "Allow", Action: ["elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"],
      Resource: [...listeners, ...rules],
    },
    {
      // ModifyListenerAttributes acts on listeners, which the controller tags like its balancers.
      Sid: "ModifyOwnedBalancers", Effect: "Allow", Resource: [...balancersAndGroups, ...listeners], Condition: { StringEquals: owned },
      Action: [
        "elasticloadbalancing:ModifyLoadBalancerAttributes", "elasticloadbalancing:SetIpAddressType", "elasticloadbalancing:SetSecurityGroups",
        "elasticloadbalancing:SetSubnets", "elasticloadbalancing:DeleteLoadBalancer", "elasticloadbalancing:ModifyTargetGroup",
        "elasticloadbalancing:ModifyTargetGroupAttributes", "elasticloadbalancing:DeleteTargetGroup", "elasticloadbalancing:ModifyListenerAttributes",
        "elasticloadbalancing:ModifyCapacityReservation", "elasticloadbalancing:ModifyIpPools",
      ],
    },
    {
      Sid: "TagBalancersAtCreation", Effect: "Allow", Action: "elasticloadbalancing:AddTags", Resource: balancersAndGroups,
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
  ];
}
