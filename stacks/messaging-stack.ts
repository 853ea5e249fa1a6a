import { Construct } from "constructs";
import { EventMessaging } from "../modules/messaging/event-messaging";
import { RandomProvider } from "@cdktf/provider-random/lib/provider";
import { TlsProvider } from "@cdktf/provider-tls/lib/provider";
import { messagingBroker } from "../modules/messaging/broker";
import type { BrokerEndpoint } from "../modules/messaging/broker-endpoint";
import { Queue } from "../modules/messaging/queue";
import { consume, defineContract, publish } from "./contracts";
import { DATA, type DataStack } from "./data-stack";
import { LayerStack, type LayerStackProps } from "./layer-stack";
import { NETWORK, type NetworkStack } from "./network-stack";

/** Props of the messaging layer. */
export interface MessagingStackProps extends LayerStackProps {
  readonly data: DataStack;
  /** Read only when the deployment has a broker (its subnets, its workload's group, the logs key). */
  readonly network: NetworkStack;
}

/** What the messaging layer publishes for compute and observability; maps are keyed by the queue's config id. */
export const MESSAGING = defineContract("messaging", {
  queue_arns: { kind: "map", description: "ARN of each queue" },
  queue_urls: { kind: "map", description: "URL of each queue (what producers and consumers call)" },
  queue_names: { kind: "map", description: "Name of each queue (alarm dimensions)" },
  dead_letter_queue_ids: { kind: "list", description: "Config ids of the queues that are some queue's or pipe's dead-letter queue (alarm on any message)" },
  messaging_kms_key_arn: { kind: "string", description: "Key encrypting the event buses and topics (publishers to a topic need GenerateDataKey and Decrypt on it); empty without either" },
  event_bus_arns: { kind: "map", description: "ARN of each event bus (PutEvents grants)" },
  event_bus_names: { kind: "map", description: "Name of each event bus (targets name their rule's bus)" },
  event_rule_arns: { kind: "map", description: "ARN of each rule (a Lambda target's permission names it)" },
  event_rule_names: { kind: "map", description: "Name of each rule; the layer owning the consumer adds its target" },
  pipe_names: { kind: "map", description: "Name of each pipe (PipeName metric dimension)" },
  topic_arns: { kind: "map", description: "ARN of each SNS topic (publish grants, subscriptions)" },
  topic_names: { kind: "map", description: "Name of each SNS topic (alarm dimensions)" },
  email_identity_arn: { kind: "string", description: "SES domain identity (ses:SendEmail grants); empty without email" },
  email_configuration_set_name: { kind: "string", description: "SES configuration set every message of the domain uses; empty without email" },
  email_dkim_records: { kind: "map", description: "DKIM CNAMEs for the DNS owner: record name -> target (three, known after apply); empty without email" },
  broker_kind: { kind: "string", description: "ec2 or amazon-mq; empty without a broker" },
  broker_name: { kind: "string", description: "Broker name, the Broker dimension of its metrics; empty without a broker" },
  broker_endpoint: { kind: "string", description: "Host name clients reach the broker at over AMQPS; empty without a broker" },
  broker_port: { kind: "number", description: "AMQPS port (5671); 0 without a broker" },
  broker_admin_secret_arn: { kind: "string", description: "Secret of the broker administrator {username, password, host, port, vhost}; empty without a broker" },
  broker_app_secret_arn: { kind: "string", description: "Secret of the application user {username, password, host, port, vhost}; empty without a broker" },
  broker_security_group_id: { kind: "string", description: "Security group of the broker (its workload's); empty without a broker" },
  broker_ca_certificate_pem: { kind: "string", description: "CA certificate clients verify the broker's TLS with; empty for Amazon MQ (public CA) or without a broker" },
  broker_metrics_namespace: { kind: "string", description: "CloudWatch namespace of per-queue QueueDepth, PublishRate, DeliverRate (dimensions Broker, Queue); empty when not published" },
});

/** The broker's contract outputs, empty (0 for the port) without a broker so consumers need no conditionals. */
const brokerOutputs = (b: BrokerEndpoint | undefined) => ({
  broker_kind: b?.kind ?? "", broker_name: b?.name ?? "", broker_endpoint: b?.endpoint ?? "", broker_port: b?.port ?? 0,
  broker_admin_secret_arn: b?.adminSecretArn ?? "", broker_app_secret_arn: b?.appSecretArn ?? "",
  broker_security_group_id: b?.securityGroupId ?? "", broker_ca_certificate_pem: b?.caCertificatePem ?? "",
  broker_metrics_namespace: b?.metricsNamespace ?? "",
});

/**
 * Messaging layer: queues encrypted with the deployment's data key (read from
 * the data contract), dead-letter queues first so their sources can name
 * them, then each dead-letter queue's redrive permission for exactly its
 * sources; then buses, pipes, topics and email (modules/messaging/event-messaging.ts)
 * and the deployment's RabbitMQ broker, self-hosted or Amazon MQ
 * (modules/messaging/broker.ts), in the network layer's compute subnets.
 */
export class MessagingStack extends LayerStack {
  constructor(scope: Construct, props: MessagingStackProps) {
    super(scope, "messaging", props);
    const d = this.deployment;
    const data = consume(this, DATA, props.data);
    const kmsKeyArn = data.get("data_kms_key_arn");
    // Dead-letter queues first: a source's redrive policy references its DLQ's ARN.
    const ordered = [...d.messaging.queues].sort((a, b) => Number(a.deadLetter !== undefined) - Number(b.deadLetter !== undefined));
    const queues = new Map<string, Queue>();
    for (const q of ordered) {
      const target = q.deadLetter ? queues.get(q.deadLetter.queue)! : undefined;
      queues.set(q.id, new Queue(this, q.id, {
        name: q.name, fifo: q.fifo, highThroughput: q.highThroughput, contentBasedDeduplication: q.contentBasedDeduplication,
        kmsKeyArn, retentionSeconds: q.retentionSeconds, visibilityTimeoutSeconds: q.visibilityTimeoutSeconds, receiveWaitSeconds: q.receiveWaitSeconds,
        deadLetter: target && q.deadLetter ? { arn: target.arn, maxReceiveCount: q.deadLetter.maxReceiveCount } : undefined,
        preventDestroy: q.protect,
      }));
    }
    for (const q of d.messaging.queues.filter((x) => x.redriveSources.length > 0)) {
      queues.get(q.id)!.allowRedriveFrom(q.redriveSources.map((source) => queues.get(source)!.arn));
    }
    const events = new EventMessaging(this, "Events", {
      settings: d.messaging, accountId: this.accountId, partition: this.partition, region: d.region, protect: d.deletionProtection,
      dataKmsKeyArn: kmsKeyArn, streamArnOf: (table) => data.entry("table_stream_arns", table), queueArnOf: (queue) => queues.get(queue)!.arn,
    });
    const pipeDeadLetters = new Set(d.messaging.pipes.map((p) => p.deadLetterQueue));
    let broker: BrokerEndpoint | undefined;
    if (d.messaging.broker) {
      // Network is read only here, so a deployment without a broker keeps no dependency on it.
      const network = consume(this, NETWORK, props.network);
      broker = messagingBroker(this, "Broker", d.messaging.broker, {
        region: d.region, partition: this.partition, kmsKeyArn,
        vpcId: network.get("vpc_id"), subnetIds: network.get("compute_subnet_ids"), logsKmsKeyArn: network.get("logs_kms_key_arn"),
        securityGroupId: network.entry("workload_security_group_ids", d.messaging.broker.workload),
      });
      new RandomProvider(this, "random");
      if (broker.kind === "ec2") new TlsProvider(this, "tls");
    }
    const byId = (value: (queue: Queue) => string) => Object.fromEntries(d.messaging.queues.map((q) => [q.id, value(queues.get(q.id)!)]));
    publish(this, MESSAGING, {
      queue_arns: byId((q) => q.arn),
      queue_urls: byId((q) => q.url),
      queue_names: byId((q) => q.name),
      dead_letter_queue_ids: d.messaging.queues.filter((q) => q.redriveSources.length > 0 || pipeDeadLetters.has(q.id)).map((q) => q.id),
      messaging_kms_key_arn: events.keyArn,
      event_bus_arns: events.busArns, event_bus_names: events.busNames,
      event_rule_arns: events.ruleArns, event_rule_names: events.ruleNames,
      pipe_names: events.pipeNames,
      topic_arns: events.topicArns, topic_names: events.topicNames,
      email_identity_arn: events.email?.identityArn ?? "",
      email_configuration_set_name: events.email?.configurationSetName ?? "",
      email_dkim_records: events.email?.dkimRecords ?? {},
      ...brokerOutputs(broker),
    });
  }
}
