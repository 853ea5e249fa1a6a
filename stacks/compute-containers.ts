import { Construct } from "constructs";
import { ServiceDiscoveryPrivateDnsNamespace } from "@cdktf/provider-aws/lib/service-discovery-private-dns-namespace";
import type { EcsSettings } from "../config/layers/compute-containers";
import type { EcsServiceSettings } from "../config/layers/compute-services";
import { AccessLogBucket } from "../modules/compute/containers/access-log-bucket";
import { AlbCertificate } from "../modules/compute/containers/alb-certificate";
import { EcrRepository } from "../modules/compute/containers/ecr-repository";
import { EcsCluster } from "../modules/compute/containers/ecs-cluster";
import { FargateService } from "../modules/compute/containers/fargate-service";
import { InternalAlb } from "../modules/compute/containers/internal-alb";
import { PrivateCa } from "../modules/compute/containers/private-ca";
import { ServiceAutoscaling } from "../modules/compute/containers/service-autoscaling";
import { KmsKey } from "../modules/kms/kms-key";
import type { ComputeStack, ComputeStackProps } from "./compute-stack";
import { buildEks } from "./compute-eks";
import { consume, type ContractOutput, type ContractValues } from "./contracts";
import { DATA } from "./data-stack";
import { MESSAGING } from "./messaging-stack";
import { NETWORK } from "./network-stack";

/** What the containers half publishes for edge and observability; maps are keyed by config id. */
export const CONTAINERS_OUTPUTS = {
  ecs_cluster_names: { kind: "map", description: "Name of the ECS cluster (ClusterName dimension), by cluster id" },
  ecs_cluster_arns: { kind: "map", description: "ARN of the ECS cluster, by cluster id" },
  ecs_service_names: { kind: "map", description: "Name of each ECS service (ServiceName dimension), by service id" },
  ecs_service_clusters: { kind: "map", description: "Name of the cluster each ECS service runs in, by service id" },
  load_balancer_arns: { kind: "map", description: "ARN of each load balancer, by load balancer id" },
  load_balancer_arn_suffixes: { kind: "map", description: "ARN suffix of each load balancer (LoadBalancer dimension of AWS/ApplicationELB)" },
  load_balancer_dns_names: { kind: "map", description: "DNS name of each load balancer" },
  target_group_arns: { kind: "map", description: "ARN of each load balancer's target group, by load balancer id" },
  target_group_arn_suffixes: { kind: "map", description: "ARN suffix of each load balancer's target group (TargetGroup dimension), by load balancer id" },
  eks_cluster_names: { kind: "map", description: "Name of the EKS cluster, by cluster id" },
  eks_cluster_arns: { kind: "map", description: "ARN of the EKS cluster, by cluster id" },
  eks_oidc_provider_arns: { kind: "map", description: "IRSA OIDC provider of the EKS cluster, by cluster id" },
  eks_node_group_names: { kind: "map", description: "Name of each managed node group, by node group id" },
  ecr_repository_urls: { kind: "map", description: "URL of each ECR repository, by repository id" },
  stack_outputs: { kind: "map", description: "Outputs under the names the seed gives them (compute.stackOutputs, e.g. seed 002's ClusterName, AgentEndpoint)" },
} satisfies Record<string, ContractOutput>;

type ContainersValues = ContractValues<{ layer: "compute"; outputs: typeof CONTAINERS_OUTPUTS }>;

/** Builds the deployment's containers into the compute stack; returns their contract values. */
export function buildContainers(stack: ComputeStack, props: ComputeStackProps): ContainersValues {
  const d = stack.deployment;
  const c = d.compute;
  const repositories = buildRepositories(stack);
  const ecs = c.ecs ? buildEcs(stack, props, c.ecs, repositories) : undefined;
  const eks = c.eks ? buildEks(stack, props, c.eks) : undefined;
  const outputs = Object.fromEntries(Object.entries(c.stackOutputs).map(([name, o]) => {
    switch (o.source) {
      case "clusterName": return [name, ecs!.clusterName];
      case "serviceName": return [name, ecs!.serviceNames[o.id!]];
      case "loadBalancerUrl": return [name, `https://${ecs!.loadBalancers[o.id!].dnsName}`];
      case "storeEndpoint": return [name, consume(stack, DATA, props.data!).entry("store_endpoints", o.id!)];
      case "pricingTier": return [name, c.pricingTier!];
    }
  }));
  const lbs = Object.entries(ecs?.loadBalancers ?? {});
  const byLb = (value: (lb: InternalAlb) => string) => Object.fromEntries(lbs.map(([id, lb]) => [id, value(lb)]));
  return {
    ecs_cluster_names: c.ecs ? { [c.ecs.id]: ecs!.clusterName } : {},
    ecs_cluster_arns: c.ecs ? { [c.ecs.id]: ecs!.clusterArn } : {},
    ecs_service_names: ecs?.serviceNames ?? {},
    ecs_service_clusters: Object.fromEntries((c.ecs?.services ?? []).map((s) => [s.id, ecs!.clusterName])),
    load_balancer_arns: byLb((lb) => lb.arn),
    load_balancer_arn_suffixes: byLb((lb) => lb.arnSuffix),
    load_balancer_dns_names: byLb((lb) => lb.dnsName),
    target_group_arns: byLb((lb) => lb.targetGroupArn),
    target_group_arn_suffixes: byLb((lb) => lb.targetGroupArnSuffix),
    eks_cluster_names: eks ? { [c.eks!.id]: eks.clusterName } : {},
    eks_cluster_arns: eks ? { [c.eks!.id]: eks.clusterArn } : {},
    eks_oidc_provider_arns: eks ? { [c.eks!.id]: eks.oidcProviderArn } : {},
    eks_node_group_names: eks?.nodeGroupNames ?? {},
    ecr_repository_urls: Object.fromEntries(Object.entries(repositories).map(([id, r]) => [id, r.url])),
    stack_outputs: outputs,
  };
}

/** The deployment's image repositories, encrypted with a key of their own, by config id. */
function buildRepositories(stack: ComputeStack): Record<string, EcrRepository> {
  const d = stack.deployment;
  const c = d.compute;
  if (c.repositories.length === 0) return {};
  const scope = new Construct(stack, "Images");
  const key = new KmsKey(scope, "Key", {
    alias: c.imagesKeyAlias!, description: `Encrypts the container images of ${d.name}`,
    accountId: stack.accountId, partition: stack.partition, preventDestroy: d.deletionProtection,
  });
  return Object.fromEntries(c.repositories.map((r) => [r.id, new EcrRepository(scope, r.id, {
    name: r.name, kmsKeyArn: key.arn, untaggedExpireDays: r.untaggedExpireDays, keepTaggedImages: r.keepTaggedImages, preventDestroy: d.deletionProtection,
  })]));
}

interface BuiltEcs {
  readonly clusterName: string;
  readonly clusterArn: string;
  readonly serviceNames: Record<string, string>;
  readonly loadBalancers: Record<string, InternalAlb>;
}

/**
 * The ECS cluster, each service's load balancer (created first: a service
 * registers in a target group its listener already uses), the services and
 * their autoscaling. Secrets are read by ARN from the data and messaging
 * contracts; their key is the data key, which encrypts both.
 */
function buildEcs(stack: ComputeStack, props: ComputeStackProps, e: EcsSettings, repositories: Readonly<Record<string, EcrRepository>>): BuiltEcs {
  const d = stack.deployment;
  // One scope for the containers half, so its construct ids never meet the functions half's.
  const scope = new Construct(stack, "Containers");
  const network = consume(stack, NETWORK, props.network);
  const needsData = e.services.some((s) => s.secrets.length > 0);
  const data = needsData ? consume(stack, DATA, props.data!) : undefined;
  const needsBroker = e.services.some((s) => s.secrets.some((x) => x.from.kind === "broker") || s.scaling?.queuePressure);
  const messaging = needsBroker ? consume(stack, MESSAGING, props.messaging!) : undefined;
  const logsKmsKeyArn = network.get("logs_kms_key_arn");
  const cluster = new EcsCluster(scope, `${e.id}Cluster`, {
    name: e.name, containerInsights: e.containerInsights,
    executeCommandLog: e.execLogGroupName ? { logGroupName: e.execLogGroupName, retentionDays: e.logRetentionDays, logsKmsKeyArn, protect: d.deletionProtection } : undefined,
  });
  const namespace = e.discoveryNamespace
    ? new ServiceDiscoveryPrivateDnsNamespace(scope, "ServiceDiscovery", { name: e.discoveryNamespace, vpc: network.get("vpc_id"), description: `Service discovery of ${d.name}` })
    : undefined;
  const loadBalancers: Record<string, InternalAlb> = {};
  for (const lb of e.loadBalancers) {
    const target = e.services.find((s) => s.id === lb.service)!;
    const ca = lb.privateCaName ? new PrivateCa(scope, `${lb.id}PrivateCa`, { commonName: lb.privateCaName, accountId: stack.accountId, partition: stack.partition, preventDestroy: d.deletionProtection }) : undefined;
    const certificate = new AlbCertificate(scope, `${lb.id}Certificate`, lb.certificate.source === "privateCa"
      ? { source: "privateCa", domainName: lb.certificate.domainName, certificateAuthorityArn: lb.certificate.certificateAuthorityArn ?? ca!.arn, dependsOn: ca ? [ca.activation] : undefined }
      : lb.certificate);
    const logs = new AccessLogBucket(scope, `${lb.id}AccessLogs`, { bucketName: lb.accessLogsBucket, accountId: stack.accountId, retentionDays: d.logRetentionDays, preventDestroy: d.deletionProtection, serverAccessLogBucket: stack.accessLogBucket });
    loadBalancers[lb.id] = new InternalAlb(scope, lb.id, {
      name: lb.name, targetGroupName: lb.targetGroupName, vpcId: network.get("vpc_id"), subnetIds: network.get("compute_subnet_ids"),
      securityGroupId: network.entry("workload_security_group_ids", lb.workload), ingressCidrs: lb.ingressCidrs ?? [network.get("vpc_cidr")],
      certificateArn: certificate.arn, targetPort: target.port!, accessLogs: { bucket: logs.bucketName, writable: logs.writable },
      idleTimeoutSeconds: lb.idleTimeoutSeconds, deregistrationDelaySeconds: lb.deregistrationDelaySeconds, deletionProtection: lb.deletionProtection,
      healthCheckPath: lb.healthCheckPath, healthCheckIntervalSeconds: lb.healthCheckIntervalSeconds,
    });
  }
  const secretArnOf = (s: EcsServiceSettings["secrets"][number]) =>
    s.from.kind === "store" ? data!.entry("store_secret_arns", s.from.store) : messaging!.get("broker_app_secret_arn");
  const serviceNames: Record<string, string> = {};
  for (const s of e.services) {
    const lb = e.loadBalancers.find((x) => x.service === s.id);
    const alb = lb ? loadBalancers[lb.id] : undefined;
    const service = new FargateService(scope, s.id, {
      serviceName: s.name, family: s.family, clusterArn: cluster.arn,
      container: {
        name: s.container, image: typeof s.image === "string" ? s.image : `${repositories[s.image.repository].url}:${s.image.tag}`, cpu: s.cpu, memoryMib: s.memoryMib, architecture: s.architecture, port: s.port, healthCheckPath: s.healthCheckPath,
        environment: s.environment,
        secrets: s.secrets.map((x) => ({ name: x.name, valueFrom: `${secretArnOf(x)}:${x.key}::` })),
      },
      region: d.region, accountId: stack.accountId, partition: stack.partition,
      subnetIds: network.get("compute_subnet_ids"), securityGroupId: network.entry("workload_security_group_ids", s.workload),
      // One ARN per secret, however many of its keys the container reads (references to one output are distinct tokens).
      secretArns: [...new Map(s.secrets.map((x) => [x.from.kind === "store" ? x.from.store : "", x])).values()].map(secretArnOf), secretsKmsKeyArn: data?.get("data_kms_key_arn"),
      log: { groupName: s.logGroupName, retentionDays: e.logRetentionDays, kmsKeyArn: logsKmsKeyArn, protect: d.deletionProtection },
      taskRoleName: s.taskRoleName, executionRoleName: s.executionRoleName,
      desiredCount: s.desiredCount, maximumPercent: s.maximumPercent, minimumHealthyPercent: s.minimumHealthyPercent,
      autoscaled: s.scaling !== undefined,
      loadBalancer: alb ? { targetGroupArn: alb.targetGroupArn, gracePeriodSeconds: s.healthCheckGracePeriodSeconds!, dependsOn: alb.listeners } : undefined,
      discoveryNamespaceId: s.discoveryName ? namespace!.id : undefined,
      execLogGroupArn: cluster.execLogGroupArn,
    });
    serviceNames[s.id] = service.serviceName;
    if (s.scaling) {
      const q = s.scaling.queuePressure;
      new ServiceAutoscaling(scope, `${s.id}Scaling`, {
        clusterName: cluster.name, serviceName: service.serviceName, minCount: s.scaling.minCount, maxCount: s.scaling.maxCount,
        cpuTarget: s.scaling.cpuTarget,
        cpuSteps: s.scaling.cpuSteps.map((step, i) => ({ ...step, alarmName: s.scaling!.alarmNames.cpuSteps[i] })),
        queuePressure: q && {
          namespace: messaging!.get("broker_metrics_namespace"), broker: messaging!.get("broker_name"), queue: q.queue,
          growingForMinutes: q.growingForMinutes, addTasks: q.addTasks, emptyForMinutes: q.emptyForMinutes,
          growingAlarmName: s.scaling.alarmNames.queueGrowing!, emptyAlarmName: s.scaling.alarmNames.queueEmpty!,
        },
        stepCooldownSeconds: s.scaling.stepCooldownSeconds,
      });
    }
  }
  return { clusterName: cluster.name, clusterArn: cluster.arn, serviceNames, loadBalancers };
}
