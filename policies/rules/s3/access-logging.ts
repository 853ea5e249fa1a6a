import { fail, pass, skip } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { block, literal } from "../../engine/values";
import { companions } from "./bucket-companion";

/** Tag key and value the access-log destination bucket carries (modules/state/server-access-log-bucket.ts). */
const DESTINATION_TAG = ["log-destination", "s3-server-access-logs"] as const;

/** Every bucket logs its requests, except the bucket the logs land in. */
export const S3AccessLogging: ResourceRule = {
  id: "S3.AccessLogging",
  scope: "resource",
  description: "Every S3 bucket has an aws_s3_bucket_logging in its stack, except a bucket tagged log-destination = s3-server-access-logs (the account and region's access-log bucket).",
  why: "CloudTrail records object reads and writes only with data events, which the organization trail does not buy; server access logs are the record of who read, wrote or deleted what in a bucket. The destination itself is exempt: logging it would log every delivery.",
  resourceTypes: ["aws_s3_bucket"],
  check(bucket, stack) {
    if (literal(block(bucket.attributes.tags)?.[DESTINATION_TAG[0]]) === DESTINATION_TAG[1]) return skip("the access-log destination bucket");
    if (companions(stack, bucket, "aws_s3_bucket_logging").length > 0) return pass();
    return fail("no aws_s3_bucket_logging refers to this bucket");
  },
};
