import { Construct } from "constructs";
import { logDestinationBucket } from "../storage/log-destination-bucket";

/** Tag marking the bucket S3 server access logs are delivered into (the S3.AccessLogging rule exempts it). */
export const ACCESS_LOG_DESTINATION_TAG = { "log-destination": "s3-server-access-logs" } as const;

/** Props of an account and region's access-log bucket. */
export interface ServerAccessLogBucketProps {
  readonly bucketName: string;
  /** The account whose buckets log here: the only source S3's log delivery may write for. */
  readonly accountId: string;
  readonly partition: string;
  /** Days log objects are kept (config/access-logs.ts). */
  readonly retentionDays: number;
}

/**
 * The bucket S3 server access logs of every bucket in one account and region
 * land in (S3 delivers only to a bucket of the source's own region).
 *
 * - SSE-S3: the form AWS has always documented S3 log delivery writing into
 *   (SSE-KMS with a customer-managed key is reported working, aws-cdk #25350,
 *   docs/observability.md); log objects S3 cannot write are dropped without
 *   an error anywhere.
 * - Versioned: delivery only adds objects under new keys, so versions cost
 *   nothing until someone deletes or overwrites a log; that version is kept
 *   30 days, long enough to notice tampering with the evidence.
 * - Exempt from logging itself: logging its own requests would add a log
 *   object for every delivery (an endless loop if it logged into itself,
 *   a third bucket otherwise); who reads it is in CloudTrail.
 * - Writable only by `logging.s3.amazonaws.com` for this account's buckets
 *   (`aws:SourceAccount`), the grant AWS documents for destinations with
 *   ACLs disabled (bucket owner enforced).
 * - Never destroyed by Terraform: it holds the evidence of who read what.
 */
export class ServerAccessLogBucket extends Construct {
  readonly bucketName: string;
  readonly arn: string;

  constructor(scope: Construct, id: string, props: ServerAccessLogBucketProps) {
    super(scope, id);
    const { bucket } = logDestinationBucket(this, {
      bucketName: props.bucketName, retentionDays: props.retentionDays, noncurrentDays: 30, preventDestroy: true, tags: ACCESS_LOG_DESTINATION_TAG,
      sseS3Reason: "S3 server access log delivery is documented into destinations encrypted with SSE-S3 (AES256); SSE-KMS destinations are not confirmed to receive logs, and missed logs fail silently (docs/observability.md)",
      delivery: (arn) => ({
        Sid: "S3ServerAccessLogsDelivery", Effect: "Allow", Principal: { Service: "logging.s3.amazonaws.com" }, Action: "s3:PutObject",
        Resource: `${arn}/*`,
        Condition: { ArnLike: { "aws:SourceArn": `arn:${props.partition}:s3:::*` }, StringEquals: { "aws:SourceAccount": props.accountId } },
      }),
    });
    this.bucketName = bucket.bucket;
    this.arn = bucket.arn;
  }
}
