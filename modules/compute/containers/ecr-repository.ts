import { EcrLifecyclePolicy } from "@cdktf/provider-aws/lib/ecr-lifecycle-policy";
import { EcrRepository as AwsEcrRepository } from "@cdktf/provider-aws/lib/ecr-repository";
import { Construct } from "constructs";
import { between, check, matches, validateProps } from "../../validate";

/** Props of an image repository. */
export interface EcrRepositoryProps {
  readonly name: string;
  /** Key encrypting the images (KMS). */
  readonly kmsKeyArn: string;
  /** Days an untagged image (a superseded build) is kept. @default 14 */
  readonly untaggedExpireDays?: number;
  /** Tagged images kept, newest first; older ones expire. @default 50 */
  readonly keepTaggedImages?: number;
  /** Refuse `terraform destroy` (a deleted repository takes every image with it). */
  readonly preventDestroy: boolean;
}

/**
 * An ECR repository, after terraform-aws-ecr: immutable tags (a tag names
 * one build forever, so a deployment is reproducible), scan on push, KMS
 * encryption, never force-deleted, and a lifecycle policy expiring
 * untagged images after some days and tagged ones beyond a count.
 */
export class EcrRepository extends Construct {
  readonly url: string;
  readonly arn: string;

  constructor(scope: Construct, id: string, props: EcrRepositoryProps) {
    super(scope, id);
    validateProps(this, [
      check("name", props.name, matches(/^(?=.{2,256}$)[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/, "must be 2-256 lowercase letters and digits with single ._- or / separators (ECR repository names)")),
      check("untaggedExpireDays", props.untaggedExpireDays, between(1, 3650, "days")),
      check("keepTaggedImages", props.keepTaggedImages, between(1, 10000, "images")),
    ]);
    const repository = new AwsEcrRepository(this, "Repository", {
      name: props.name,
      imageTagMutability: "IMMUTABLE",
      imageScanningConfiguration: { scanOnPush: true },
      encryptionConfiguration: [{ encryptionType: "KMS", kmsKey: props.kmsKeyArn }],
      forceDelete: false,
      lifecycle: { preventDestroy: props.preventDestroy },
    });
    new EcrLifecyclePolicy(this, "Lifecycle", {
      repository: repository.name,
      policy: JSON.stringify({
        rules: [
          {
            rulePriority: 1, description: `Expire untagged images after ${props.untaggedExpireDays ?? 14} days`,
            selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: props.untaggedExpireDays ?? 14 },
            action: { type: "expire" },
          },
          {
            rulePriority: 2, description: `Keep the newest ${props.keepTaggedImages ?? 50} tagged images`,
            selection: { tagStatus: "tagged", tagPatternList: ["*"], countType: "imageCountMoreThan", countNumber: props.keepTaggedImages ?? 50 },
            action: { type: "expire" },
          },
        ],
      }),
    });
    this.url = repository.repositoryUrl;
    this.arn = repository.arn;
  }
}
