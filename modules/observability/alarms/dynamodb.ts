import type { Thresholds } from "../../../config/layers/observability";
import type { AlarmSpec, AlarmTiming } from "../alarm-spec";

/** A DynamoDB table: its config id and name (data contract `table_names`). */
export interface TableComponent {
  readonly kind: "table";
  readonly id: string;
  readonly tableName: string;
}

/** Throttled requests and system errors (dimension TableName); on-demand tables still throttle past their partition limits. */
export function tableAlarms(c: TableComponent, _thresholds: Thresholds, timing: AlarmTiming): AlarmSpec[] {
  const base = { namespace: "AWS/DynamoDB", dimensions: { TableName: c.tableName }, statistic: "Sum" as const, comparison: "GreaterThanThreshold" as const, threshold: 0, treatMissingData: "notBreaching" as const, ...timing };
  return [
    { ...base, key: "throttled", metricName: "ThrottledRequests",
      description: `Table ${c.id} throttled requests. First: CloudWatch Contributor Insights for hot keys; callers retry with backoff meanwhile.` },
    { ...base, key: "system-errors", metricName: "SystemErrors",
      description: `Table ${c.id} returned 500 errors from DynamoDB. First: the AWS Health dashboard; the SDK retries them, so persistent errors are an AWS-side event.` },
  ];
}
