import type { Thresholds } from "../../../config/layers/observability";
import { type AlarmSpec, type AlarmTiming, onFirstDatapoint } from "../alarm-spec";
import { BROKER_METRICS_NAMESPACE } from "../../../config/layers/messaging-broker";

/** The deployment's RabbitMQ broker: its kind and name (messaging contract `broker_name`). */
export interface BrokerComponent {
  readonly kind: "broker";
  readonly brokerKind: "ec2" | "amazon-mq";
  readonly brokerName: string;
}

/**
 * Queue depth, queues without consumers, and host status. The self-hosted
 * broker publishes depth and consumer gaps itself (Platform/RabbitMQ,
 * dimension Broker; modules/messaging/broker-host-files.ts), and its host
 * status comes from EC2 status checks aggregated by its Auto Scaling group,
 * which carries the broker's name. Amazon MQ publishes its own metrics.
 */
export function brokerAlarms(c: BrokerComponent, t: Thresholds, timing: AlarmTiming): AlarmSpec[] {
  const name = c.brokerName;
  if (c.brokerKind === "amazon-mq") {
    const base = { namespace: "AWS/AmazonMQ", dimensions: { Broker: name }, ...timing };
    return [
      { ...base, key: "queue-depth", metricName: "MessageCount", statistic: "Maximum", comparison: "GreaterThanThreshold", threshold: t.brokerQueueDepth, treatMissingData: "missing",
        description: `Broker ${name} holds over ${t.brokerQueueDepth} messages: consumers are behind. First: check the processors' running count and errors, then which queue grows (management console).` },
      { ...base, key: "consumers", metricName: "ConsumerCount", statistic: "Minimum", comparison: "LessThanThreshold", threshold: 1, treatMissingData: "breaching",
        description: `Broker ${name} has no consumer. First: check the processor service is running and can reach the broker on 5671 (security group, credentials secret).` },
      { ...base, key: "cpu", metricName: "SystemCpuUtilization", statistic: "Average", comparison: "GreaterThanThreshold", threshold: t.cpuPercent, treatMissingData: "missing",
        description: `Broker ${name} above ${t.cpuPercent}% CPU. First: check publish rates and queue count; move to a larger instance type in config.` },
    ];
  }
  const base = { namespace: BROKER_METRICS_NAMESPACE, dimensions: { Broker: name }, ...timing };
  return [
    { ...base, key: "queue-depth", metricName: "QueueDepth", statistic: "Maximum", comparison: "GreaterThanThreshold", threshold: t.brokerQueueDepth, treatMissingData: "missing",
      description: `Broker ${name} holds over ${t.brokerQueueDepth} messages across its queues: consumers are behind. First: check the processors' running count and errors; the per-queue QueueDepth (dimensions Broker, Queue) says which queue grows.` },
    { ...base, key: "consumers", metricName: "QueuesWithoutConsumers", statistic: "Maximum", comparison: "GreaterThanThreshold", threshold: 0, treatMissingData: "breaching",
      description: `Broker ${name} has a queue with messages and no consumer, or stopped publishing metrics (host down). First: check the processor service and its connection to the broker on 5671; if no metrics arrive, the host's broker-metrics timer and RabbitMQ itself (Session Manager).` },
    { ...onFirstDatapoint(timing), namespace: "AWS/EC2", dimensions: { AutoScalingGroupName: name }, key: "host-status", metricName: "StatusCheckFailed", statistic: "Maximum",
      comparison: "GreaterThanThreshold", threshold: 0, treatMissingData: "missing",
      description: `The RabbitMQ host of ${name} fails an EC2 status check. First: the Auto Scaling group replaces it on a failed instance check; if the system check fails, watch the replacement come up and clients reconnect.` },
  ];
}
