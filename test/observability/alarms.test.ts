import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS, DEFAULT_TIMING } from "../../config/layers/observability";
import { inventory, natCount } from "../../lib/observability/inventory";
import { memberClusterIds } from "../../modules/observability/alarms/redis";
import { DEPLOYMENTS, deployment } from "../support/deployments";
import { onlyRef, resources, stack, type StackJson, upstream, upstreamEntry } from "../support/synth";

type Alarm = Record<string, unknown> & { alarm_name: string; namespace: string; metric_name: string; dimensions: Record<string, string> };
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
});

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
  const topic = onlyRef(s, "aws_sns_topic", "arn");

  it("has exactly the alarms its inventory derives, with their metrics, dimensions and thresholds", () => {
    const expected = inventory(d, sourcesOf(name)).flatMap((e) => e.alarms.map((a) => [`${name}-${e.name}-${a.key}`, a] as const));
    if (d.observability.pagerDuty) expected.push([`${name}-pagerduty-dlq-messages`, expect.objectContaining({ metricName: "ApproximateNumberOfMessagesVisible" })]);
    expect(alarmsOf(s).map((a) => a.alarm_name).sort()).toEqual(expected.map(([n]) => n).sort());
    for (const [alarmName, spec] of expected.filter(([n]) => !n.endsWith("-pagerduty-dlq-messages"))) {
      const a = alarm(s, alarmName);
      expect(a, alarmName).toMatchObject({
        namespace: spec.namespace, metric_name: spec.metricName, dimensions: spec.dimensions, statistic: spec.statistic,
        comparison_operator: spec.comparison, threshold: spec.threshold, period: spec.periodSeconds,
        evaluation_periods: spec.evaluationPeriods, datapoints_to_alarm: spec.datapointsToAlarm, treat_missing_data: spec.treatMissingData,
      });
    }
  });

  it("notifies the deployment's topic on ALARM and on OK, and says what each alarm means and what to do first", () => {
    for (const a of alarmsOf(s)) {
      expect(a.alarm_actions, a.alarm_name).toEqual([topic]);
      expect(a.ok_actions, a.alarm_name).toEqual([topic]);
      expect(a.alarm_description as string, a.alarm_name).toMatch(/\. First: .{20,}/);
    }
  });

  it("dimensions every alarm on a resource that exists: a declared contract output, a store identifier of the data stack, or its own queue", () => {
    const stores = storeIdentifiers(name);
    const remote = /^\$\{(?:element\()?data\.terraform_remote_state\.([a-z0-9-]+)\.outputs\.([a-z_]+)(?:\.([A-Za-z0-9]+))?(?:, (\d+)\))?\}$/;
    for (const a of alarmsOf(s)) {
      for (const [key, value] of Object.entries(a.dimensions)) {
        const m = remote.exec(value);
        if (m) {
          const [, producer, output, entry] = m;
          expect(Object.keys(stack(producer).output ?? {}), `${a.alarm_name} ${key}`).toContain(output);
          if (entry) expect(Object.keys((stack(producer).output![output].value ?? {}) as object), `${a.alarm_name} ${key}`).toContain(entry);
        } else if (key === "Role") {
          expect(value).toBe("WRITER");
        } else if (key === "QueueName") {
          expect(value).toBe("${aws_sqs_queue.PagerDuty_DeadLetterQueue_912AC539.name}");
        } else {
          expect(stores.has(value), `${a.alarm_name} ${key}=${value}`).toBe(true);
        }
      }
    }
  });

  it("evaluates by its environment's timing; DLQ messages and port allocation errors fire on the first datapoint", () => {
    const t = DEFAULT_TIMING[d.environment];
    for (const a of alarmsOf(s)) {
      const immediate = ["ApproximateNumberOfMessagesVisible", "ErrorPortAllocation", "StatusCheckFailed"].includes(a.metric_name);
      expect([a.period, a.evaluation_periods, a.datapoints_to_alarm], a.alarm_name).toEqual(immediate ? [t.periodSeconds, 1, 1] : [t.periodSeconds, t.evaluationPeriods, t.datapointsToAlarm]);
    }
  });

  it("draws every alarmed metric on the dashboard, with its threshold", () => {
    const dashboard = Object.values(resources(s, "aws_cloudwatch_dashboard"))[0];
    expect(dashboard.dashboard_name).toBe(name);
    const widgets = (JSON.parse(dashboard.dashboard_body as string) as { widgets: { type: string; properties: { metrics?: string[][]; annotations?: { horizontal: { value: number }[] } } }[] }).widgets;
    const graphs = widgets.filter((w) => w.type === "metric").map((w) => [...w.properties.metrics![0], w.properties.annotations!.horizontal[0].value]);
    const expected = inventory(d, sourcesOf(name)).flatMap((e) => e.alarms.map((a) => [a.namespace, a.metricName, ...Object.entries(a.dimensions).flat(), a.threshold]));
    const pages = d.observability.pagerDuty ? [["AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", "${aws_sqs_queue.PagerDuty_DeadLetterQueue_912AC539.name}", 0]] : [];
    expect(graphs).toEqual([...expected, ...pages]);
  });
});

describe("what each deployment watches", () => {
  it("covers every NAT gateway, store, queue and broker of every deployment", () => {
    for (const d of observed) {
      const names = alarmsOf(stack(`${d.name}-observability`)).map((a) => a.alarm_name);
      const has = (prefix: string) => names.some((n) => n.startsWith(`${d.name}-${prefix}-`));
      for (let i = 0; i < natCount(d); i++) expect(has(`nat-${i}`), `${d.name} nat ${i}`).toBe(true);
      expect(natCount(d)).toBe(d.network.nat === "perAz" ? d.network.azs.length : d.network.nat === "single" ? 1 : 0);
      for (const q of d.messaging.queues) expect(names, d.name).toContain(`${d.name}-queue-${q.id.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase()}-${q.redriveSources.length > 0 || d.messaging.pipes.some((p) => p.deadLetterQueue === q.id) ? "messages" : "oldest-message"}`);
      for (const r of d.data.redis) for (const m of memberClusterIds({ kind: "redis", replicationGroupId: r.replicationGroupId, nodes: r.nodes })) expect(names.some((n) => n.includes(m)), m).toBe(true);
      expect(names.filter((n) => n.startsWith(`${d.name}-broker-`)).length).toBe(d.messaging.broker ? 3 : 0);
    }
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
