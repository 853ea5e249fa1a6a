import { fail, pass, skip, unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { block, flag, isUnresolved, literal, show } from "../../engine/values";
import { companions } from "./bucket-companion";

/** Terraform state buckets keep every version. */
export const S3StateBucketVersioning: ResourceRule = {
  id: "S3.StateBucketVersioning",
  scope: "resource",
  description: "Buckets holding Terraform state (in a state stack, or named *-tfstate) have versioning Enabled.",
  why: "A bad apply, a bug in a provider or a mistaken `terraform state rm` overwrites the state object; only a previous version brings the infrastructure's record back.",
  resourceTypes: ["aws_s3_bucket"],
  check(bucket, stack) {
    const name = literal(bucket.attributes.bucket);
    if (!stack.isStateStack && !name?.endsWith("-tfstate")) return skip("not a state bucket");
    const versioning = companions(stack, bucket, "aws_s3_bucket_versioning")[0];
    const status = versioning
      ? block(versioning.attributes.versioning_configuration)?.status
      : flag(block(bucket.attributes.versioning)?.enabled) === true ? "Enabled" : undefined;
    if (isUnresolved(status)) return unknown(`versioning status is ${show(status)}`);
    if (status === "Enabled") return pass();
    return fail(versioning ? `${versioning.address} status is ${show(status)}` : "no aws_s3_bucket_versioning refers to this bucket");
  },
};
