import { AppautoscalingPolicy } from "@cdktf/provider-aws/lib/appautoscaling-policy";
import { AppautoscalingTarget } from "@cdktf/provider-aws/lib/appautoscaling-target";
import { CloudwatchMetricAlarm, type CloudwatchMetricAlarmConfig } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { Construct } from "constructs";
import { between, check, validateProps } from "../../validate";

/** A step on average CPU: add tasks once it stays at or above a threshold for some minutes. */
export interface CpuStep {
  readonly thresholdPercent: number;
  readonly forMinutes: number;
  readonly addTasks: number;
  readonly alarmName: string;
}

/** Back-pressure on one RabbitMQ queue, read from the per-queue metrics the broker publishes. */
export interface QueuePressure {
  /** CloudWatch namespace and `Broker` dimension of the broker's metrics (messaging contract). */
  readonly namespace: string;
  readonly broker: string;
  readonly queue: string;
  readonly growingForMinutes: number;
  readonly addTasks: number;
  readonly emptyForMinutes: number;
  readonly growingAlarmName: string;
  readonly emptyAlarmName: string;
}

/** Props of a service's autoscaling. */
export interface ServiceAutoscalingProps {
  readonly clusterName: string;
  readonly serviceName: string;
  readonly minCount: number;
  readonly maxCount: number;
  /** Target tracking on the service's average CPU. @default none */
  readonly cpuTarget?: { readonly targetPercent: number; readonly scaleOutCooldownSeconds: number; readonly scaleInCooldownSeconds: number };
  /** @default none */
  readonly cpuSteps?: readonly CpuStep[];
  /** @default none */
  readonly queuePressure?: QueuePressure;
  /** Seconds a step policy waits after acting. @default 300 */
  readonly stepCooldownSeconds?: number;
}

const PERIOD_SECONDS = 60;

/**
 * Application Auto Scaling of one ECS service between `minCount` and
 * `maxCount`: target tracking on CPU, and step policies, each triggered by
 * its own alarm (docs/containers.md maps the seed's sentences onto them).
 * Every alarm evaluates one-minute periods and treats missing data as not
 * breaching, so a silent metric never adds or removes tasks.
 */
export class ServiceAutoscaling extends Construct {
  constructor(scope: Construct, id: string, props: ServiceAutoscalingProps) {
    super(scope, id);
    validateProps(this, [
      check("minCount", props.minCount, between(0, props.maxCount, "tasks, at most maxCount")),
      check("cpuTarget.targetPercent", props.cpuTarget?.targetPercent, between(1, 100, "percent")),
      ...(props.cpuSteps ?? []).map((s, i) => check(`cpuSteps[${i}].thresholdPercent`, s.thresholdPercent, between(1, 100, "percent"))),
    ]);
    const target = new AppautoscalingTarget(this, "Target", {
      serviceNamespace: "ecs",
      resourceId: `service/${props.clusterName}/${props.serviceName}`,
      scalableDimension: "ecs:service:DesiredCount",
      minCapacity: props.minCount,
      maxCapacity: props.maxCount,
    });
    const on = { serviceNamespace: target.serviceNamespace, resourceId: target.resourceId, scalableDimension: target.scalableDimension };
    if (props.cpuTarget) {
      new AppautoscalingPolicy(this, "CpuTarget", {
        name: `${props.serviceName}-cpu-target`,
        policyType: "TargetTrackingScaling",
        ...on,
        targetTrackingScalingPolicyConfiguration: {
          targetValue: props.cpuTarget.targetPercent,
          scaleOutCooldown: props.cpuTarget.scaleOutCooldownSeconds,
          scaleInCooldown: props.cpuTarget.scaleInCooldownSeconds,
          predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageCPUUtilization" },
        },
      });
    }
    const cooldown = props.stepCooldownSeconds ?? 300;
    // Each step policy is named as the alarm that triggers it.
    const step = (policyId: string, name: string, adjustment: { type: "ChangeInCapacity" | "ExactCapacity"; by: number; aggregation: string; below?: boolean }) =>
      new AppautoscalingPolicy(this, policyId, {
        name,
        policyType: "StepScaling",
        ...on,
        stepScalingPolicyConfiguration: {
          adjustmentType: adjustment.type,
          cooldown,
          metricAggregationType: adjustment.aggregation,
          // Bounds are relative to the alarm threshold: at or above it for a scale-out alarm, below it for the scale-in one.
          stepAdjustment: [adjustment.below ? { metricIntervalUpperBound: "0", scalingAdjustment: adjustment.by } : { metricIntervalLowerBound: "0", scalingAdjustment: adjustment.by }],
        },
      });
    const alarm = (alarmId: string, config: Omit<CloudwatchMetricAlarmConfig, "evaluationPeriods"> & { minutes: number }) => {
      const { minutes, ...rest } = config;
      new CloudwatchMetricAlarm(this, alarmId, { ...rest, evaluationPeriods: minutes, datapointsToAlarm: minutes, treatMissingData: "notBreaching" });
    };
    for (const s of props.cpuSteps ?? []) {
      const policyId = `Cpu${s.thresholdPercent}For${s.forMinutes}m`;
      const policy = step(policyId, s.alarmName, { type: "ChangeInCapacity", by: s.addTasks, aggregation: "Average" });
      alarm(`${policyId}Alarm`, {
        alarmName: s.alarmName,
        alarmDescription: `Average CPU of ${props.serviceName} at or above ${s.thresholdPercent}% for ${s.forMinutes} minutes: add ${s.addTasks} task(s)`,
        namespace: "AWS/ECS", metricName: "CPUUtilization", statistic: "Average", period: PERIOD_SECONDS,
        dimensions: { ClusterName: props.clusterName, ServiceName: props.serviceName },
        comparisonOperator: "GreaterThanOrEqualToThreshold", threshold: s.thresholdPercent, minutes: s.forMinutes,
        alarmActions: [policy.arn],
      });
    }
    const q = props.queuePressure;
    if (q) {
      const metric = (id: string, metricName: string, stat: string) => ({
        id, returnData: false,
        metric: { namespace: q.namespace, metricName, dimensions: { Broker: q.broker, Queue: q.queue }, period: PERIOD_SECONDS, stat },
      });
      const growing = step("QueueGrowing", q.growingAlarmName, { type: "ChangeInCapacity", by: q.addTasks, aggregation: "Maximum" });
      alarm("QueueGrowingAlarm", {
        alarmName: q.growingAlarmName,
        alarmDescription: `Queue ${q.queue} growing while publishing outpaces delivery for ${q.growingForMinutes} minutes: add ${q.addTasks} task(s) to ${props.serviceName}`,
        metricQuery: [
          metric("depth", "QueueDepth", "Maximum"),
          metric("published", "PublishRate", "Average"),
          metric("delivered", "DeliverRate", "Average"),
          { id: "pressure", label: "1 while the queue grows and ingest exceeds consumption", returnData: true, expression: "IF(RATE(depth) > 0 AND published > delivered, 1, 0)" },
        ],
        comparisonOperator: "GreaterThanOrEqualToThreshold", threshold: 1, minutes: q.growingForMinutes,
        alarmActions: [growing.arn],
      });
      const empty = step("QueueEmpty", q.emptyAlarmName, { type: "ExactCapacity", by: props.minCount, aggregation: "Maximum", below: true });
      alarm("QueueEmptyAlarm", {
        alarmName: q.emptyAlarmName,
        alarmDescription: `Queue ${q.queue} empty for ${q.emptyForMinutes} minutes: return ${props.serviceName} to ${props.minCount} task(s)`,
        namespace: q.namespace, metricName: "QueueDepth", statistic: "Maximum", period: PERIOD_SECONDS,
        dimensions: { Broker: q.broker, Queue: q.queue },
        comparisonOperator: "LessThanThreshold", threshold: 1, minutes: q.emptyForMinutes,
        alarmActions: [empty.arn],
      });
    }
  }
}
