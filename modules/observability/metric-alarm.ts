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
    const percentile = s.statistic.startsWith("p");
    const metric = s.shortOf === undefined
      ? { namespace: s.namespace, metricName: s.metricName, dimensions: { ...s.dimensions }, ...(percentile ? { extendedStatistic: s.statistic } : { statistic: s.statistic }), period: s.periodSeconds }
      : {
        metricQuery: [
          { id: "actual", returnData: false, metric: { namespace: s.namespace, metricName: s.metricName, dimensions: { ...s.dimensions }, stat: s.statistic, period: s.periodSeconds } },
          { id: "wanted", returnData: false, metric: { namespace: s.namespace, metricName: s.shortOf, dimensions: { ...s.dimensions }, stat: s.statistic, period: s.periodSeconds } },
          { id: "shortfall", expression: "wanted - actual", label: `${s.shortOf} - ${s.metricName}`, returnData: true },
        ],
      };
    new CloudwatchMetricAlarm(this, "Alarm", {
      alarmName: props.name,
      alarmDescription: s.description,
      ...metric,
      comparisonOperator: s.comparison,
      threshold: s.threshold,
      evaluationPeriods: s.evaluationPeriods,
      datapointsToAlarm: s.datapointsToAlarm,
      treatMissingData: s.treatMissingData,
      alarmActions: [props.topicArn],
      okActions: [props.topicArn],
      tags: { Name: props.name },
    });
  }
}
