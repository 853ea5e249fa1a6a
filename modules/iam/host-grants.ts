import type { Grant } from "./grants";

/**
 * Grants a host needs for its own operation (metrics, logs, its DNS name),
 * beside the resource grants of grants.ts: each the exact actions on the
 * narrowest resource or condition the service supports.
 */

/**
 * Publish custom metrics into one namespace: `cloudwatch:PutMetricData`,
 * which has no resource-level permissions, held to the namespace by the
 * `cloudwatch:namespace` condition key.
 */
export function grantMetricData(namespace: string): Grant {
  return [{ Effect: "Allow", Action: "cloudwatch:PutMetricData", Resource: "*", Condition: { StringEquals: { "cloudwatch:namespace": namespace } } }];
}

/**
 * Write events into one log group: `logs:CreateLogStream` and
 * `logs:PutLogEvents` on its streams (what Docker's awslogs driver and the
 * CloudWatch agent call), never `logs:CreateLogGroup`: the group exists,
 * encrypted and with retention, before its writer.
 */
export function grantLogWrite(logGroupArn: string): Grant {
  return [{ Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${logGroupArn}:log-stream:*` }];
}

/** One record a host may point at itself. */
export interface OwnRecord {
  readonly partition: string;
  readonly zoneId: string;
  /** Fully qualified, without the trailing dot, lowercase (how Route 53 normalizes names for the condition). */
  readonly recordName: string;
  readonly type: "A" | "AAAA";
}

/**
 * UPSERT exactly one record of one private zone, nothing else: the
 * `route53:ChangeResourceRecordSets*` condition keys pin the record name,
 * type and action, so the host can move its own name and no other.
 */
export function grantOwnRecordUpsert(record: OwnRecord): Grant {
  return [{
    Effect: "Allow",
    Action: "route53:ChangeResourceRecordSets",
    Resource: `arn:${record.partition}:route53:::hostedzone/${record.zoneId}`,
    Condition: {
      "ForAllValues:StringEquals": {
        "route53:ChangeResourceRecordSetsNormalizedRecordNames": [record.recordName],
        "route53:ChangeResourceRecordSetsRecordTypes": [record.type],
        "route53:ChangeResourceRecordSetsActions": ["UPSERT"],
      },
    },
  }];
}
