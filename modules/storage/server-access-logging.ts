import { S3BucketLoggingA } from "@cdktf/provider-aws/lib/s3-bucket-logging";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";

/** Props of a bucket's server access logging. */
export interface ServerAccessLoggingProps {
  /** Id (name) of the bucket whose requests are logged. */
  readonly bucket: string;
  /** Name the bucket was given: the prefix its logs land under. */
  readonly bucketName: string;
  /** The account and region's access-log bucket (StateBackendLocation.accessLogBucket). */
  readonly targetBucket: string;
  /** Provider of the bucket's account and region. @default the stack's own */
  readonly provider?: TerraformProvider;
}

/**
 * S3 server access logging of one bucket into its account and region's
 * access-log bucket (the state stack's), under `<bucket name>/`, so every
 * bucket's records stay apart and expire with that bucket's lifecycle.
 */
export class ServerAccessLogging extends Construct {
  constructor(scope: Construct, id: string, props: ServerAccessLoggingProps) {
    super(scope, id);
    new S3BucketLoggingA(this, "Logging", {
      bucket: props.bucket, targetBucket: props.targetBucket, targetPrefix: `${props.bucketName}/`, provider: props.provider,
    });
  }
}
