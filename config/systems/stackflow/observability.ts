import type { ObservabilityInput } from "../types";

/**
 * Seed 000's two CloudWatch Logs Insights queries, saved on the API
 * function's log group (`/aws/lambda/StackFlowAPI`), verbatim. The seed's
 * time ranges (last hour, last 24 hours) are chosen when a query runs; a
 * saved query holds no range.
 */
export function observability(): ObservabilityInput {
  return {
    logQueries: [
      {
        name: "API errors by path",
        functions: ["StackFlowAPI"],
        query: [
          "fields @timestamp, @message",
          "| filter @message like /ERROR|statusCode.*[45][0-9][0-9]/",
          "| parse @message '\"path\":\"*\"' as path",
          "| parse @message '\"statusCode\":*,' as statusCode",
          "| stats count() as errorCount by path, statusCode",
          "| sort errorCount desc",
          "| limit 20",
        ].join("\n"),
      },
      {
        name: "Lambda cold starts",
        functions: ["StackFlowAPI"],
        query: [
          "fields @timestamp, @message, @initDuration",
          "| filter @type = \"REPORT\" and ispresent(@initDuration)",
          "| stats avg(@initDuration) as avgColdStart, max(@initDuration) as maxColdStart, count() as count",
          "| sort count desc",
        ].join("\n"),
      },
    ],
  };
}
