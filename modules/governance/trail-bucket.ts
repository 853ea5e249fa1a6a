import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { KmsKey } from "../kms/kms-key";
import { PrivateBucket } from "../storage/private-bucket";

/** Props of the bucket and key an organization trail delivers into. */
export interface TrailBucketProps {
  readonly bucketName: string;
  /** ARN the trail will have (`arn:<partition>:cloudtrail:<region>:<management>:trail/<name>`): the only source allowed to write. */
  readonly trailArn: string;
  /** The management account, which owns the trail. */
  readonly managementAccountId: string;
  readonly organizationId: string;
  /** The logs account, which owns bucket and key. */
  readonly logsAccountId: string;
  readonly partition: string;
  /** Access-log bucket of the logs account in the bucket's region. */
  readonly accessLogBucket: string;
  /** Provider into the logs account. */
  readonly provider: TerraformProvider;
}

/**
 * The audit bucket in the logs account and the key encrypting it: private,
 * versioned, TLS only, never destroyed, and writable by CloudTrail only for
 * this trail (`aws:SourceArn`), into the management account's and the
 * organization's `AWSLogs/` prefixes, as CloudTrail's bucket policy for an
 * organization trail requires. Readers of the logs account decrypt through
 * IAM (the key's root statement); nobody else holds a grant.
 */
export class TrailBucket extends Construct {
  readonly bucket: PrivateBucket;
  readonly keyArn: string;

  constructor(scope: Construct, id: string, props: TrailBucketProps) {
    super(scope, id);
    const source = { "aws:SourceArn": props.trailArn };
    const key = new KmsKey(this, "Key", {
      alias: `${props.bucketName}`,
      description: "Encrypts the organization trail's log files",
      accountId: props.logsAccountId,
      partition: props.partition,
      provider: props.provider,
      grants: [
        {
          Sid: "CloudTrailEncrypts", Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "kms:GenerateDataKey*", Resource: "*",
          Condition: {
            StringEquals: source,
            StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": `arn:${props.partition}:cloudtrail:*:${props.managementAccountId}:trail/*` },
          },
        },
        { Sid: "CloudTrailDescribesKey", Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "kms:DescribeKey", Resource: "*", Condition: { StringEquals: source } },
      ],
    });
    const arn = `arn:${props.partition}:s3:::${props.bucketName}`;
    this.bucket = new PrivateBucket(this, "Bucket", {
      bucketName: props.bucketName,
      kmsKeyArn: key.arn,
      preventDestroy: true,
      accessLogs: { bucket: props.accessLogBucket },
      provider: props.provider,
      policyStatements: [
        { Sid: "CloudTrailChecksAcl", Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "s3:GetBucketAcl", Resource: arn, Condition: { StringEquals: source } },
        {
          Sid: "CloudTrailWrites", Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "s3:PutObject",
          Resource: [`${arn}/AWSLogs/${props.managementAccountId}/*`, `${arn}/AWSLogs/${props.organizationId}/*`],
          Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", ...source } },
        },
      ],
    });
    this.keyArn = key.arn;
  }
}
