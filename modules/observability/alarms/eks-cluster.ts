import type { Thresholds } from "../../../config/layers/observability";
import type { AlarmSpec, AlarmTiming } from "../alarm-spec";

/**
 * An EKS cluster watched through Container Insights (the CloudWatch
 * observability add-on): its config id, name (compute contract
 * `eks_cluster_names`), the nodes its managed node groups keep at least
 * (sum of their minimum sizes) and the namespaces whose running pods must
 * not fall under a floor.
 */
export interface EksClusterComponent {
  readonly kind: "eks-cluster";
  readonly id: string;
  readonly clusterName: string;
  readonly minNodes: number;
  readonly namespaces: readonly { readonly name: string; readonly minPods: number }[];
}

/**
 * Node health: a node with a failing condition (NotReady, memory or disk
 * pressure; commerce's "Node NotReady"), fewer nodes than the node groups'
 * minimum, node CPU and memory; pod health: running pods per namespace
 * under its floor. All in ContainerInsights, dimension ClusterName (and
 * Namespace): the metrics the add-on publishes at cluster level.
 */
export function eksClusterAlarms(c: EksClusterComponent, t: Thresholds, timing: AlarmTiming): AlarmSpec[] {
  const cluster = { ClusterName: c.clusterName };
  const base = { namespace: "ContainerInsights", ...timing };
  const n = `EKS cluster ${c.id}`;
  return [
    { ...base, dimensions: cluster, key: "failed-nodes", metricName: "cluster_failed_node_count", statistic: "Maximum", comparison: "GreaterThanThreshold", threshold: 0, treatMissingData: "missing",
      description: `${n} has a node with a failing condition (NotReady, memory, disk or PID pressure). First: kubectl describe node for the condition and its events; the node group replaces an unhealthy instance, pods reschedule meanwhile.` },
    { ...base, dimensions: cluster, key: "nodes", metricName: "cluster_node_count", statistic: "Minimum", comparison: "LessThanThreshold", threshold: c.minNodes, treatMissingData: "breaching",
      description: `${n} runs fewer than the ${c.minNodes} nodes its node groups keep at least, or stopped reporting. First: the node groups' health issues (describe-nodegroup) and the Auto Scaling activity (capacity, Spot interruptions); then the CloudWatch agent pods.` },
    { ...base, dimensions: cluster, key: "node-cpu", metricName: "node_cpu_utilization", statistic: "Average", comparison: "GreaterThanThreshold", threshold: t.cpuPercent, treatMissingData: "missing",
      description: `Nodes of ${n} above ${t.cpuPercent}% CPU on average. First: kubectl top pods for the consumer; raise the node group's maximum or the pods' limits.` },
    { ...base, dimensions: cluster, key: "node-memory", metricName: "node_memory_utilization", statistic: "Average", comparison: "GreaterThanThreshold", threshold: t.memoryPercent, treatMissingData: "missing",
      description: `Nodes of ${n} above ${t.memoryPercent}% memory on average: pods are evicted or OOM-killed next. First: kubectl top pods and pods without memory limits.` },
    ...c.namespaces.map((ns): AlarmSpec => ({
      ...base, dimensions: { ...cluster, Namespace: ns.name }, key: `pods-${ns.name}`, metricName: "namespace_number_of_running_pods", statistic: "Minimum",
      comparison: "LessThanThreshold", threshold: ns.minPods, treatMissingData: "breaching",
      description: `${n} runs fewer than ${ns.minPods} pods in namespace ${ns.name}. First: kubectl get pods -n ${ns.name} for Pending (capacity), CrashLoopBackOff or ImagePullBackOff, then the events of the failing pod.`,
    })),
  ];
}
