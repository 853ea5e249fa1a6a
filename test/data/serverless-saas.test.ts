import { describe, expect, it } from "vitest";
import { byAttr, only, onlyRef, policy, refBy, stack } from "../support/synth";

const prod = () => stack("serverless-saas-prod-data");
const keyArn = () => onlyRef(prod(), "aws_kms_key", "arn");

describe("serverless-saas-prod DynamoDB (seed 003)", () => {
  it("is on demand with a new-and-old-images stream, PITR, TTL and the data key", () => {
    expect(only(prod(), "aws_dynamodb_table")).toMatchObject({
      name: "serverless-saas-prod-app", billing_mode: "PAY_PER_REQUEST", hash_key: "pk", range_key: "sk",
      attribute: [{ name: "pk", type: "S" }, { name: "sk", type: "S" }],
      stream_enabled: true, stream_view_type: "NEW_AND_OLD_IMAGES",
      point_in_time_recovery: { enabled: true },
      server_side_encryption: { enabled: true, kms_key_arn: keyArn() },
      ttl: { attribute_name: "expiresAt", enabled: true },
      deletion_protection_enabled: true, lifecycle: { prevent_destroy: true },
    });
  });

  it("is unprotected in dev", () => {
    expect(only(stack("serverless-saas-dev-data"), "aws_dynamodb_table")).toMatchObject({ deletion_protection_enabled: false, lifecycle: { prevent_destroy: false } });
  });

  it("needs no generated secrets, so no random provider", () => {
    expect(Object.keys(prod().terraform.required_providers)).toEqual(["aws"]);
  });
});

describe.each(["images", "videos"])("serverless-saas-prod media bucket for %s", (kind) => {
  const name = `serverless-saas-prod-media-${kind}`;
  const bucketId = () => refBy(prod(), "aws_s3_bucket", "bucket", name, "id");

  it("moves objects over 1 MB to Intelligent-Tiering and aborts stale multipart uploads", () => {
    expect(byAttr(prod(), "aws_s3_bucket_lifecycle_configuration", "bucket", bucketId()).rule).toEqual([
      expect.objectContaining({ id: "large-objects-to-intelligent-tiering", status: "Enabled", filter: [{ object_size_greater_than: 1048576 }], transition: [{ days: 0, storage_class: "INTELLIGENT_TIERING" }] }),
      expect.objectContaining({ id: "expire-noncurrent-versions", noncurrent_version_expiration: [{ noncurrent_days: 30 }] }),
      expect.objectContaining({ id: "abort-incomplete-multipart-uploads", abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }] }),
    ]);
  });

  it("allows browser uploads through signed URLs from the app origin only", () => {
    expect(byAttr(prod(), "aws_s3_bucket_cors_configuration", "bucket", bucketId()).cors_rule).toEqual([{
      id: "signed-url-uploads", allowed_methods: ["PUT", "POST", "GET", "HEAD"], allowed_origins: ["https://app.thestack.dev"],
      allowed_headers: ["Content-Type", "Content-MD5", "x-amz-*"], expose_headers: ["ETag"], max_age_seconds: 3000,
    }]);
  });

  it("is private, KMS-encrypted, versioned and TLS-only", () => {
    expect(byAttr(prod(), "aws_s3_bucket_public_access_block", "bucket", bucketId())).toMatchObject({
      block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true,
    });
    expect(byAttr(prod(), "aws_s3_bucket_server_side_encryption_configuration", "bucket", bucketId()).rule).toEqual([{
      apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: keyArn() }, bucket_key_enabled: true,
    }]);
    expect(byAttr(prod(), "aws_s3_bucket_versioning", "bucket", bucketId()).versioning_configuration).toEqual({ status: "Enabled" });
    expect(policy(byAttr(prod(), "aws_s3_bucket_policy", "bucket", bucketId()).policy).Statement[0]).toMatchObject({
      Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } },
    });
    expect(byAttr(prod(), "aws_s3_bucket", "bucket", name).lifecycle).toEqual({ prevent_destroy: true });
  });
});
