import { MediaConvertQueue } from "@cdktf/provider-aws/lib/media-convert-queue";
import { Construct } from "constructs";
import { grantBucketRead } from "../../iam/grants";
import { mergeStatements } from "../../iam/merge-statements";
import { ServiceRole } from "../../iam/service-role";
import { grantObjectPut } from "./function-grants";

/** Props of a deployment's MediaConvert queue and role. */
export interface MediaConvertProps {
  /** Queue name (also the role's, with `-mediaconvert`). */
  readonly name: string;
  /** Role name and path (`/<deployment>/`). */
  readonly role: { readonly name: string; readonly path: string };
  readonly accountId: string;
  /** Buckets jobs read sources from and write renditions to, with the key encrypting them. */
  readonly bucketArns: readonly string[];
  readonly kmsKeyArn: string;
}

/**
 * An on-demand MediaConvert queue and the one role its jobs run as: read
 * objects of the media buckets and put renditions there (with their key), nothing else.
 * The function starting jobs may pass only this role (grantMediaConvertJobs).
 */
export class MediaConvert extends Construct {
  readonly queueArn: string;
  readonly roleArn: string;

  constructor(scope: Construct, id: string, props: MediaConvertProps) {
    super(scope, id);
    const queue = new MediaConvertQueue(this, "Queue", {
      name: props.name, description: "Transcoding jobs of the media subgraph", pricingPlan: "ON_DEMAND", status: "ACTIVE",
    });
    const role = new ServiceRole(this, "Role", {
      name: props.role.name, path: props.role.path, description: `Role MediaConvert jobs of ${props.name} run as`,
      service: "mediaconvert.amazonaws.com", sourceAccountId: props.accountId,
      inlinePolicy: {
        name: "media",
        statements: mergeStatements(props.bucketArns.flatMap((bucketArn) => [
          ...grantBucketRead({ bucketArn, kmsKeyArn: props.kmsKeyArn }), ...grantObjectPut({ bucketArn, kmsKeyArn: props.kmsKeyArn }),
        ])),
      },
    });
    this.queueArn = queue.arn;
    this.roleArn = role.roleArn;
  }
}
