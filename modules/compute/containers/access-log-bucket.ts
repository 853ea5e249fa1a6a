import { DataAwsElbServiceAccount } from "@cdktf/provider-aws/lib/data-aws-elb-service-account";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { suppress } from "../../../policies/suppress";
import { policyDocument } from "../../iam/policy-document";
import { ServerAccessLogging } from "../../storage/server-access-logging";
import { between, check, matches, validateProps } from "../../validate";

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
    validateProps(this, [
      check("bucketName", props.bucketName, matches(/^(?!xn--|sthree-)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/, "must be 3-63 lowercase letters, digits and hyphens (S3 bucket names)")),
      check("retentionDays", props.retentionDays, between(1, 36500, "days")),
    ]);
    const bucket = new S3Bucket(this, "Bucket", { bucket: props.bucketName, forceDestroy: false, lifecycle: { preventDestroy: props.preventDestroy } });
    suppress(bucket, "S3.KmsEncryption", "Elastic Load Balancing delivers access logs only to buckets encrypted with SSE-S3 (AES256); SSE-KMS buckets receive nothing");
    new S3BucketVersioningA(this, "Versioning", { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } });
    new S3BucketServerSideEncryptionConfigurationA(this, "Encryption", {
      bucket: bucket.id, rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
    });
    new S3BucketPublicAccessBlock(this, "PublicAccessBlock", {
      bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, "Ownership", { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } });
    const elb = new DataAwsElbServiceAccount(this, "ElbAccount", {});
    this.writable = new S3BucketPolicy(this, "Policy", {
      bucket: bucket.id,
      policy: policyDocument([
        {
          Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*",
          Resource: [bucket.arn, `${bucket.arn}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
        {
          Sid: "ElbDeliversAccessLogs", Effect: "Allow", Principal: { AWS: elb.arn }, Action: "s3:PutObject",
          Resource: `${bucket.arn}/${ACCESS_LOG_PREFIX}/AWSLogs/${props.accountId}/*`,
        },
      ]),
    });
    new S3BucketLifecycleConfiguration(this, "Lifecycle", {
      bucket: bucket.id,
      rule: [{
        id: "expire-access-logs", status: "Enabled", filter: [{ prefix: "" }],
        expiration: [{ days: props.retentionDays }], noncurrentVersionExpiration: [{ noncurrentDays: 1 }],
        abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
      }],
    });
    new ServerAccessLogging(this, "AccessLogging", { bucket: bucket.id, bucketName: props.bucketName, targetBucket: props.serverAccessLogBucket });
    this.bucketName = bucket.bucket;
    this.arn = bucket.arn;
  }
}
