import { describe, expect, it } from "vitest";
import { byAttr, matching, only, onlyRef, policy, refBy, stack } from "./support/synth";

describe("state bootstrap stack (stackflow-prod, us-east-1)", () => {
  const s = () => stack("stackflow-prod-us-east-1-state");
  const STATE_BUCKET = "stackflow-prod-373544523367-us-east-1-tfstate";
  const bucketRef = () => refBy(s(), "aws_s3_bucket", "bucket", STATE_BUCKET, "id");
  /** The state bucket's companion of a type (the access-log bucket beside it has its own, tested in test/access-logs.test.ts). */
  const own = (type: string) => byAttr(s(), type, "bucket", bucketRef());
  const keyArn = () => onlyRef(s(), "aws_kms_key", "arn");

  it("creates the bucket the layer stacks' backend names, never destroyed by Terraform", () => {
    expect(byAttr(s(), "aws_s3_bucket", "bucket", STATE_BUCKET)).toMatchObject({
      bucket: STATE_BUCKET,
      force_destroy: false,
      lifecycle: { prevent_destroy: true },
    });
    expect(stack("stackflow-prod-network").terraform.backend.s3.bucket).toBe("stackflow-prod-373544523367-us-east-1-tfstate");
  });

  it("versions state and expires superseded versions after 90 days", () => {
    expect(own("aws_s3_bucket_versioning")).toMatchObject({ bucket: bucketRef(), versioning_configuration: { status: "Enabled" } });
    expect(own("aws_s3_bucket_lifecycle_configuration")).toMatchObject({
      bucket: bucketRef(),
      rule: [
        { id: "expire-noncurrent-state-versions", status: "Enabled", filter: [{ prefix: "" }], noncurrent_version_expiration: [{ noncurrent_days: 90 }] },
        { id: "abort-incomplete-multipart-uploads", status: "Enabled", filter: [{ prefix: "" }], abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }] },
      ],
    });
  });

  it("encrypts with its rotating customer-managed key", () => {
    expect(own("aws_s3_bucket_server_side_encryption_configuration")).toMatchObject({
      bucket: bucketRef(),
      rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: keyArn() }, bucket_key_enabled: true }],
    });
    expect(only(s(), "aws_kms_key")).toMatchObject({ enable_key_rotation: true, lifecycle: { prevent_destroy: true } });
    expect(only(s(), "aws_kms_alias").name).toBe("alias/stackflow-prod-us-east-1-tfstate");
  });

  it("logs its requests into the access-log bucket created beside it", () => {
    expect(matching(s(), "aws_s3_bucket_logging", (r) => r.bucket === bucketRef())).toEqual([expect.objectContaining({
      target_bucket: refBy(s(), "aws_s3_bucket", "bucket", "stackflow-prod-373544523367-us-east-1-access-logs", "bucket"), target_prefix: `${STATE_BUCKET}/`,
    })]);
  });

  it("blocks public access, disables ACLs and refuses plain HTTP", () => {
    expect(own("aws_s3_bucket_public_access_block")).toMatchObject({
      bucket: bucketRef(), block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true,
    });
    expect(own("aws_s3_bucket_ownership_controls")).toMatchObject({ rule: { object_ownership: "BucketOwnerEnforced" } });
    const arn = refBy(s(), "aws_s3_bucket", "bucket", STATE_BUCKET, "arn");
    expect(policy(own("aws_s3_bucket_policy").policy).Statement).toEqual([{
      Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*",
      Resource: [arn, `${arn}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } },
    }]);
  });

  it("creates the lock table: LockID hash key, on demand, PITR, encrypted, protected", () => {
    expect(only(s(), "aws_dynamodb_table")).toMatchObject({
      name: "stackflow-prod-us-east-1-tflock",
      hash_key: "LockID",
      attribute: [{ name: "LockID", type: "S" }],
      billing_mode: "PAY_PER_REQUEST",
      point_in_time_recovery: { enabled: true },
      server_side_encryption: { enabled: true, kms_key_arn: keyArn() },
      deletion_protection_enabled: true,
      lifecycle: { prevent_destroy: true },
    });
    expect(stack("stackflow-prod-network").terraform.backend.s3.dynamodb_table).toBe("stackflow-prod-us-east-1-tflock");
  });

  it("outputs the names an operator needs for the migration", () => {
    expect(Object.keys(s().output ?? {}).sort()).toEqual(["access_log_bucket", "lock_table", "state_bucket", "state_kms_key_arn"]);
  });
});
