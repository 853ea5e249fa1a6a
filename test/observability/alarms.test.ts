import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS, DEFAULT_TIMING } from "../../config/layers/observability";
import { inventory, natCount } from "../../lib/observability/inventory";
import type { AlarmSpec } from "../../modules/observability/alarm-spec";
import { memberClusterIds } from "../../modules/observability/alarms/redis";
import { DEPLOYMENTS, deployment } from "../support/deployments";
import { refBy, resources, stack, type StackJson, upstream, upstreamEntry } from "../support/synth";

type Query = { id: string; expression?: string; return_data: boolean; metric?: { namespace: string; metric_name: string; dimensions: Record<string, string>; stat: string; period: number } };
type Alarm = Record<string, unknown> & { alarm_name: string; namespace: string; metric_name: string; dimensions: Record<string, string>; metric_query?: Query[] };
const observed = DEPLOYMENTS.filter((d) => d.layers.includes("observability"));
const alarmsOf = (s: StackJson) => Object.values(resources(s, "aws_cloudwatch_metric_alarm")) as Alarm[];
const alarm = (s: StackJson, name: string) => {
  const found = alarmsOf(s).find((a) => a.alarm_name === name);
  if (!found) throw new Error(`no alarm ${name}`);
  return found;
};

/** The references each contract read becomes in the synthesized JSON. */
const sourcesOf = (name: string) => ({
  natGatewayId: (i: number) => `\${element(data.terraform_remote_state.${name}-network.outputs.nat_gateway_ids, ${i})}`,
  queueName: (id: string) => upstreamEntry(`${name}-messaging`, "queue_names", id),
  tableName: (id: string) => upstreamEntry(`${name}-data`, "table_names", id),
  brokerName: () => upstream(`${name}-messaging`, "broker_name"),
  functionName: (f: string) => upstreamEntry(`${name}-compute`, "function_names", f),
  functionTimeout: (f: string) => deployment(name).compute.functions.find((x) => x.name === f)!.timeoutSeconds,
  serviceName: (id: string) => upstreamEntry(`${name}-compute`, "ecs_service_names", id),
  serviceCluster: (id: string) => upstreamEntry(`${name}-compute`, "ecs_service_clusters", id),
  loadBalancerSuffix: (id: string) => upstreamEntry(`${name}-compute`, "load_balancer_arn_suffixes", id),
  targetGroupSuffix: (id: string) => upstreamEntry(`${name}-compute`, "target_group_arn_suffixes", id),
  eksClusterName: (id: string) => upstreamEntry(`${name}-compute`, "eks_cluster_names", id),
  distributionId: (id: string) => upstreamEntry(`${name}-edge`, "distribution_ids", id),
  webAclMetricName: () => upstream(`${name}-edge`, "web_acl_metric_name"),
  restApiName: (fronts: string) => upstreamEntry(`${name}-edge`, "rest_api_names", fronts),
  restApiStage: (fronts: string) => upstreamEntry(`${name}-edge`, "rest_api_stage_names", fronts),
});

/** A function's duration ceiling as Terraform computes it from the compute contract's timeout (percent of the timeout, in ms). */
const durationCeiling = (name: string, fn: string, percent: number) =>
  `\${(data.terraform_remote_state.${name}-compute.outputs.function_timeouts.${fn} * ${10 * percent})}`;

/** The threshold as synthesized: a Lambda duration ceiling is computed by Terraform from the function's timeout output. */
function thresholdIn(name: string, spec: AlarmSpec): number | string {
  if (spec.namespace !== "AWS/Lambda" || spec.metricName !== "Duration") return spec.threshold;
  const fn = deployment(name).compute.functions.find((f) => upstreamEntry(`${name}-compute`, "function_names", f.name) === spec.dimensions.FunctionName)!;
  return durationCeiling(name, fn.name, deployment(name).observability.thresholds.durationPercentOfTimeout);
}

/** A dashboard body parses once Terraform has put its computed thresholds in; here they stay as their expression. */
const parseBody = (body: string) => JSON.parse(body.replace(/:(\$\{\([^}]*\)\})/g, (_, expression: string) => `:${JSON.stringify(expression)}`)) as unknown;

/** The metric an alarm watches: its own, or the first metric of its metric math. */
const watched = (a: Alarm) => (a.metric_query ? { ...a.metric_query[0].metric!, period: a.metric_query[0].metric!.period } : { namespace: a.namespace, metric_name: a.metric_name, dimensions: a.dimensions, period: a.period as number });

/** Every identifier a data stack gives its stores: what a literal dimension may name. */
function storeIdentifiers(name: string): Set<string> {
  const s = stack(`${name}-data`);
  const ids = new Set<string>();
  for (const c of Object.values(resources(s, "aws_rds_cluster"))) ids.add(c.cluster_identifier as string);
  for (const c of Object.values(resources(s, "aws_neptune_cluster"))) ids.add(c.cluster_identifier as string);
  for (const i of Object.values(resources(s, "aws_db_instance"))) ids.add(i.identifier as string);
  for (const g of Object.values(resources(s, "aws_elasticache_replication_group"))) {
    for (let n = 1; n <= (g.num_cache_clusters as number); n++) ids.add(`${g.replication_group_id as string}-${String(n).padStart(3, "0")}`);
  }
  return ids;
}

describe.each(observed.map((d) => d.name))("%s-observability", (name) => {
  const d = deployment(name);
  const s = stack(`${name}-observability`);
  const topic = refBy(s, "aws_sns_topic", "name", d.observability.topicName, "arn");
  // CloudFront and WAF publish in us-east-1: their alarms (and the DLQ of that region's pages) notify the us-east-1 topic there.
  const globalTopic = d.observability.globalTopicName ? refBy(s, "aws_sns_topic", "name", d.observability.globalTopicName, "arn") : topic;
  const globalDlq = d.observability.globalTopicName && d.observability.pagerDuty ? [`${name}-global-pagerduty-dlq-messages`] : [];
  const isGlobal = (a: Alarm) => ["AWS/CloudFront", "AWS/WAFV2"].includes(a.namespace) || globalDlq.includes(a.alarm_name);

  it("has exactly the alarms its inventory derives, with their metrics, dimensions and thresholds", () => {
    const expected: (readonly [string, AlarmSpec])[] = inventory(d, sourcesOf(name)).flatMap((e) => e.alarms.map((a) => [`${name}-${e.name}-${a.key}`, a] as const));
    if (d.observability.pagerDuty) expected.push([`${name}-pagerduty-dlq-messages`, expect.objectContaining({ metricName: "ApproximateNumberOfMessagesVisible" })]);
    for (const n of globalDlq) expected.push([n, expect.objectContaining({ metricName: "ApproximateNumberOfMessagesVisible" })]);
    expect(alarmsOf(s).map((a) => a.alarm_name).sort()).toEqual(expected.map(([n]) => n).sort());
    for (const [alarmName, spec] of expected.filter(([n]) => !n.endsWith("-pagerduty-dlq-messages"))) {
      const a = alarm(s, alarmName);
      const timed = { comparison_operator: spec.comparison, evaluation_periods: spec.evaluationPeriods, datapoints_to_alarm: spec.datapointsToAlarm, treat_missing_data: spec.treatMissingData };
      if (spec.shortOf) {
        const metric = (metricName: string) => ({ namespace: spec.namespace, metric_name: metricName, dimensions: spec.dimensions, stat: spec.statistic, period: spec.periodSeconds });
        expect(a, alarmName).toMatchObject({ ...timed, threshold: spec.threshold });
        expect(a.metric_query, alarmName).toEqual([
          { id: "actual", return_data: false, metric: metric(spec.metricName) },
          { id: "wanted", return_data: false, metric: metric(spec.shortOf) },
          { id: "shortfall", expression: "wanted - actual", label: `${spec.shortOf} - ${spec.metricName}`, return_data: true },
        ]);
        expect([a.namespace, a.metric_name, a.period], alarmName).toEqual([undefined, undefined, undefined]);
        continue;
      }
      expect(a, alarmName).toMatchObject({
        ...timed, namespace: spec.namespace, metric_name: spec.metricName, dimensions: spec.dimensions,
        ...(spec.statistic.startsWith("p") ? { extended_statistic: spec.statistic } : { statistic: spec.statistic }),
        threshold: thresholdIn(name, spec), period: spec.periodSeconds,
      });
    }
  });

  it("notifies the deployment's topic on ALARM and on OK (in us-east-1 the CloudFront and WAF alarms, through its provider alias), and says what each alarm means and what to do first", () => {
    for (const a of alarmsOf(s)) {
      const own = isGlobal(a) ? globalTopic : topic;
      expect(a.alarm_actions, a.alarm_name).toEqual([own]);
      expect(a.ok_actions, a.alarm_name).toEqual([own]);
      expect(a.provider, a.alarm_name).toBe(isGlobal(a) && d.region !== "us-east-1" ? "aws.us-east-1" : undefined);
      expect(a.alarm_description as string, a.alarm_name).toMatch(/\. First: .{20,}/);
    }
  });

  it("dimensions every alarm on a resource that exists: a declared contract output, a store identifier of the data stack, or its own queue", () => {
    const stores = storeIdentifiers(name);
    const remote = /^\$\{(?:element\()?data\.terraform_remote_state\.([a-z0-9-]+)\.outputs\.([a-z_]+)(?:\.([A-Za-z0-9]+))?(?:, (\d+)\))?\}$/;
    for (const a of alarmsOf(s)) {
      for (const [key, value] of Object.entries(watched(a).dimensions)) {
        const m = remote.exec(value);
        if (m) {
          const [, producer, output, entry] = m;
          expect(Object.keys(stack(producer).output ?? {}), `${a.alarm_name} ${key}`).toContain(output);
          if (entry) expect(Object.keys((stack(producer).output![output].value ?? {}) as object), `${a.alarm_name} ${key}`).toContain(entry);
        } else if (key === "Role") {
          expect(value).toBe("WRITER");
        } else if (key === "QueueName") {
          expect(value).toBe(globalDlq.includes(a.alarm_name) ? "${aws_sqs_queue.Global_PagerDuty_DeadLetterQueue_52401C80.name}" : "${aws_sqs_queue.PagerDuty_DeadLetterQueue_912AC539.name}");
        } else if (key === "Namespace") {
          // Container Insights' Kubernetes namespace: the API's, from config.
          expect([a.namespace, value]).toEqual(["ContainerInsights", d.compute.eks?.irsa.api.namespace]);
        } else if (key === "Region" || key === "Rule") {
          // CloudFront's global metrics; the web ACL's total over all rules.
          expect([a.namespace, key, value]).toEqual(key === "Region" ? ["AWS/CloudFront", "Region", "Global"] : ["AWS/WAFV2", "Rule", "ALL"]);
        } else {
          expect(stores.has(value), `${a.alarm_name} ${key}=${value}`).toBe(true);
        }
      }
    }
  });

  it("evaluates by its environment's timing; DLQ messages and port allocation errors fire on the first datapoint", () => {
    const t = DEFAULT_TIMING[d.environment];
    for (const a of alarmsOf(s)) {
      const immediate = ["ApproximateNumberOfMessagesVisible", "ErrorPortAllocation", "StatusCheckFailed", "DestinationDeliveryFailures"].includes(a.metric_name);
      expect([watched(a).period, a.evaluation_periods, a.datapoints_to_alarm], a.alarm_name).toEqual(immediate ? [t.periodSeconds, 1, 1] : [t.periodSeconds, t.evaluationPeriods, t.datapointsToAlarm]);
    }
  });

  it("draws every alarmed metric on the dashboard, with its threshold", () => {
    const dashboard = Object.values(resources(s, "aws_cloudwatch_dashboard"))[0];
    expect(dashboard.dashboard_name).toBe(name);
    const widgets = (parseBody(dashboard.dashboard_body as string) as { widgets: { type: string; properties: { region?: string; metrics?: string[][]; annotations?: { horizontal: { value: number }[] } } }[] }).widgets;
    const graphs = widgets.filter((w) => w.type === "metric").map((w) => [w.properties.region, ...w.properties.metrics!.flat(), w.properties.annotations?.horizontal[0].value]);
    const expected = inventory(d, sourcesOf(name)).flatMap((e) => [
      ...e.alarms.map((a) => [a.global ? "us-east-1" : d.region, ...(a.shortOf
        ? [a.namespace, a.metricName, ...Object.entries(a.dimensions).flat(), a.namespace, a.shortOf, ...Object.entries(a.dimensions).flat(), undefined]
        : [a.namespace, a.metricName, ...Object.entries(a.dimensions).flat(), thresholdIn(name, a)])]),
      ...e.graphs.map((g) => [d.region, g.namespace, g.metricName, ...Object.entries(g.dimensions).flat(), undefined]),
    ]);
    const pages = d.observability.pagerDuty ? [[d.region, "AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", "${aws_sqs_queue.PagerDuty_DeadLetterQueue_912AC539.name}", 0]] : [];
    expect(graphs).toEqual([...expected, ...pages]);
  });
});

describe("what each deployment watches", () => {
  it("covers every NAT gateway, store, queue, broker, function, ECS service, load balancer, distribution and web ACL of every deployment", () => {
    for (const d of observed) {
      const names = alarmsOf(stack(`${d.name}-observability`)).map((a) => a.alarm_name);
      const has = (prefix: string) => names.some((n) => n.startsWith(`${d.name}-${prefix}-`));
      for (let i = 0; i < natCount(d); i++) expect(has(`nat-${i}`), `${d.name} nat ${i}`).toBe(true);
      expect(natCount(d)).toBe(d.network.nat === "perAz" ? d.network.azs.length : d.network.nat === "single" ? 1 : 0);
      for (const q of d.messaging.queues) expect(names, d.name).toContain(`${d.name}-queue-${q.id.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase()}-${q.redriveSources.length > 0 || d.messaging.pipes.some((p) => p.deadLetterQueue === q.id) ? "messages" : "oldest-message"}`);
      for (const r of d.data.redis) for (const m of memberClusterIds({ kind: "redis", replicationGroupId: r.replicationGroupId, nodes: r.nodes })) expect(names.some((n) => n.includes(m)), m).toBe(true);
      expect(names.filter((n) => n.startsWith(`${d.name}-broker-`)).length).toBe(d.messaging.broker ? 3 : 0);
      for (const f of d.compute.functions) expect(names.filter((n) => n.startsWith(`${d.name}-function-${f.name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase()}-`)).length, f.name).toBe(f.onFailureQueue ? 4 : 3);
      for (const x of d.compute.ecs?.services ?? []) expect(names.filter((n) => n.startsWith(`${d.name}-service-${x.id.toLowerCase()}-`)).length, x.id).toBe(3);
      for (const x of d.edge.distributions) expect(names, x.id).toContain(`${d.name}-cdn-${x.id.toLowerCase()}-5xx-rate`);
      expect(names.includes(`${d.name}-waf-blocked`), d.name).toBe(d.edge.waf !== undefined && d.edge.distributions.length > 0);
      for (const lb of d.compute.ecs?.loadBalancers ?? []) expect(names.filter((n) => n.startsWith(`${d.name}-alb-${lb.id.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase()}-`)).length, lb.id).toBe(4);
    }
    expect(observed.reduce((n, d) => n + d.compute.functions.length, 0)).toBe(30);
    expect(observed.reduce((n, d) => n + (d.compute.ecs?.services.length ?? 0), 0)).toBe(6);
  });

  it("axonflow-prod: the seed's ECS metrics per service, CPU and memory from AWS/ECS, running short of desired from Container Insights", () => {
    const s = stack("axonflow-prod-observability");
    const entry = (output: string, id: string) => upstreamEntry("axonflow-prod-compute", output, id);
    for (const id of ["Agent", "Orchestrator"]) {
      const dimensions = { ClusterName: entry("ecs_service_clusters", id), ServiceName: entry("ecs_service_names", id) };
      const prefix = `axonflow-prod-service-${id.toLowerCase()}-`;
      const own = alarmsOf(s).filter((a) => a.alarm_name.startsWith(prefix));
      expect(own.filter((a) => !a.metric_query).map((a) => [a.alarm_name, a.namespace, a.metric_name, a.dimensions, a.statistic, a.threshold]).sort()).toEqual([
        [`${prefix}cpu`, "AWS/ECS", "CPUUtilization", dimensions, "Average", 80],
        [`${prefix}memory`, "AWS/ECS", "MemoryUtilization", dimensions, "Average", 80],
      ]);
      const running = alarm(s, `${prefix}running-tasks`);
      expect(running.metric_query!.map((q) => q.metric ? [q.id, q.metric.namespace, q.metric.metric_name, q.metric.dimensions] : [q.id, q.expression])).toEqual([
        ["actual", "ECS/ContainerInsights", "RunningTaskCount", dimensions],
        ["wanted", "ECS/ContainerInsights", "DesiredTaskCount", dimensions],
        ["shortfall", "wanted - actual"],
      ]);
      expect([running.comparison_operator, running.threshold, running.evaluation_periods, running.datapoints_to_alarm]).toEqual(["GreaterThanThreshold", 0, 5, 3]);
    }
  });

  it("axonflow-prod: every ECS, ALB and RDS metric the seed names is alarmed or graphed on the dashboard", () => {
    const body = Object.values(resources(stack("axonflow-prod-observability"), "aws_cloudwatch_dashboard"))[0].dashboard_body as string;
    const drawn = new Set((parseBody(body) as { widgets: { properties: { metrics?: string[][] } }[] }).widgets.flatMap((w) => (w.properties.metrics ?? []).map((m) => `${m[0]} ${m[1]}`)));
    const seed = {
      "AWS/ECS": ["CPUUtilization", "MemoryUtilization"], "ECS/ContainerInsights": ["RunningTaskCount", "DesiredTaskCount"],
      "AWS/ApplicationELB": ["RequestCount", "TargetResponseTime", "HealthyHostCount", "UnHealthyHostCount", "HTTPCode_Target_2XX_Count", "HTTPCode_Target_5XX_Count"],
      "AWS/RDS": ["DatabaseConnections", "ReadLatency", "WriteLatency", "ReadThroughput", "WriteThroughput", "CPUUtilization", "FreeableMemory"],
    };
    expect(Object.entries(seed).flatMap(([ns, metrics]) => metrics.map((m) => `${ns} ${m}`)).filter((m) => !drawn.has(m))).toEqual([]);
  });

  it("axonflow: the seed's ALB metrics on the load balancer and its target group, the metric spelled UnHealthyHostCount", () => {
    for (const [name, target5xx, responseTime] of [["axonflow-prod", 5, 1], ["axonflow-dev", 20, 2]] as const) {
      const dimensions = {
        LoadBalancer: upstreamEntry(`${name}-compute`, "load_balancer_arn_suffixes", "AgentAlb"),
        TargetGroup: upstreamEntry(`${name}-compute`, "target_group_arn_suffixes", "AgentAlb"),
      };
      const alb = alarmsOf(stack(`${name}-observability`)).filter((a) => a.namespace === "AWS/ApplicationELB");
      expect(alb.map((a) => [a.alarm_name, a.metric_name, a.dimensions, a.statistic, a.comparison_operator, a.threshold, a.treat_missing_data]).sort()).toEqual([
        [`${name}-alb-agent-alb-healthy-hosts`, "HealthyHostCount", dimensions, "Minimum", "LessThanThreshold", 1, "breaching"],
        [`${name}-alb-agent-alb-response-time`, "TargetResponseTime", dimensions, "Average", "GreaterThanThreshold", responseTime, "notBreaching"],
        [`${name}-alb-agent-alb-target-5xx`, "HTTPCode_Target_5XX_Count", dimensions, "Sum", "GreaterThanThreshold", target5xx, "notBreaching"],
        [`${name}-alb-agent-alb-unhealthy-hosts`, "UnHealthyHostCount", dimensions, "Maximum", "GreaterThanThreshold", 0, "missing"],
      ]);
    }
  });

  it("stackflow: Lambda errors, throttles and p99 duration at 90% of the timeout read from the compute contract; dev tolerates 5 errors a period", () => {
    for (const [name, errors, timing] of [["stackflow-prod", 0, [60, 5, 3]], ["stackflow-dev", 5, [300, 3, 2]]] as const) {
      const s = stack(`${name}-observability`);
      const fn = upstreamEntry(`${name}-compute`, "function_names", "StackFlowAPI");
      expect(alarmsOf(s).filter((a) => a.alarm_name.startsWith(`${name}-function-stack-flow-api-`)).map((a) => [
        a.alarm_name, a.namespace, a.metric_name, a.dimensions, a.statistic ?? a.extended_statistic, a.comparison_operator, a.threshold, a.period, a.evaluation_periods, a.datapoints_to_alarm,
      ]).sort()).toEqual([
        [`${name}-function-stack-flow-api-duration`, "AWS/Lambda", "Duration", { FunctionName: fn }, "p99", "GreaterThanOrEqualToThreshold",
          `\${(data.terraform_remote_state.${name}-compute.outputs.function_timeouts.StackFlowAPI * 900)}`, ...timing],
        [`${name}-function-stack-flow-api-errors`, "AWS/Lambda", "Errors", { FunctionName: fn }, "Sum", "GreaterThanThreshold", errors, ...timing],
        [`${name}-function-stack-flow-api-throttles`, "AWS/Lambda", "Throttles", { FunctionName: fn }, "Sum", "GreaterThanThreshold", 0, ...timing],
      ]);
    }
  });

  it("CloudFront 5xx rate (Region=Global) and WAF blocked-request spikes, in us-east-1: through the provider alias and a topic there outside it", () => {
    for (const [name, provider, threshold5xx] of [["commerce-prod", "aws.us-east-1", 5], ["commerce-dev", "aws.us-east-1", 10], ["stackflow-prod", undefined, 5]] as const) {
      const d = deployment(name);
      const s = stack(`${name}-observability`);
      const topic = refBy(s, "aws_sns_topic", "name", d.observability.globalTopicName ?? d.observability.topicName, "arn");
      const edge = d.edge.distributions.map((x) => x.id);
      // commerce fronts its storefront; stackflow its docs site and its API.
      expect(edge).toEqual(name.startsWith("commerce") ? ["Storefront"] : ["Docs", "Api"]);
      expect(alarmsOf(s).filter((a) => ["AWS/CloudFront", "AWS/WAFV2"].includes(a.namespace)).map((a) => [
        a.alarm_name, a.namespace, a.metric_name, a.dimensions, a.statistic, a.comparison_operator, a.threshold, a.treat_missing_data, a.alarm_actions, a.provider,
      ]).sort()).toEqual([
        ...edge.map((id) => [`${name}-cdn-${id.toLowerCase()}-5xx-rate`, "AWS/CloudFront", "5xxErrorRate", { DistributionId: upstreamEntry(`${name}-edge`, "distribution_ids", id), Region: "Global" },
          "Average", "GreaterThanThreshold", threshold5xx, "notBreaching", [topic], provider]),
        [`${name}-waf-blocked`, "AWS/WAFV2", "BlockedRequests", { WebACL: upstream(`${name}-edge`, "web_acl_metric_name"), Rule: "ALL" },
          "Sum", "GreaterThanThreshold", 1000, "notBreaching", [topic], provider],
      ].sort());
    }
    const commerce = stack("commerce-prod-observability");
    expect(Object.values(resources(commerce, "aws_sns_topic_subscription")).map((x) => [x.topic_arn, x.provider]).sort()).toEqual([
      [refBy(commerce, "aws_sns_topic", "name", "commerce-prod-alarms", "arn"), undefined],
      [refBy(commerce, "aws_sns_topic", "name", "commerce-prod-alarms-global", "arn"), "aws.us-east-1"],
    ].sort());
    const edge = stack("commerce-prod-edge");
    expect(edge.output?.web_acl_metric_name.value).toBe(`\${aws_wafv2_web_acl.${Object.keys(resources(edge, "aws_wafv2_web_acl"))[0]}.visibility_config[0].metric_name}`);
  });

  it("REST API 5xx and p99 latency per stage, dimensioned by the edge contract's API and stage names, on the deployment's topic", () => {
    for (const [name, fronts, errors, latency] of [["stackflow-prod", "StackFlowAPI", 5, 5000], ["stackflow-dev", "StackFlowAPI", 20, 10000], ["serverless-saas-prod", "GraphQLRouter", 5, 5000]] as const) {
      const s = stack(`${name}-observability`);
      const topic = refBy(s, "aws_sns_topic", "name", deployment(name).observability.topicName, "arn");
      const dimensions = { ApiName: upstreamEntry(`${name}-edge`, "rest_api_names", fronts), Stage: upstreamEntry(`${name}-edge`, "rest_api_stage_names", fronts) };
      expect(alarmsOf(s).filter((a) => a.namespace === "AWS/ApiGateway").map((a) => [
        a.alarm_name, a.metric_name, a.dimensions, a.statistic ?? a.extended_statistic, a.comparison_operator, a.threshold, a.treat_missing_data, a.alarm_actions, a.provider,
      ]).sort()).toEqual([
        [`${name}-api-5xx`, "5XXError", dimensions, "Sum", "GreaterThanThreshold", errors, "notBreaching", [topic], undefined],
        [`${name}-api-latency`, "Latency", dimensions, "p99", "GreaterThanThreshold", latency, "notBreaching", [topic], undefined],
      ]);
    }
    expect(alarmsOf(stack("commerce-prod-observability")).filter((a) => a.namespace === "AWS/ApiGateway")).toEqual([]);
  });

  it("stackflow: the seed's two Logs Insights queries, saved verbatim on /aws/lambda/StackFlowAPI (the compute contract's log group)", () => {
    for (const name of ["stackflow-prod", "stackflow-dev"]) {
      const logGroup = upstreamEntry(`${name}-compute`, "function_log_group_names", "StackFlowAPI");
      expect(Object.values(resources(stack(`${name}-observability`), "aws_cloudwatch_query_definition")).map(({ "//": _, ...q }) => q)).toEqual([
        {
          name: `${name}/API errors by path`, log_group_names: [logGroup],
          query_string: "fields @timestamp, @message\n| filter @message like /ERROR|statusCode.*[45][0-9][0-9]/\n| parse @message '\"path\":\"*\"' as path\n| parse @message '\"statusCode\":*,' as statusCode\n| stats count() as errorCount by path, statusCode\n| sort errorCount desc\n| limit 20",
        },
        {
          name: `${name}/Lambda cold starts`, log_group_names: [logGroup],
          query_string: "fields @timestamp, @message, @initDuration\n| filter @type = \"REPORT\" and ispresent(@initDuration)\n| stats avg(@initDuration) as avgColdStart, max(@initDuration) as maxColdStart, count() as count\n| sort count desc",
        },
      ]);
    }
    expect(observed.filter((d) => Object.keys(resources(stack(`${d.name}-observability`), "aws_cloudwatch_query_definition")).length > 0).map((d) => d.name)).toEqual(["stackflow-prod", "stackflow-dev"]);
  });

  it("webhooks-prod: NAT port allocation, drops, connections and bandwidth per AZ (the seed's bandwidth and connection limits), thresholds of prod", () => {
    const s = stack("webhooks-prod-observability");
    const p = DEFAULT_THRESHOLDS.prod;
    expect(alarmsOf(s).filter((a) => a.namespace === "AWS/NATGateway").map((a) => [a.alarm_name, a.metric_name, a.statistic, a.threshold]).sort()).toEqual(
      [0, 1, 2].flatMap((i) => [
        [`webhooks-prod-nat-${i}-port-allocation`, "ErrorPortAllocation", "Sum", 0],
        [`webhooks-prod-nat-${i}-packets-dropped`, "PacketsDropCount", "Sum", p.natPacketsDropped],
        [`webhooks-prod-nat-${i}-connections`, "ActiveConnectionCount", "Maximum", 50000],
        [`webhooks-prod-nat-${i}-bandwidth`, "BytesOutToDestination", "Sum", 5 * 1024 ** 3],
      ]).sort(),
    );
  });

  it("webhooks-prod: the self-hosted broker's depth, consumers and host status, silence counting as a failure", () => {
    const s = stack("webhooks-prod-observability");
    const broker = upstream("webhooks-prod-messaging", "broker_name");
    expect(alarmsOf(s).filter((a) => a.alarm_name.startsWith("webhooks-prod-broker-")).map((a) => [a.namespace, a.metric_name, a.dimensions, a.comparison_operator, a.threshold, a.treat_missing_data])).toEqual(expect.arrayContaining([
      ["Platform/RabbitMQ", "QueueDepth", { Broker: broker }, "GreaterThanThreshold", 1000, "missing"],
      ["Platform/RabbitMQ", "QueuesWithoutConsumers", { Broker: broker }, "GreaterThanThreshold", 0, "breaching"],
      ["AWS/EC2", "StatusCheckFailed", { AutoScalingGroupName: broker }, "GreaterThanThreshold", 0, "missing"],
    ]));
  });

  it("axonflow-prod: the seed's RDS metrics (CPUUtilization, FreeableMemory, DatabaseConnections, ReadLatency, WriteLatency) on its instance", () => {
    const s = stack("axonflow-prod-observability");
    const rds = alarmsOf(s).filter((a) => a.namespace === "AWS/RDS");
    expect(rds.map((a) => a.metric_name).sort()).toEqual(["CPUUtilization", "DatabaseConnections", "FreeStorageSpace", "FreeableMemory", "ReadLatency", "WriteLatency"]);
    expect(new Set(rds.map((a) => a.dimensions.DBInstanceIdentifier))).toEqual(new Set([deployment("axonflow-prod").data.rds[0].identifier]));
  });

  it("stackflow-prod: Neptune capacity alarms at 90% of the cluster's maximum NCU; Aurora replica lag where the cluster has readers", () => {
    const d = deployment("stackflow-prod");
    const s = stack("stackflow-prod-observability");
    for (const n of d.data.neptune) {
      const a = alarmsOf(s).find((x) => x.metric_name === "ServerlessDatabaseCapacity" && x.dimensions.DBClusterIdentifier === n.identifier)!;
      expect([a.comparison_operator, a.threshold]).toEqual(["GreaterThanOrEqualToThreshold", n.maxCapacity * 0.9]);
    }
    for (const c of d.data.aurora) {
      const lag = alarmsOf(s).filter((x) => x.metric_name === "AuroraReplicaLagMaximum" && x.dimensions.DBClusterIdentifier === c.identifier);
      expect(lag.map((x) => x.threshold)).toEqual(c.readers > 0 ? [1000] : []);
    }
  });

  it("dev evaluates 5-minute periods, 2 of 3, with looser queue age and latency than prod", () => {
    const dev = alarm(stack("stackflow-dev-observability"), "stackflow-dev-queue-events-ingestion-oldest-message");
    expect([dev.period, dev.evaluation_periods, dev.datapoints_to_alarm, dev.threshold]).toEqual([300, 3, 2, 3600]);
    const prod = alarm(stack("stackflow-prod-observability"), "stackflow-prod-queue-events-ingestion-oldest-message");
    expect([prod.period, prod.evaluation_periods, prod.datapoints_to_alarm, prod.threshold]).toEqual([60, 5, 3, 900]);
  });
});
