import type { Thresholds } from "../../../config/layers/observability";
import { type AlarmSpec, type AlarmTiming, onFirstDatapoint, scaled } from "../alarm-spec";

/**
 * A Lambda function: its config name, its name and timeout (compute
 * contract `function_names`, `function_timeouts`) and whether failed
 * asynchronous invocations go to an on-failure queue.
 */
export interface FunctionComponent {
  readonly kind: "function";
  readonly name: string;
  readonly functionName: string;
  /** Seconds; a token of the contract output in the stack. */
  readonly timeoutSeconds: number;
  readonly failureDestination: boolean;
}

/**
 * Errors, throttles and p99 duration near the timeout (AWS/Lambda,
 * FunctionName); with an on-failure destination, events Lambda could not
 * deliver there (lost for good), on the first datapoint. The destination
 * queue itself is alarmed as a dead-letter queue.
 */
export function functionAlarms(c: FunctionComponent, t: Thresholds, timing: AlarmTiming): AlarmSpec[] {
  const n = c.name;
  const base = { namespace: "AWS/Lambda", dimensions: { FunctionName: c.functionName }, treatMissingData: "notBreaching" as const };
  return [
    { ...base, ...timing, key: "errors", metricName: "Errors", statistic: "Sum", comparison: "GreaterThanThreshold", threshold: t.functionErrors,
      description: `Function ${n} failed over ${t.functionErrors} invocations in a period. First: its log group for the error and stack trace (filter ERROR), then the last release (alias version) if it started with one.` },
    { ...base, ...timing, key: "throttles", metricName: "Throttles", statistic: "Sum", comparison: "GreaterThanThreshold", threshold: t.functionThrottles,
      description: `Function ${n} was throttled: reserved or account concurrency is exhausted. First: ConcurrentExecutions against its reserved concurrency and the account limit; queue sources retry, synchronous callers see 429.` },
    { ...base, ...timing, key: "duration", metricName: "Duration", statistic: "p99", comparison: "GreaterThanOrEqualToThreshold",
      threshold: scaled(c.timeoutSeconds, 10 * t.durationPercentOfTimeout),
      description: `Function ${n}'s p99 duration reached ${t.durationPercentOfTimeout}% of its timeout: slow invocations are about to time out. First: X-Ray or its logs for the slow downstream call (database, API); then raise the timeout or fix the call.` },
    ...(c.failureDestination ? [{
      ...base, ...onFirstDatapoint(timing), key: "destination-failures", metricName: "DestinationDeliveryFailures", statistic: "Sum" as const, comparison: "GreaterThanThreshold" as const, threshold: 0,
      description: `Function ${n} could not deliver a failed event to its on-failure queue: the event is lost. First: the function role's sqs:SendMessage and kms:GenerateDataKey on the queue, and the queue's existence.`,
    }] : []),
  ];
}
