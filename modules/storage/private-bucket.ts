import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketCorsConfiguration, S3BucketCorsConfigurationCorsRule } from "@cdktf/provider-aws/lib/s3-bucket-cors-configuration";
import { S3BucketLifecycleConfiguration, S3BucketLifecycleConfigurationRule } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { type TerraformProvider, TerraformResource } from "cdktf";
import { Construct } from "constructs";
import { policyDocument, type PolicyStatement } from "../iam/policy-document";
import { suppress } from "../../policies/suppress";
import { check, matches, validateProps } from "../validate";
import { ServerAccessLogging } from "./server-access-logging";

/** Props of a private bucket. */
export interface PrivateBucketProps {
  readonly bucketName: string;
  /** KMS key objects are encrypted with (SSE-KMS with a bucket key). */
  readonly kmsKeyArn: string;
  /** Lifecycle rules; incomplete multipart uploads are always aborted after 7 days. @default that rule only */
  readonly lifecycleRules?: readonly S3BucketLifecycleConfigurationRule[];
  /** CORS rules for browser uploads. @default no CORS configuration */
  readonly corsRules?: readonly S3BucketCorsConfigurationCorsRule[];
  /** Refuse `terraform destroy` and deletion of a non-empty bucket. */
  readonly preventDestroy: boolean;
  /** Statements the bucket policy adds after the TLS deny, e.g. a service's delivery grant or a CloudFront reader. @default none */
  readonly policyStatements?: readonly PolicyStatement[];
  /**
   * Access-log bucket of the bucket's account and region
   * (StateBackendLocation.accessLogBucket, or the state stack's own), or
   * why the bucket has none, written as an S3.AccessLogging suppression.
   */
  readonly accessLogs: { readonly bucket: string } | { readonly exemption: string };
  /** Provider of another account or region (PlatformStack.providerFor). @default the stack's own */
  readonly provider?: TerraformProvider;
}

/**
 * An S3 bucket nobody reaches anonymously: versioned, SSE-KMS, every public
 * access setting blocked, ACLs disabled (bucket owner enforced), a policy
 * denying any request not made over TLS, and its requests logged into the
 * account and region's access-log bucket.
 */
export class PrivateBucket extends Construct {
  readonly bucketName: string;
  readonly arn: string;
  /** The bucket policy: a service that checks it on creation (CloudTrail) depends on it. */
  readonly policy: S3BucketPolicy;

  constructor(scope: Construct, id: string, props: PrivateBucketProps) {
    super(scope, id);
    validateProps(this, [
      check("bucketName", props.bucketName, matches(
        /^(?!xn--|sthree-)(?!.*\.\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
        "must be 3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit, no .., no xn-- or sthree- prefix (S3 bucket names)",
      )),
    ]);
    const bucket = new S3Bucket(this, "Bucket", {
      bucket: props.bucketName,
      forceDestroy: false,
      lifecycle: { preventDestroy: props.preventDestroy },
    });
    new S3BucketVersioningA(this, "Versioning", { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } });
    new S3BucketServerSideEncryptionConfigurationA(this, "Encryption", {
      bucket: bucket.id,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: props.kmsKeyArn }, bucketKeyEnabled: true }],
    });
    new S3BucketPublicAccessBlock(this, "PublicAccessBlock", {
      bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, "Ownership", { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } });
    this.policy = new S3BucketPolicy(this, "Policy", {
      bucket: bucket.id,
      policy: policyDocument([{
        Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*",
        Resource: [bucket.arn, `${bucket.arn}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } },
      }, ...(props.policyStatements ?? [])]),
    });
    new S3BucketLifecycleConfiguration(this, "Lifecycle", {
      bucket: bucket.id,
      rule: [
        ...(props.lifecycleRules ?? []),
        { id: "abort-incomplete-multipart-uploads", status: "Enabled", filter: [{ prefix: "" }], abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }] },
      ],
    });
    if ("bucket" in props.accessLogs) {
      new ServerAccessLogging(this, "AccessLogging", { bucket: bucket.id, bucketName: props.bucketName, targetBucket: props.accessLogs.bucket });
    } else {
      suppress(bucket, "S3.AccessLogging", props.accessLogs.exemption);
    }
    if (props.corsRules) {
      new S3BucketCorsConfiguration(this, "Cors", { bucket: bucket.id, corsRule: [...props.corsRules] });
    }
    if (props.provider) {
      for (const child of this.node.findAll()) if (child instanceof TerraformResource) child.provider = props.provider;
    }
    this.bucketName = bucket.bucket;
    this.arn = bucket.arn;
  }
}
