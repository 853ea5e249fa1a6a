import type { Thresholds } from "../../../config/layers/observability";
import type { AlarmSpec, AlarmTiming } from "../alarm-spec";

/** A REST API stage: the function it fronts (edge contract key), its name and stage (`rest_api_names`, `rest_api_stage_names`). */
export interface RestApiComponent {
  readonly kind: "rest-api";
  readonly fronts: string;
  readonly apiName: string;
  readonly stage: string;
}

/**
 * Server-side errors and latency of a REST API stage (AWS/ApiGateway,
 * ApiName + Stage: the dimensions API Gateway publishes without detailed
 * metrics). Latency is p99 of the whole request, integration included, so
 * it reads against the integration timeout (29 s by default).
 */
export function restApiAlarms(c: RestApiComponent, t: Thresholds, timing: AlarmTiming): AlarmSpec[] {
  const dimensions = { ApiName: c.apiName, Stage: c.stage };
  const base = { namespace: "AWS/ApiGateway", dimensions, treatMissingData: "notBreaching" as const, ...timing };
  return [
    { ...base, key: "5xx", metricName: "5XXError", statistic: "Sum", comparison: "GreaterThanThreshold", threshold: t.api5xx,
      description: `The REST API in front of ${c.fronts} answered more than ${t.api5xx} requests with a 5xx in a period. First: its access log's status and integrationErrorMessage; 502 points at the function (its errors and logs), 504 at the integration timeout.` },
    { ...base, key: "latency", metricName: "Latency", statistic: "p99", comparison: "GreaterThanThreshold", threshold: t.apiLatencyMs,
      description: `p99 latency of the REST API in front of ${c.fronts} is above ${t.apiLatencyMs} ms. First: IntegrationLatency against Latency (the function or API Gateway), then the function's duration and cold starts.` },
  ];
}
