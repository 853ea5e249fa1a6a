import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS, DEFAULT_TIMING } from "../../config/layers/observability";
import { eksClusterAlarms } from "../../modules/observability/alarms/eks-cluster";
import { MetricAlarm } from "../../modules/observability/metric-alarm";
import { DEPLOYMENTS } from "../support/deployments";
import { synthOf } from "../support/modules";

/**
 * No deployment has an EKS cluster yet (the compute contract's eks maps are
 * empty everywhere), so the builder is proven on its own, as the stack will
 * call it with the contract's cluster name.
 */
describe("EKS node and pod health through Container Insights", () => {
  const name = "${data.terraform_remote_state.commerce-prod-compute.outputs.eks_cluster_names.Main}";
  const specs = eksClusterAlarms({ kind: "eks-cluster", id: "Main", clusterName: name, minNodes: 3, namespaces: [{ name: "storefront", minPods: 2 }] }, DEFAULT_THRESHOLDS.prod, DEFAULT_TIMING.prod);

  it("alarms on failing nodes, too few nodes, node CPU and memory, and running pods per namespace, dimensioned on the cluster's name", () => {
    expect(specs.map((s) => [s.key, s.namespace, s.metricName, s.dimensions, s.statistic, s.comparison, s.threshold, s.treatMissingData])).toEqual([
      ["failed-nodes", "ContainerInsights", "cluster_failed_node_count", { ClusterName: name }, "Maximum", "GreaterThanThreshold", 0, "missing"],
      ["nodes", "ContainerInsights", "cluster_node_count", { ClusterName: name }, "Minimum", "LessThanThreshold", 3, "breaching"],
      ["node-cpu", "ContainerInsights", "node_cpu_utilization", { ClusterName: name }, "Average", "GreaterThanThreshold", 80, "missing"],
      ["node-memory", "ContainerInsights", "node_memory_utilization", { ClusterName: name }, "Average", "GreaterThanThreshold", 80, "missing"],
      ["pods-storefront", "ContainerInsights", "namespace_number_of_running_pods", { ClusterName: name, Namespace: "storefront" }, "Minimum", "LessThanThreshold", 2, "breaching"],
    ]);
    for (const s of specs) {
      expect([s.periodSeconds, s.evaluationPeriods, s.datapointsToAlarm]).toEqual([60, 5, 3]);
      expect(s.description).toMatch(/\. First: .{20,}/);
    }
  });

  it("synthesizes into alarms notifying the topic on ALARM and OK", () => {
    const json = synthOf((stack) => specs.forEach((spec) => new MetricAlarm(stack, spec.key, { name: `commerce-prod-eks-main-${spec.key}`, spec, topicArn: "arn:aws:sns:us-west-2:123456789012:commerce-prod-alarms" })));
    const alarms = Object.values(json.resource.aws_cloudwatch_metric_alarm);
    expect(alarms.map((a) => [a.alarm_name, a.metric_name, a.alarm_actions, a.ok_actions]).sort()).toEqual(specs.map((s) => [
      `commerce-prod-eks-main-${s.key}`, s.metricName, ["arn:aws:sns:us-west-2:123456789012:commerce-prod-alarms"], ["arn:aws:sns:us-west-2:123456789012:commerce-prod-alarms"],
    ]).sort());
  });

  it("is not wired into the inventory while no deployment configures an EKS cluster", () => {
    expect(DEPLOYMENTS.filter((d) => "eks" in d.compute).map((d) => d.name)).toEqual([]);
  });
});
