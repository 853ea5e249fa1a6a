import { Aspects, TerraformStack } from "cdktf";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { CloudflareProvider } from "@cdktf/provider-cloudflare/lib/provider";
import { Construct } from "constructs";
import type { AccountRef } from "../config/deployment";
import { MANAGED_BY, REPOSITORY } from "../config/repository";
import { FullyQualifiedProviderSources } from "./provider-sources";

/** Terraform version every stack needs: S3-native locking (`use_lockfile`) arrived in 1.10, write-only arguments (`password_wo`) in 1.11. */
export const REQUIRED_TERRAFORM_VERSION = ">= 1.11.0";

/**
 * Role Terraform assumes in another account of the registry when a stack
 * reaches across accounts (observability, governance). The governance layer
 * creates it in every account.
 */
export const CROSS_ACCOUNT_ROLE = "platform-terraform";

/** Props shared by every stack of this repository. */
export interface PlatformStackProps {
  readonly region: string;
  readonly account: AccountRef;
  /** `default_tags` besides managed-by and repository (system, environment, layer; or scope, account, layer). */
  readonly tags: Readonly<Record<string, string>>;
}

/** Where an extra AWS provider points: another region, and optionally another account of the registry. */
export interface ProviderTarget {
  readonly region: string;
  /** @default the stack's own account */
  readonly account?: AccountRef;
}

/**
 * Base of every stack: the AWS provider for the region, pinned to the account
 * when its id is known, with default tags; extra providers on demand (another
 * region, another account, Cloudflare); the account id and partition looked
 * up once; fully qualified provider sources; the Terraform version
 * constraint. Backends are set by the subclasses.
 */
export abstract class PlatformStack extends TerraformStack {
  readonly aws: AwsProvider;
  private readonly props: PlatformStackProps;
  private readonly extraProviders = new Map<string, AwsProvider>();
  private cloudflareProvider?: CloudflareProvider;
  private identity?: DataAwsCallerIdentity;
  private partitionSource?: DataAwsPartition;

  protected constructor(scope: Construct, name: string, props: PlatformStackProps) {
    super(scope, name);
    this.props = props;
    this.aws = new AwsProvider(this, "aws", this.providerConfig(props.region, props.account));
    this.addOverride("terraform.required_version", REQUIRED_TERRAFORM_VERSION);
    Aspects.of(this).add(new FullyQualifiedProviderSources());
  }

  /** Id of the account the stack's default provider runs in (`data.aws_caller_identity.Caller`), looked up once. */
  get accountId(): string {
    this.identity ??= new DataAwsCallerIdentity(this, "Caller");
    return this.identity.accountId;
  }

  /** Partition of the stack's region (`data.aws_partition.Partition`), looked up once; ARNs use it. */
  get partition(): string {
    this.partitionSource ??= new DataAwsPartition(this, "Partition");
    return this.partitionSource.partition;
  }

  /**
   * An aliased AWS provider for another region (e.g. `us-east-1` for
   * CloudFront certificates and WAF) or another account of the registry,
   * created on first use with the same default tags. Another account needs a
   * known id: the provider assumes {@link CROSS_ACCOUNT_ROLE} there and
   * refuses any other account.
   */
  providerFor(target: ProviderTarget): AwsProvider {
    const account = target.account ?? this.props.account;
    const sameAccount = account.name === this.props.account.name;
    if (sameAccount && target.region === this.props.region) return this.aws;
    const alias = sameAccount ? target.region : `${account.name}-${target.region}`;
    const existing = this.extraProviders.get(alias);
    if (existing) return existing;
    if (!sameAccount && !account.id) {
      throw new Error(`${this.node.id}: a provider into account ${account.name} needs its id in config/accounts.ts (the role ARN to assume names it)`);
    }
    const provider = new AwsProvider(this, `aws-${alias}`, {
      ...this.providerConfig(target.region, account),
      alias,
      assumeRole: sameAccount ? undefined : [{ roleArn: `arn:aws:iam::${account.id}:role/${CROSS_ACCOUNT_ROLE}`, sessionName: this.node.id }],
    });
    this.extraProviders.set(alias, provider);
    return provider;
  }

  /**
   * The Cloudflare provider, created on first use. It takes its API token from
   * `CLOUDFLARE_API_TOKEN` in the runner's environment, never from config or
   * state.
   */
  cloudflare(): CloudflareProvider {
    this.cloudflareProvider ??= new CloudflareProvider(this, "cloudflare", {});
    return this.cloudflareProvider;
  }

  private providerConfig(region: string, account: AccountRef) {
    return {
      region,
      allowedAccountIds: account.id ? [account.id] : undefined,
      defaultTags: [{ tags: { ...this.props.tags, "managed-by": MANAGED_BY, repository: REPOSITORY } }],
    };
  }
}
