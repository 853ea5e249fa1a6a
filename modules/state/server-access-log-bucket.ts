import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { Construct } from "constructs";
import { suppress } from "../../policies/suppress";
import { policyDocument } from "../iam/policy-document";
import { between, check, matches, validateProps } from "../validate";

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
    validateProps(this, [
      check("bucketName", props.bucketName, matches(/^(?!xn--|sthree-)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/, "must be 3-63 lowercase letters, digits and hyphens (S3 bucket names)")),
      check("retentionDays", props.retentionDays, between(1, 36500, "days")),
    ]);
    const bucket = new S3Bucket(this, "Bucket", {
      bucket: props.bucketName, forceDestroy: false, tags: { ...ACCESS_LOG_DESTINATION_TAG }, lifecycle: { preventDestroy: true },
    });
    suppress(bucket, "S3.KmsEncryption", "S3 server access log delivery is documented into destinations encrypted with SSE-S3 (AES256); SSE-KMS destinations are not confirmed to receive logs, and missed logs fail silently (docs/observability.md)");
    new S3BucketVersioningA(this, "Versioning", { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } });
    new S3BucketServerSideEncryptionConfigurationA(this, "Encryption", {
      bucket: bucket.id, rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
    });
    new S3BucketPublicAccessBlock(this, "PublicAccessBlock", {
      bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, "Ownership", { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } });
    new S3BucketPolicy(this, "Policy", {
      bucket: bucket.id,
      policy: policyDocument([
        {
          Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*",
          Resource: [bucket.arn, `${bucket.arn}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
        {
          Sid: "S3ServerAccessLogsDelivery", Effect: "Allow", Principal: { Service: "logging.s3.amazonaws.com" }, Action: "s3:PutObject",
          Resource: `${bucket.arn}/*`,
          Condition: { ArnLike: { "aws:SourceArn": `arn:${props.partition}:s3:::*` }, StringEquals: { "aws:SourceAccount": props.accountId } },
        },
      ]),
    });
    new S3BucketLifecycleConfiguration(this, "Lifecycle", {
      bucket: bucket.id,
      rule: [{
        id: "expire-access-logs", status: "Enabled", filter: [{ prefix: "" }],
        expiration: [{ days: props.retentionDays }], noncurrentVersionExpiration: [{ noncurrentDays: 30 }], abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
      }],
    });
    this.bucketName = bucket.bucket;
    this.arn = bucket.arn;
  }
}
