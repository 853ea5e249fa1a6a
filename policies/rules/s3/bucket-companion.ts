import type { StackContext } from "../../engine/stack-context";
import type { ResourceView } from "../../engine/types";

/**
 * The `aws_s3_bucket_*` resources configuring a bucket: those whose `bucket`
 * refers to it, or names it literally. S3 settings have lived in separate
 * resources since AWS provider 4, so bucket rules look them up here.
 */
export function companions(stack: StackContext, bucket: ResourceView, type: string): ResourceView[] {
  return stack.referencing(bucket, type, "bucket", "bucket");
}
