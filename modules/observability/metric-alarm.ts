import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { Construct } from "constructs";
import type { AlarmSpec } from "./alarm-spec";

/** Props of one alarm. */
export interface MetricAlarmProps {
  readonly name: string;
  readonly spec: AlarmSpec;
  /** Topic notified on ALARM and on OK. */
  readonly topicArn: string;
}

/** A CloudWatch alarm from an {@link AlarmSpec}, notifying the deployment's topic when it fires and when it clears. */
export class MetricAlarm extends Construct {
  constructor(scope: Construct, id: string, props: MetricAlarmProps) {
    super(scope, id);
    const s = props.spec;
    new CloudwatchMetricAlarm(this, "Alarm", {
      alarmName: props.name,
      alarmDescription: s.description,
      namespace: s.namespace,
      metricName: s.metricName,
      dimensions: { ...s.dimensions },
      statistic: s.statistic,
      comparisonOperator: s.comparison,
      threshold: s.threshold,
      period: s.periodSeconds,
      evaluationPeriods: s.evaluationPeriods,
      datapointsToAlarm: s.datapointsToAlarm,
      treatMissingData: s.treatMissingData,
      alarmActions: [props.topicArn],
      okActions: [props.topicArn],
      tags: { Name: props.name },
    });
  }
}
