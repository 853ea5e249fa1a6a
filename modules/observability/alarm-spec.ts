import { Op, Token } from "cdktf";
/**
 * One CloudWatch alarm as the inventory describes it, before any construct
 * exists: what it watches, when it fires and what an operator does first.
 * Builders per component kind (./alarms/*.ts) return these; the stack turns
 * each into an `aws_cloudwatch_metric_alarm` and the dashboard into a widget.
 */
export interface AlarmSpec {
  /** Suffix of the alarm name, unique within its component, e.g. `cpu`. */
  readonly key: string;
  readonly namespace: string;
  readonly metricName: string;
  /** Dimension name -> value (a contract output or a config name, never a guess). */
  readonly dimensions: Readonly<Record<string, string>>;
  /** A percentile (`p99`) becomes the alarm's extended statistic. */
  readonly statistic: "Average" | "Maximum" | "Minimum" | "Sum" | "p99";
  /**
   * When set, the alarm watches how far `metricName` falls short of this
   * metric (same namespace, dimensions and statistic) by metric math,
   * `shortOf - metricName`, e.g. ECS RunningTaskCount against DesiredTaskCount.
   */
  readonly shortOf?: string;
  readonly comparison: "GreaterThanThreshold" | "GreaterThanOrEqualToThreshold" | "LessThanThreshold" | "LessThanOrEqualToThreshold";
  /** A number, or a token computed from a contract output (a function's timeout). */
  readonly threshold: number;
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
  /**
   * What a missing datapoint means. `breaching` where silence is itself the
   * failure (a broker host that stopped publishing); `notBreaching` for
   * metrics only emitted on activity (SQS age on an idle queue).
   */
  readonly treatMissingData: "breaching" | "notBreaching" | "missing";
  /** What the alarm means and what to do first. */
  readonly description: string;
  /**
   * CloudFront and its CLOUDFRONT-scope web ACL publish metrics in
   * us-east-1 only: the alarm lives there and notifies the deployment's
   * topic in that region (an alarm's SNS action must be in its own region).
   */
  readonly global?: boolean;
}

/** Where CloudFront and its web ACLs publish their metrics. */
export const GLOBAL_METRICS_REGION = "us-east-1";

/** A metric drawn on the dashboard without an alarm: one the seed names that has no failure threshold (request counts, throughput). */
export interface GraphSpec {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Readonly<Record<string, string>>;
  readonly statistic: "Average" | "Sum";
}

/** Timing every alarm of a deployment shares (config/layers/observability.ts). */
export interface AlarmTiming {
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
}

/**
 * Alarms that must fire on a single datapoint whatever the deployment's
 * M-of-N: a message in a dead-letter queue, a port allocation error.
 */
export const onFirstDatapoint = (t: AlarmTiming): AlarmTiming => ({ periodSeconds: t.periodSeconds, evaluationPeriods: 1, datapointsToAlarm: 1 });

export const MIB = 1024 * 1024;
export const GIB = 1024 * MIB;

/**
 * `value × factor`, where value may be a token of a contract output (a
 * function's timeout): Terraform multiplies at plan time.
 */
export const scaled = (value: number, factor: number): number =>
  Token.isUnresolved(value) ? Token.asNumber(Op.mul(value, factor)) : value * factor;
