import { Cloudtrail } from "@cdktf/provider-aws/lib/cloudtrail";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";

/** Props of the organization trail. */
export interface OrganizationTrailProps {
  readonly name: string;
  readonly bucketName: string;
  readonly kmsKeyArn: string;
  /** The bucket policy CloudTrail checks when the trail is created. */
  readonly bucketPolicy: ITerraformDependable;
}

/**
 * One trail for every account of the organization, in every region, with
 * global service events and digest files (log file validation), encrypted
 * with the logs account's key. Created in the management account.
 */
export class OrganizationTrail extends Construct {
  readonly arn: string;

  constructor(scope: Construct, id: string, props: OrganizationTrailProps) {
    super(scope, id);
    const trail = new Cloudtrail(this, "Trail", {
      name: props.name,
      s3BucketName: props.bucketName,
      kmsKeyId: props.kmsKeyArn,
      isOrganizationTrail: true,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      enableLogging: true,
      dependsOn: [props.bucketPolicy],
    });
    this.arn = trail.arn;
  }
}
