import { S3Object } from "@cdktf/provider-aws/lib/s3-object";
import { Construct } from "constructs";
import { PrivateBucket, type PrivateBucketProps } from "../../storage/private-bucket";
import { bootstrapPackageBase64 } from "./bootstrap-package";

/** Props of a deployment's function code bucket. */
export interface FunctionCodeBucketProps {
  /** Globally unique bucket name. */
  readonly bucketName: string;
  /** Key encrypting the packages (SSE-KMS); whoever uploads or deploys code needs it. */
  readonly kmsKeyArn: string;
  /** Refuse `terraform destroy` (staging and prod: the bucket holds every released package). */
  readonly preventDestroy: boolean;
  /** The package functions start from, zip as base64. @default the generic bootstrap handler */
  readonly bootstrapBase64?: string;
  /** Where the bucket's server access logs go (the account and region's access-log bucket), or why it has none. */
  readonly accessLogs: PrivateBucketProps["accessLogs"];
}

/** Object key of the bootstrap package every function is created from. */
export const BOOTSTRAP_KEY = "bootstrap/handler.zip";

/**
 * Where function code lives: a private, versioned, KMS-encrypted bucket per
 * deployment. Terraform puts only the bootstrap package in it, so the first
 * apply on an empty account creates every function; the release pipeline
 * uploads its packages under `releases/` and calls UpdateFunctionCode, and
 * the functions ignore their code arguments, so a later infrastructure
 * apply never rolls that code back (docs/functions.md).
 */
export class FunctionCodeBucket extends Construct {
  readonly bucketName: string;
  readonly arn: string;
  /** The bootstrap package's key, read from the object so a function depends on it. */
  readonly bootstrapKey: string;

  constructor(scope: Construct, id: string, props: FunctionCodeBucketProps) {
    super(scope, id);
    const bucket = new PrivateBucket(this, "Bucket", {
      bucketName: props.bucketName,
      kmsKeyArn: props.kmsKeyArn,
      preventDestroy: props.preventDestroy,
      accessLogs: props.accessLogs,
      // Released packages stay while a version may run them; rollback goes back at most 90 days.
      lifecycleRules: [{ id: "expire-noncurrent-packages", status: "Enabled", filter: [{ prefix: "releases/" }], noncurrentVersionExpiration: [{ noncurrentDays: 90 }] }],
    });
    const bootstrap = new S3Object(this, "Bootstrap", {
      bucket: bucket.bucketName,
      key: BOOTSTRAP_KEY,
      contentBase64: props.bootstrapBase64 ?? bootstrapPackageBase64(),
      contentType: "application/zip",
      serverSideEncryption: "aws:kms",
      kmsKeyId: props.kmsKeyArn,
    });
    this.bucketName = bucket.bucketName;
    this.arn = bucket.arn;
    this.bootstrapKey = bootstrap.key;
  }
}
