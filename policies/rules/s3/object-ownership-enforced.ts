import { fail, pass, unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { block, isUnresolved, show } from "../../engine/values";
import { companions } from "./bucket-companion";

/** Every bucket disables ACLs (object ownership BucketOwnerEnforced). */
export const S3ObjectOwnershipEnforced: ResourceRule = {
  id: "S3.ObjectOwnershipEnforced",
  scope: "resource",
  description: "Every S3 bucket has aws_s3_bucket_ownership_controls with object_ownership BucketOwnerEnforced (ACLs disabled).",
  why: "With ACLs disabled, the bucket policy alone decides access and objects written by other accounts still belong to the bucket owner; ACLs are a second, easily missed access path.",
  resourceTypes: ["aws_s3_bucket"],
  check(bucket, stack) {
    const controls = companions(stack, bucket, "aws_s3_bucket_ownership_controls")[0];
    if (!controls) return fail("no aws_s3_bucket_ownership_controls refers to this bucket");
    const ownership = block(controls.attributes.rule)?.object_ownership;
    if (isUnresolved(ownership)) return unknown(`object_ownership is ${show(ownership)}`);
    return ownership === "BucketOwnerEnforced" ? pass() : fail(`${controls.address} object_ownership is ${show(ownership)}`);
  },
};
