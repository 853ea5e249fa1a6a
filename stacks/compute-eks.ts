import { Construct } from "constructs";
import type { EksSettings } from "../config/layers/compute-eks";
import { clusterAutoscalerStatements } from "../modules/compute/containers/cluster-autoscaler-policy";
import { EksAccessEntry } from "../modules/compute/containers/eks-access-entry";
import { EksAddons } from "../modules/compute/containers/eks-addons";
import { EksCluster } from "../modules/compute/containers/eks-cluster";
import { EksNodeGroup } from "../modules/compute/containers/eks-node-group";
import { EksNodeRole } from "../modules/compute/containers/eks-node-role";
import { IrsaProvider } from "../modules/compute/containers/irsa-provider";
import { IrsaRole } from "../modules/compute/containers/irsa-role";
import { lbControllerStatements } from "../modules/compute/containers/lb-controller-policy";
import { grantSecretRead } from "../modules/iam/grants";
import { mergeStatements } from "../modules/iam/merge-statements";
import { KmsKey } from "../modules/kms/kms-key";
import { LogGroup } from "../modules/logs/log-group";
import type { ComputeStack, ComputeStackProps } from "./compute-stack";
import { consume } from "./contracts";
import { DATA } from "./data-stack";
import { NETWORK } from "./network-stack";

/** What the EKS platform publishes, by config id. */
export interface BuiltEks {
  readonly clusterName: string;
  readonly clusterArn: string;
  readonly oidcProviderArn: string;
  readonly nodeGroupNames: Record<string, string>;
}

/**
 * The deployment's EKS platform: the secrets key, the cluster (private
 * endpoint, every log type, access entries), node groups from launch
 * templates in the compute subnets, the IRSA provider and roles, and the
 * add-ons pinned by config (Container Insights among them).
 */
export function buildEks(stack: ComputeStack, props: ComputeStackProps, e: EksSettings): BuiltEks {
  const d = stack.deployment;
  const scope = new Construct(stack, "Eks");
  const network = consume(stack, NETWORK, props.network);
  const data = consume(stack, DATA, props.data!);
  const { accountId, partition } = stack;
  const key = new KmsKey(scope, "SecretsKey", {
    alias: e.keyAlias, description: `Envelope-encrypts the Kubernetes secrets of ${e.name}`, accountId, partition, preventDestroy: d.deletionProtection,
  });
  const cluster = new EksCluster(scope, e.id, {
    name: e.name, version: e.version, roleName: e.clusterRoleName, subnetIds: network.get("compute_subnet_ids"),
    publicAccessCidrs: e.publicAccessCidrs, publicAccessRiskReason: e.publicAccessRiskReason, secretsKmsKeyArn: key.arn, partition,
    log: { retentionDays: e.logRetentionDays, kmsKeyArn: network.get("logs_kms_key_arn"), protect: d.deletionProtection },
    preventDestroy: d.deletionProtection,
  });
  for (const a of e.accessEntries) {
    const principalArn = "arn" in a.principal ? a.principal.arn : `arn:${partition}:iam::${accountId}:role/${a.principal.roleName}`;
    new EksAccessEntry(scope, `${a.id}Access`, { clusterName: cluster.name, principalArn, policy: a.policy, namespaces: a.namespaces, partition });
  }
  const nodeRole = new EksNodeRole(scope, "NodeRole", { name: e.nodeRoleName, clusterName: e.name, partition });
  const nodeGroups = e.nodeGroups.map((g) => new EksNodeGroup(scope, `${g.id}Nodes`, {
    clusterName: cluster.name, name: g.name, launchTemplateName: g.launchTemplateName, nodeRoleArn: nodeRole.roleArn,
    subnetIds: network.get("compute_subnet_ids"),
    securityGroupIds: [cluster.clusterSecurityGroupId, network.entry("workload_security_group_ids", e.nodeWorkload)],
    capacityType: g.capacityType, instanceTypes: g.instanceTypes, amiType: g.amiType,
    minSize: g.minSize, maxSize: g.maxSize, desiredSize: g.desiredSize, diskGib: g.diskGib,
    labels: g.labels, taints: g.taints, maxUnavailablePercent: g.maxUnavailablePercent, dependsOn: nodeRole.permissions,
  }));
  const provider = new IrsaProvider(scope, "Irsa", { issuerUrl: cluster.oidcIssuer });
  const irsa = (id: string, s: EksSettings["irsa"][keyof EksSettings["irsa"]], description: string, permissions: Pick<ConstructorParameters<typeof IrsaRole>[2], "inlinePolicy" | "managedPolicyArns">) =>
    new IrsaRole(scope, id, {
      name: s.roleName, path: `/${d.name}/`, description, providerArn: provider.arn, issuerHost: provider.issuerHost,
      namespace: s.namespace, serviceAccount: s.serviceAccount, ...permissions,
    }).roleArn;
  const where = { clusterName: e.name, region: d.region, accountId, partition };
  irsa("LoadBalancerControllerRole", e.irsa.loadBalancerController, `AWS Load Balancer Controller of ${e.name}`,
    { inlinePolicy: { name: "load-balancer-controller", statements: lbControllerStatements({ ...where, vpcId: network.get("vpc_id") }) } });
  irsa("ClusterAutoscalerRole", e.irsa.clusterAutoscaler, `Cluster autoscaler of ${e.name}`,
    { inlinePolicy: { name: "cluster-autoscaler", statements: clusterAutoscalerStatements(where) } });
  const ebsCsi = irsa("EbsCsiRole", e.irsa.ebsCsi, `EBS CSI driver of ${e.name}`,
    { managedPolicyArns: { EbsCsiDriverPolicy: `arn:${partition}:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy` } });
  const vpcCni = irsa("VpcCniRole", e.irsa.vpcCni, `VPC CNI of ${e.name}`,
    { managedPolicyArns: { CniPolicy: `arn:${partition}:iam::aws:policy/AmazonEKS_CNI_Policy` } });
  // Container Insights: the agent publishes metrics and performance logs (CloudWatchAgentServerPolicy). Its X-Ray part
  // (Application Signals' traces) is not used: no AWSXrayWriteOnlyAccess, and no workload is annotated for it.
  const cloudwatchAgent = irsa("CloudWatchAgentRole", e.irsa.cloudwatchAgent, `CloudWatch agent (Container Insights) of ${e.name}`,
    { managedPolicyArns: { CloudWatchAgentServerPolicy: `arn:${partition}:iam::aws:policy/CloudWatchAgentServerPolicy` } });
  // Created ahead of the agent, which would otherwise create it unencrypted and kept forever.
  const insightsLogs = new LogGroup(scope, "InsightsLogs", {
    name: e.insightsLogGroupName, retentionDays: e.logRetentionDays, kmsKeyArn: network.get("logs_kms_key_arn"), deletionProtection: d.deletionProtection,
  });
  // One token for the key: each read of an output is a distinct token, which the merge would not recognise as the same ARN.
  const dataKeyArn = data.get("data_kms_key_arn");
  irsa("ApiRole", e.irsa.api, `The API pods of ${e.name}: read their own secrets`, {
    inlinePolicy: {
      name: "read-secrets",
      statements: mergeStatements(e.irsa.api.stores.flatMap((s) => grantSecretRead({ secretArn: data.entry("store_secret_arns", s), region: d.region, kmsKeyArn: dataKeyArn }))),
    },
  });
  new EksAddons(scope, "Addons", {
    clusterName: cluster.name, versions: e.addons, nodeGroups: nodeGroups.map((g) => g.nodeGroup),
    serviceAccountRoleArns: { "vpc-cni": vpcCni, "aws-ebs-csi-driver": ebsCsi, "amazon-cloudwatch-observability": cloudwatchAgent },
    // Fluent Bit's container logs would land in log groups the agent creates unencrypted and kept forever: metrics only.
    dependsOn: { "amazon-cloudwatch-observability": [insightsLogs.logGroup] },
    configurationValues: { "amazon-cloudwatch-observability": JSON.stringify({ containerLogs: { enabled: false } }) },
  });
  return {
    clusterName: cluster.name, clusterArn: cluster.arn, oidcProviderArn: provider.arn,
    nodeGroupNames: Object.fromEntries(e.nodeGroups.map((g, i) => [g.id, nodeGroups[i].name])),
  };
}
