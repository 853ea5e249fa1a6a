import { fail, pass, unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { flag, UNKNOWN } from "../../engine/values";
import { companions } from "./bucket-companion";

const FLAGS = ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"] as const;

/** Every bucket has a public access block with all four settings on. */
export const S3PublicAccessBlock: ResourceRule = {
  id: "S3.PublicAccessBlock",
  scope: "resource",
  description: "Every S3 bucket has an aws_s3_bucket_public_access_block with all four settings true.",
  why: "Public access blocks stop a later ACL or bucket policy from exposing objects to the internet; without all four, one careless policy statement publishes the bucket. Public content is served through CloudFront with origin access control instead.",
  resourceTypes: ["aws_s3_bucket"],
  check(bucket, stack) {
    const blocks = companions(stack, bucket, "aws_s3_bucket_public_access_block");
    if (blocks.length === 0) return fail("no aws_s3_bucket_public_access_block refers to this bucket");
    const off = FLAGS.filter((f) => flag(blocks[0].attributes[f]) !== true && flag(blocks[0].attributes[f]) !== UNKNOWN);
    if (off.length > 0) return fail(`${blocks[0].address}: ${off.join(", ")} not true`);
    if (FLAGS.some((f) => flag(blocks[0].attributes[f]) === UNKNOWN)) return unknown(`${blocks[0].address} has settings computed at plan time`);
    return pass();
  },
};
