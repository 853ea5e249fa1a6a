import { S3AccountPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-account-public-access-block";
import { Construct } from "constructs";

/**
 * S3 Block Public Access for the whole account (all four settings), so no
 * bucket of any stack, present or future, can be made public by an ACL or a
 * policy. A bucket that must serve the public does it through CloudFront
 * with origin access control, which this does not affect.
 */
export class AccountPublicAccessBlock extends Construct {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new S3AccountPublicAccessBlock(this, "Block", {
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
  }
}
