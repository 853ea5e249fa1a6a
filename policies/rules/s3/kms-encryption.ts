import { fail, pass, unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { block, blocks, isUnresolved, show } from "../../engine/values";
import { companions } from "./bucket-companion";

const KMS_ALGORITHMS = ["aws:kms", "aws:kms:dsse"];

/** Every bucket declares default encryption with SSE-KMS. */
export const S3KmsEncryption: ResourceRule = {
  id: "S3.KmsEncryption",
  scope: "resource",
  description: "Every S3 bucket declares default encryption with SSE-KMS (aws:kms or aws:kms:dsse).",
  why: "S3 encrypts with S3-owned keys by default, which anyone with s3:GetObject can read through; SSE-KMS adds a key policy and CloudTrail records of every decrypt, so reading data needs two grants. Buckets AWS services can only write with SSE-S3 (ALB and S3 access logs) need a suppression saying so.",
  resourceTypes: ["aws_s3_bucket"],
  check(bucket, stack) {
    const configs = companions(stack, bucket, "aws_s3_bucket_server_side_encryption_configuration");
    const rules = configs.length > 0
      ? blocks(configs[0].attributes.rule)
      : blocks(block(bucket.attributes.server_side_encryption_configuration)?.rule);
    if (rules.length === 0) return fail("no aws_s3_bucket_server_side_encryption_configuration refers to this bucket");
    const algorithm = block(rules[0].apply_server_side_encryption_by_default)?.sse_algorithm;
    if (isUnresolved(algorithm)) return unknown(`sse_algorithm is ${show(algorithm)}`);
    if (typeof algorithm === "string" && KMS_ALGORITHMS.includes(algorithm)) return pass();
    return fail(`sse_algorithm is ${show(algorithm)}; expected ${KMS_ALGORITHMS.join(" or ")}`);
  },
};
