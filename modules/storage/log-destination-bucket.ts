import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import type { Construct } from "constructs";
import { suppress } from "../../policies/suppress";
import { policyDocument, type PolicyStatement } from "../iam/policy-document";
import { between, check, matches, validateProps } from "../validate";

/** Props of a bucket an AWS service delivers logs into. */
export interface LogDestinationBucketProps {
  readonly bucketName: string;
  /** Days log objects are kept. */
  readonly retentionDays: number;
  /** Days a deleted or overwritten log version is kept. */
  readonly noncurrentDays: number;
  readonly preventDestroy: boolean;
  readonly tags?: Readonly<Record<string, string>>;
  /** Why the delivering service needs SSE-S3 rather than a KMS key (the S3.KmsEncryption suppression). */
  readonly sseS3Reason: string;
  /** The delivering service's write grant, after the TLS deny. */
  readonly delivery: (bucketArn: string) => PolicyStatement;
}

/**
 * The settings every log destination shares, built into `scope` itself (ids
 * Bucket, Versioning, Encryption, PublicAccessBlock, Ownership, Policy,
 * Lifecycle) so the constructs using it keep their addresses: SSE-S3 (log
 * delivery services do not write into SSE-KMS buckets), versioned, public
 * access blocked, ACLs off, TLS only, the service's grant, expiry after the
 * retention.
 */
export function logDestinationBucket(scope: Construct, props: LogDestinationBucketProps): { readonly bucket: S3Bucket; readonly policy: S3BucketPolicy } {
  validateProps(scope, [
    check("bucketName", props.bucketName, matches(/^(?!xn--|sthree-)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/, "must be 3-63 lowercase letters, digits and hyphens (S3 bucket names)")),
    check("retentionDays", props.retentionDays, between(1, 36500, "days")),
  ]);
  const bucket = new S3Bucket(scope, "Bucket", {
    bucket: props.bucketName, forceDestroy: false, ...(props.tags ? { tags: { ...props.tags } } : {}), lifecycle: { preventDestroy: props.preventDestroy },
  });
  suppress(bucket, "S3.KmsEncryption", props.sseS3Reason);
  new S3BucketVersioningA(scope, "Versioning", { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } });
  new S3BucketServerSideEncryptionConfigurationA(scope, "Encryption", {
    bucket: bucket.id, rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
  });
  new S3BucketPublicAccessBlock(scope, "PublicAccessBlock", {
    bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true,
  });
  new S3BucketOwnershipControls(scope, "Ownership", { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } });
  const policy = new S3BucketPolicy(scope, "Policy", {
    bucket: bucket.id,
    policy: policyDocument([
      {
        Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*",
        Resource: [bucket.arn, `${bucket.arn}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } },
      },
      props.delivery(bucket.arn),
    ]),
  });
  new S3BucketLifecycleConfiguration(scope, "Lifecycle", {
    bucket: bucket.id,
    rule: [{
      id: "expire-access-logs", status: "Enabled", filter: [{ prefix: "" }],
      expiration: [{ days: props.retentionDays }], noncurrentVersionExpiration: [{ noncurrentDays: props.noncurrentDays }],
      abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
    }],
  });
  return { bucket, policy };
}
