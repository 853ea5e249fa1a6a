import { DataAwsElbServiceAccount } from "@cdktf/provider-aws/lib/data-aws-elb-service-account";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { logDestinationBucket } from "../../storage/log-destination-bucket";
import { ServerAccessLogging } from "../../storage/server-access-logging";

/** Props of a load balancer access-log bucket. */
export interface AccessLogBucketProps {
  readonly bucketName: string;
  readonly accountId: string;
  /** Days log objects are kept. */
  readonly retentionDays: number;
  readonly preventDestroy: boolean;
  /** The account and region's bucket for S3 server access logs (this bucket's own reads and deletions). */
  readonly serverAccessLogBucket: string;
}

/** Prefix the balancer writes under (it appends `AWSLogs/<account>/`). */
export const ACCESS_LOG_PREFIX = "alb";

/**
 * The bucket an application load balancer delivers access logs to:
 * SSE-S3, because Elastic Load Balancing writes access logs only to buckets
 * encrypted with S3-managed keys (ELB guide, "Access log bucket
 * requirements"); otherwise private as every bucket here (public access
 * blocked, ACLs off, TLS only, versioned), writable by the region's ELB
 * log-delivery account under this account's prefix only, expiring
 * objects after the deployment's log retention, and its own requests logged
 * into the account and region's server access-log bucket.
 */
export class AccessLogBucket extends Construct {
  readonly bucketName: string;
  readonly arn: string;
  /** The bucket policy: a balancer enabling access logs must wait for it (ELB tests its write access). */
  readonly writable: ITerraformDependable;

  constructor(scope: Construct, id: string, props: AccessLogBucketProps) {
    super(scope, id);
    const elb = new DataAwsElbServiceAccount(this, "ElbAccount", {});
    const { bucket, policy } = logDestinationBucket(this, {
      bucketName: props.bucketName, retentionDays: props.retentionDays, noncurrentDays: 1, preventDestroy: props.preventDestroy,
      sseS3Reason: "Elastic Load Balancing delivers access logs only to buckets encrypted with SSE-S3 (AES256); SSE-KMS buckets receive nothing",
      delivery: (arn) => ({
        Sid: "ElbDeliversAccessLogs", Effect: "Allow", Principal: { AWS: elb.arn }, Action: "s3:PutObject",
        Resource: `${arn}/${ACCESS_LOG_PREFIX}/AWSLogs/${props.accountId}/*`,
      }),
    });
    this.writable = policy;
    new ServerAccessLogging(this, "AccessLogging", { bucket: bucket.id, bucketName: props.bucketName, targetBucket: props.serverAccessLogBucket });
    this.bucketName = bucket.bucket;
    this.arn = bucket.arn;
  }
}
