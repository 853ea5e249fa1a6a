import type { Deployment } from "../../config/deployment";
import type { Thresholds } from "../../config/layers/observability";
import type { AlarmSpec, AlarmTiming, GraphSpec } from "../../modules/observability/alarm-spec";
import { type AuroraComponent, auroraAlarms } from "../../modules/observability/alarms/aurora";
import { type BrokerComponent, brokerAlarms } from "../../modules/observability/alarms/broker";
import { type TableComponent, tableAlarms } from "../../modules/observability/alarms/dynamodb";
import { type ServiceComponent, serviceAlarms } from "../../modules/observability/alarms/ecs-service";
import { type FunctionComponent, functionAlarms } from "../../modules/observability/alarms/function";
import { type DistributionComponent, distributionAlarms } from "../../modules/observability/alarms/distribution";
import { type RestApiComponent, restApiAlarms } from "../../modules/observability/alarms/rest-api";
import { type LoadBalancerComponent, loadBalancerAlarms, loadBalancerGraphs } from "../../modules/observability/alarms/load-balancer";
import { type WebAclComponent, webAclAlarms } from "../../modules/observability/alarms/web-acl";
import { type NatComponent, natAlarms } from "../../modules/observability/alarms/nat";
import { type NeptuneComponent, neptuneAlarms } from "../../modules/observability/alarms/neptune";
import { type QueueComponent, queueAlarms } from "../../modules/observability/alarms/queue";
import { type RdsComponent, rdsAlarms, rdsGraphs } from "../../modules/observability/alarms/rds";
import { type RedisComponent, redisAlarms } from "../../modules/observability/alarms/redis";
import { type EksClusterComponent, eksClusterAlarms } from "../../modules/observability/alarms/eks-cluster";

/** Every kind of component the inventory knows. */
export type Component = AuroraComponent | RdsComponent | NeptuneComponent | RedisComponent | TableComponent | QueueComponent | BrokerComponent | NatComponent
  | FunctionComponent | ServiceComponent | LoadBalancerComponent | DistributionComponent | WebAclComponent | RestApiComponent | EksClusterComponent;

/** One monitored component and the alarms that apply to it. */
export interface InventoryEntry {
  /** kebab-case, unique in the deployment: part of each alarm's name. */
  readonly name: string;
  /** PascalCase, unique in the deployment: part of each alarm's construct id (its Terraform address). */
  readonly constructId: string;
  /** Dashboard row title. */
  readonly title: string;
  readonly component: Component;
  readonly alarms: readonly AlarmSpec[];
  /** Metrics the seed names without a failure threshold: on the dashboard only. */
  readonly graphs: readonly GraphSpec[];
}

/**
 * Values only the earlier layers' state knows, read through their
 * contracts (stacks/observability-stack.ts); tests pass plain strings.
 */
export interface InventorySources {
  /** network `nat_gateway_ids`, element `index`. */
  natGatewayId(index: number): string;
  /** messaging `queue_names`, entry `id`. */
  queueName(id: string): string;
  /** data `table_names`, entry `id`. */
  tableName(id: string): string;
  /** messaging `broker_name`. */
  brokerName(): string;
  /** compute `function_names`, entry `name` (config name). */
  functionName(name: string): string;
  /** compute `function_timeouts`, entry `name` (seconds). */
  functionTimeout(name: string): number;
  /** compute `ecs_service_names`, entry `id`. */
  serviceName(id: string): string;
  /** compute `ecs_service_clusters`, entry `id`. */
  serviceCluster(id: string): string;
  /** compute `load_balancer_arn_suffixes`, entry `id`. */
  loadBalancerSuffix(id: string): string;
  /** compute `target_group_arn_suffixes`, entry `id`. */
  targetGroupSuffix(id: string): string;
  /** compute `eks_cluster_names`, entry `id` (the cluster's config id). */
  eksClusterName(id: string): string;
  /** edge `distribution_ids`, entry `id`. */
  distributionId(id: string): string;
  /** edge `web_acl_metric_name`. */
  webAclMetricName(): string;
  /** edge `rest_api_names`, entry `fronts` (the function the API fronts). */
  restApiName(fronts: string): string;
  /** edge `rest_api_stage_names`, entry `fronts`. */
  restApiStage(fronts: string): string;
}

const kebab = (id: string) => id.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
const pascal = (name: string) => name.split("-").map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join("");

/** NAT gateways the network layer creates: none, one, or one per AZ (modules/network/nat-gateways.ts). */
export const natCount = (d: Deployment): number => (d.network.nat === "none" ? 0 : d.network.nat === "single" ? 1 : d.network.azs.length);

/**
 * The deployment's monitored components, derived from its resolved config
 * (what exists and how many) and the earlier layers' contract outputs (the
 * names and ids alarms dimension on): never a hand-kept list. Each entry
 * carries its alarms, built by the kind's builder with the deployment's
 * thresholds and timing.
 */
export function inventory(d: Deployment, sources: InventorySources): InventoryEntry[] {
  const { thresholds: t, timing } = d.observability;
  const entries: InventoryEntry[] = [];
  const add = (name: string, title: string, component: Component, alarms: AlarmSpec[], graphs: GraphSpec[] = []) =>
    entries.push({ name, constructId: pascal(name), title, component, alarms, graphs });
  for (let i = 0; i < natCount(d); i++) {
    const c: NatComponent = { kind: "nat", index: i, natGatewayId: sources.natGatewayId(i) };
    add(`nat-${i}`, `NAT gateway ${i} (${d.network.azs[i]})`, c, natAlarms(c, t, timing));
  }
  for (const s of d.data.aurora) {
    const c: AuroraComponent = { kind: "aurora", clusterIdentifier: s.identifier, readers: s.readers };
    add(`aurora-${kebab(s.id)}`, `Aurora ${s.identifier}`, c, auroraAlarms(c, t, timing));
  }
  for (const s of d.data.rds) {
    const c: RdsComponent = { kind: "rds", instanceIdentifier: s.identifier, engine: s.engine };
    add(`rds-${kebab(s.id)}`, `RDS ${s.engine} ${s.identifier}`, c, rdsAlarms(c, t, timing), rdsGraphs(c));
  }
  for (const s of d.data.neptune) {
    const c: NeptuneComponent = { kind: "neptune", clusterIdentifier: s.identifier, maxCapacity: s.maxCapacity };
    add(`neptune-${kebab(s.id)}`, `Neptune ${s.identifier}`, c, neptuneAlarms(c, t, timing));
  }
  for (const s of d.data.redis) {
    const c: RedisComponent = { kind: "redis", replicationGroupId: s.replicationGroupId, nodes: s.nodes };
    add(`redis-${kebab(s.id)}`, `Redis ${s.replicationGroupId}`, c, redisAlarms(c, t, timing));
  }
  for (const s of d.data.dynamodb) {
    const c: TableComponent = { kind: "table", id: s.id, tableName: sources.tableName(s.id) };
    add(`table-${kebab(s.id)}`, `DynamoDB ${s.name}`, c, tableAlarms(c, t, timing));
  }
  // Dead letters: a pipe's DLQ, and a function's on-failure destination for failed asynchronous invocations.
  const pipeDeadLetters = new Set([...d.messaging.pipes.map((p) => p.deadLetterQueue), ...d.compute.functions.flatMap((f) => (f.onFailureQueue ? [f.onFailureQueue] : []))]);
  for (const q of d.messaging.queues) {
    const c: QueueComponent = { kind: "queue", id: q.id, queueName: sources.queueName(q.id), deadLetter: q.redriveSources.length > 0 || pipeDeadLetters.has(q.id) };
    add(`queue-${kebab(q.id)}`, `${c.deadLetter ? "Dead-letter queue" : "Queue"} ${q.name}`, c, queueAlarms(c, t, timing));
  }
  if (d.messaging.broker) {
    const c: BrokerComponent = { kind: "broker", brokerKind: d.messaging.broker.kind, brokerName: sources.brokerName() };
    add("broker", `RabbitMQ broker ${d.messaging.broker.name}`, c, brokerAlarms(c, t, timing));
  }
  for (const f of d.compute.functions) {
    const c: FunctionComponent = { kind: "function", name: f.name, functionName: sources.functionName(f.name), timeoutSeconds: sources.functionTimeout(f.name), failureDestination: f.onFailureQueue !== undefined };
    add(`function-${kebab(f.name)}`, `Lambda ${f.name}`, c, functionAlarms(c, t, timing));
  }
  for (const s of d.compute.ecs?.services ?? []) {
    const c: ServiceComponent = { kind: "service", id: s.id, serviceName: sources.serviceName(s.id), clusterName: sources.serviceCluster(s.id) };
    add(`service-${kebab(s.id)}`, `ECS service ${s.name}`, c, serviceAlarms(c, t, timing));
  }
  for (const lb of d.compute.ecs?.loadBalancers ?? []) {
    const c: LoadBalancerComponent = { kind: "load-balancer", id: lb.id, loadBalancer: sources.loadBalancerSuffix(lb.id), targetGroup: sources.targetGroupSuffix(lb.id) };
    add(`alb-${kebab(lb.id)}`, `Load balancer ${lb.name}`, c, loadBalancerAlarms(c, t, timing), loadBalancerGraphs(c));
  }
  // Container Insights' metrics (the cluster's amazon-cloudwatch-observability add-on): nodes under the node groups'
  // minimum sizes, and the API namespace under its pod floor.
  const eks = d.compute.eks;
  if (eks) {
    const c: EksClusterComponent = {
      kind: "eks-cluster", id: eks.id, clusterName: sources.eksClusterName(eks.id), minNodes: eks.nodeGroups.reduce((n, g) => n + g.minSize, 0),
      namespaces: [{ name: eks.irsa.api.namespace, minPods: eks.irsa.api.minPods }],
    };
    add(`eks-${kebab(eks.id)}`, `EKS cluster ${eks.name}`, c, eksClusterAlarms(c, t, timing));
  }
  for (const x of d.edge.distributions) {
    const c: DistributionComponent = { kind: "distribution", id: x.id, distributionId: sources.distributionId(x.id) };
    add(`cdn-${kebab(x.id)}`, `CloudFront ${x.id} (${x.hostname})`, c, distributionAlarms(c, t, timing));
  }
  if (d.edge.api) {
    const fronts = d.edge.api.function.name;
    const c: RestApiComponent = { kind: "rest-api", fronts, apiName: sources.restApiName(fronts), stage: sources.restApiStage(fronts) };
    add("api", `REST API ${d.edge.api.name}`, c, restApiAlarms(c, t, timing));
  }
  // The edge creates its web ACL only in front of distributions (stacks/edge-stack.ts).
  if (d.edge.waf && d.edge.distributions.length > 0) {
    const c: WebAclComponent = { kind: "web-acl", name: d.edge.waf.name, metricName: sources.webAclMetricName() };
    add("waf", `WAF ${d.edge.waf.name}`, c, webAclAlarms(c, t, timing));
  }
  return entries;
}

/** The observability layer's own dead-letter queue of undelivered pages: alarmed like any other DLQ. */
export function pagerDutyDeadLetterEntry(name: string, queueName: string, t: Thresholds, timing: AlarmTiming): InventoryEntry {
  const c: QueueComponent = { kind: "queue", id: "PagerDutyDeadLetter", queueName, deadLetter: true };
  return { name, constructId: pascal(name), title: "Undelivered PagerDuty notifications", component: c, alarms: queueAlarms(c, t, timing), graphs: [] };
}
