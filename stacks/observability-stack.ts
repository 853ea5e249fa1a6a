import { Aspects, Fn, Token } from "cdktf";
import { Construct } from "constructs";
import { type InventoryEntry, inventory, pagerDutyDeadLetterEntry } from "../lib/observability/inventory";
import { ProviderScope } from "../modules/edge/provider-scope";
import { GLOBAL_METRICS_REGION } from "../modules/observability/alarm-spec";
import { AlertTopic } from "../modules/observability/alert-topic";
import { DeploymentDashboard } from "../modules/observability/dashboard";
import { DatabaseEvents } from "../modules/observability/database-events";
import { MetricAlarm } from "../modules/observability/metric-alarm";
import { LogQuery } from "../modules/observability/log-query";
import { PagerDutySubscription } from "../modules/observability/pager-duty-subscription";
import { StageSamplingRule } from "../modules/observability/sampling-rule";
import { COMPUTE, type ComputeStack } from "./compute-stack";
import { consume, defineContract, publish } from "./contracts";
import { DATA, type DataStack } from "./data-stack";
import { EDGE, type EdgeStack } from "./edge-stack";
import { LayerStack, type LayerStackProps } from "./layer-stack";
import { MESSAGING, type MessagingStack } from "./messaging-stack";
import { NETWORK, type NetworkStack } from "./network-stack";

/** Props of the observability layer: every earlier layer it may watch. */
export interface ObservabilityStackProps extends LayerStackProps {
  readonly network: NetworkStack;
  readonly data?: DataStack;
  readonly messaging?: MessagingStack;
  readonly compute?: ComputeStack;
  readonly edge?: EdgeStack;
}

/** What the observability layer publishes (governance's budgets and later layers notify the same topic). */
export const OBSERVABILITY = defineContract("observability", {
  alarm_topic_arn: { kind: "string", description: "SNS topic receiving every alarm and OK notification of the deployment (CloudWatch, EventBridge, Budgets and RDS events may publish)" },
  alarm_topic_kms_key_arn: { kind: "string", description: "Key encrypting the alarm topic; a role publishing to it needs kms:GenerateDataKey and kms:Decrypt on it" },
});

/**
 * Observability layer: the deployment's alarm topic (and its PagerDuty
 * subscription outside dev), one alarm per failure mode of each component
 * the inventory derives from config and the earlier layers' contracts,
 * RDS event subscriptions and a dashboard from the same inventory. An
 * earlier layer is read only when something of it is watched.
 */
export class ObservabilityStack extends LayerStack {
  constructor(scope: Construct, props: ObservabilityStackProps) {
    super(scope, "observability", props);
    const d = this.deployment;
    const o = d.observability;
    const reader = <T>(make: () => T) => {
      let value: T | undefined;
      return () => (value ??= make());
    };
    const network = reader(() => consume(this, NETWORK, props.network));
    const data = reader(() => consume(this, DATA, props.data!));
    const messaging = reader(() => consume(this, MESSAGING, props.messaging!));
    const compute = reader(() => consume(this, COMPUTE, props.compute!));
    const edge = reader(() => consume(this, EDGE, props.edge!));
    // Stores are dimensioned by their config identifiers; the dependency still orders data first (event subscriptions name existing databases).
    if (props.data) this.addDependency(props.data);
    const entries = inventory(d, {
      natGatewayId: (i) => Token.asString(Fn.element(network().get("nat_gateway_ids"), i)),
      queueName: (id) => messaging().entry("queue_names", id),
      tableName: (id) => data().entry("table_names", id),
      brokerName: () => messaging().get("broker_name"),
      functionName: (name) => compute().entry("function_names", name),
      functionTimeout: (name) => Token.asNumber(compute().entry("function_timeouts", name)),
      serviceName: (id) => compute().entry("ecs_service_names", id),
      serviceCluster: (id) => compute().entry("ecs_service_clusters", id),
      loadBalancerSuffix: (id) => compute().entry("load_balancer_arn_suffixes", id),
      targetGroupSuffix: (id) => compute().entry("target_group_arn_suffixes", id),
      eksClusterName: (id) => compute().entry("eks_cluster_names", id),
      distributionId: (id) => edge().entry("distribution_ids", id),
      webAclMetricName: () => edge().get("web_acl_metric_name"),
      restApiName: (fronts) => edge().entry("rest_api_names", fronts),
      restApiStage: (fronts) => edge().entry("rest_api_stage_names", fronts),
    });

    const topic = new AlertTopic(this, "AlarmTopic", {
      name: o.topicName, accountId: this.accountId, partition: this.partition, region: d.region, preventDestroy: d.deletionProtection,
    });
    const pager = o.pagerDuty && new PagerDutySubscription(this, "PagerDuty", {
      topicArn: topic.arn, source: o.pagerDuty, deadLetterQueueName: `${o.topicName}-pagerduty-dlq`, kmsKeyArn: topic.keyArn, preventDestroy: d.deletionProtection,
    });
    // A page PagerDuty never received: the topic still reaches its other subscribers (console, chat).
    if (pager) entries.push(pagerDutyDeadLetterEntry("pagerduty-dlq", pager.deadLetterQueueName, o.thresholds, o.timing));
    this.alarms(this, topic.arn, entries.map((e) => ({ ...e, alarms: e.alarms.filter((a) => !a.global) })));
    const global: InventoryEntry[] = entries.map((e) => ({ ...e, alarms: e.alarms.filter((a) => a.global) })).filter((e) => e.alarms.length > 0);
    if (o.globalTopicName) {
      // CloudFront and WAF alarms outside us-east-1: their own topic there, paging through the same integration URL.
      const scope = new Construct(this, "Global");
      Aspects.of(scope).add(new ProviderScope(this.providerFor({ region: GLOBAL_METRICS_REGION })));
      const globalTopic = new AlertTopic(scope, "AlarmTopic", {
        name: o.globalTopicName, accountId: this.accountId, partition: this.partition, region: GLOBAL_METRICS_REGION, preventDestroy: d.deletionProtection, alarmsOnly: true,
      });
      const globalPager = pager && new PagerDutySubscription(scope, "PagerDuty", {
        topicArn: globalTopic.arn, source: { endpoint: pager.endpoint }, deadLetterQueueName: `${o.globalTopicName}-pagerduty-dlq`, kmsKeyArn: globalTopic.keyArn, preventDestroy: d.deletionProtection,
      });
      if (globalPager) global.push(pagerDutyDeadLetterEntry("global-pagerduty-dlq", globalPager.deadLetterQueueName, o.thresholds, o.timing));
      this.alarms(scope, globalTopic.arn, global);
    } else {
      this.alarms(this, topic.arn, global);
    }
    new DatabaseEvents(this, "DatabaseEvents", {
      namePrefix: d.name, topicArn: topic.arn, categories: o.rdsEventCategories,
      clusterIds: d.data.aurora.map((s) => s.identifier), instanceIds: d.data.rds.map((s) => s.identifier),
    });
    o.logQueries.forEach((q, i) => new LogQuery(this, `LogQuery${i}`, {
      name: q.name, query: q.query, logGroupNames: q.functions.map((f) => compute().entry("function_log_group_names", f)),
    }));
    if (o.sampling && d.edge.api) {
      const fronts = d.edge.api.function.name;
      new StageSamplingRule(this, "ApiSampling", {
        ruleName: o.sampling.ruleName, sampling: o.sampling,
        serviceName: `${edge().entry("rest_api_names", fronts)}/${edge().entry("rest_api_stage_names", fronts)}`,
        stageArn: edge().entry("rest_api_stage_arns", fronts),
      });
    }
    if (o.dashboardName) {
      new DeploymentDashboard(this, "Dashboard", {
        name: o.dashboardName, region: d.region, periodSeconds: o.timing.periodSeconds, rows: entries.map((e) => ({ title: e.title, alarms: e.alarms, graphs: e.graphs })),
      });
    }
    publish(this, OBSERVABILITY, { alarm_topic_arn: topic.arn, alarm_topic_kms_key_arn: topic.keyArn });
  }

  /** One alarm per spec of each entry, named `<deployment>-<component>-<alarm>`, notifying `topicArn`. */
  private alarms(scope: Construct, topicArn: string, entries: readonly InventoryEntry[]): void {
    for (const entry of entries) {
      for (const spec of entry.alarms) {
        const key = spec.key.split("-").map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join("");
        new MetricAlarm(scope, `${entry.constructId}${key}`, { name: `${this.deployment.name}-${entry.name}-${spec.key}`, spec, topicArn });
      }
    }
  }
}
