import { Aspects, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Construct } from "constructs";
import type { AccountRef } from "../config/deployment";
import { MANAGED_BY, REPOSITORY } from "../config/repository";
import { FullyQualifiedProviderSources } from "./provider-sources";

/** Terraform version every stack needs: S3-native locking (`use_lockfile`) arrived in 1.10, write-only arguments (`password_wo`) in 1.11. */
export const REQUIRED_TERRAFORM_VERSION = ">= 1.11.0";

/** Props shared by every stack of this repository. */
export interface PlatformStackProps {
  readonly region: string;
  readonly account: AccountRef;
  /** `default_tags` besides managed-by and repository: system, environment, layer. */
  readonly tags: { readonly system: string; readonly environment: string; readonly layer: string };
}

/**
 * Base of every stack: the AWS provider for the region, pinned to the account
 * when its id is known, with default tags; fully qualified provider sources;
 * the Terraform version constraint. Backends are set by the subclasses.
 */
export abstract class PlatformStack extends TerraformStack {
  readonly aws: AwsProvider;

  protected constructor(scope: Construct, name: string, props: PlatformStackProps) {
    super(scope, name);
    this.aws = new AwsProvider(this, "aws", {
      region: props.region,
      allowedAccountIds: props.account.id ? [props.account.id] : undefined,
      defaultTags: [{ tags: { ...props.tags, "managed-by": MANAGED_BY, repository: REPOSITORY } }],
    });
    this.addOverride("terraform.required_version", REQUIRED_TERRAFORM_VERSION);
    Aspects.of(this).add(new FullyQualifiedProviderSources());
  }
}
