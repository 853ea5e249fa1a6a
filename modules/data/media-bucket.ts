import { Construct } from "constructs";
import type { MediaBucketSettings } from "../../config/layers/data";
import { PrivateBucket } from "../storage/private-bucket";
import { protection } from "./protection";

/** Props of a media bucket. */
export interface MediaBucketProps {
  readonly settings: MediaBucketSettings;
  readonly kmsKeyArn: string;
  /** Access-log bucket of the account and region. */
  readonly accessLogBucket: string;
}

/**
 * Bucket for user media that browsers upload to with pre-signed URLs:
 * private, CORS for the app's origins (PUT/POST for uploads, GET/HEAD for
 * reads, ETag exposed for multipart uploads), objects above the size
 * threshold in Intelligent-Tiering from day 0, old versions expired.
 */
export class MediaBucket extends Construct {
  readonly bucketName: string;
  readonly arn: string;

  constructor(scope: Construct, id: string, props: MediaBucketProps) {
    super(scope, id);
    const s = props.settings;
    const bucket = new PrivateBucket(this, "Bucket", {
      bucketName: s.name,
      kmsKeyArn: props.kmsKeyArn,
      accessLogs: { bucket: props.accessLogBucket },
      preventDestroy: protection(s.deletionProtection, s.name).lifecycle.preventDestroy,
      lifecycleRules: [
        {
          id: "large-objects-to-intelligent-tiering", status: "Enabled",
          filter: [{ objectSizeGreaterThan: s.intelligentTieringMinBytes }],
          transition: [{ days: 0, storageClass: "INTELLIGENT_TIERING" }],
        },
        { id: "expire-noncurrent-versions", status: "Enabled", filter: [{ prefix: "" }], noncurrentVersionExpiration: [{ noncurrentDays: 30 }] },
      ],
      corsRules: [{
        id: "signed-url-uploads",
        allowedMethods: ["PUT", "POST", "GET", "HEAD"],
        allowedOrigins: [...s.corsAllowedOrigins],
        allowedHeaders: ["Content-Type", "Content-MD5", "x-amz-*"],
        exposeHeaders: ["ETag"],
        maxAgeSeconds: 3000,
      }],
    });
    this.bucketName = bucket.bucketName;
    this.arn = bucket.arn;
  }
}
