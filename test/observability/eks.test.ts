import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS, DEFAULT_TIMING } from "../../config/layers/observability";
import { eksClusterAlarms } from "../../modules/observability/alarms/eks-cluster";
import { MetricAlarm } from "../../modules/observability/metric-alarm";
import { DEPLOYMENTS } from "../support/deployments";
import { synthOf } from "../support/modules";
import { refBy, resources, stack, upstreamEntry } from "../support/synth";

/**
 * The builder on its own, then its alarms in each commerce deployment's
 * observability stack, dimensioned on the compute contract's cluster name.
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

  // Container Insights' metrics come from the clusters' amazon-cloudwatch-observability add-on (test/compute/containers).
  describe.each([
    ["commerce-prod", 5, 3],
    ["commerce-staging", 4, 2],
    ["commerce-dev", 2, 1],
  ] as const)("%s", (name, minNodes, minPods) => {
    const d = DEPLOYMENTS.find((x) => x.name === name)!;
    const obs = stack(`${name}-observability`);
    const cluster = upstreamEntry(`${name}-compute`, "eks_cluster_names", "Main");
    const topic = refBy(obs, "aws_sns_topic", "name", d.observability.topicName, "arn");
    const alarms = Object.values(resources(obs, "aws_cloudwatch_metric_alarm")).filter((a) => a.namespace === "ContainerInsights");

    it("alarms on the cluster named by the compute contract: nodes under the node groups' minimum, the API namespace under its pod floor", () => {
      const { cpuPercent, memoryPercent } = d.observability.thresholds;
      const byName = (x: unknown[], y: unknown[]) => String(x[0]).localeCompare(String(y[0]));
      expect(alarms.map((a) => [a.alarm_name, a.metric_name, a.dimensions, a.statistic, a.comparison_operator, a.threshold, a.treat_missing_data]).sort(byName)).toEqual([
        [`${name}-eks-main-failed-nodes`, "cluster_failed_node_count", { ClusterName: cluster }, "Maximum", "GreaterThanThreshold", 0, "missing"],
        [`${name}-eks-main-nodes`, "cluster_node_count", { ClusterName: cluster }, "Minimum", "LessThanThreshold", minNodes, "breaching"],
        [`${name}-eks-main-node-cpu`, "node_cpu_utilization", { ClusterName: cluster }, "Average", "GreaterThanThreshold", cpuPercent, "missing"],
        [`${name}-eks-main-node-memory`, "node_memory_utilization", { ClusterName: cluster }, "Average", "GreaterThanThreshold", memoryPercent, "missing"],
        [`${name}-eks-main-pods-commerce`, "namespace_number_of_running_pods", { ClusterName: cluster, Namespace: "commerce" }, "Minimum", "LessThanThreshold", minPods, "breaching"],
      ].sort(byName));
      expect([cpuPercent, memoryPercent]).toEqual([80, 80]);
      expect(minNodes).toBe(d.compute.eks!.nodeGroups.reduce((n, g) => n + g.minSize, 0));
    });

    it("evaluates by the environment's timing and notifies the deployment's topic on ALARM and OK", () => {
      const t = DEFAULT_TIMING[d.environment];
      for (const a of alarms) {
        expect([a.period, a.evaluation_periods, a.datapoints_to_alarm], String(a.alarm_name)).toEqual([t.periodSeconds, t.evaluationPeriods, t.datapointsToAlarm]);
        expect([a.alarm_actions, a.ok_actions], String(a.alarm_name)).toEqual([[topic], [topic]]);
      }
    });

    it("puts the cluster on the dashboard as a row of its own", () => {
      const dashboard = Object.values(resources(obs, "aws_cloudwatch_dashboard"));
      expect(dashboard).toHaveLength(d.observability.dashboardName ? 1 : 0);
      for (const x of dashboard) expect(String(x.dashboard_body)).toContain(`EKS cluster ${name}`);
    });
  });
});
