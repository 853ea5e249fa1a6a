import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey as AwsKmsKey } from "@cdktf/provider-aws/lib/kms-key";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { policyDocument, PolicyStatement } from "../iam/policy-document";
import { between, check, matches, maxLength, validateProps } from "../validate";

/** Props of a customer-managed key. */
export interface KmsKeyProps {
  /** Alias without the `alias/` prefix. */
  readonly alias: string;
  readonly description: string;
  /** Account that owns the key; its root administers it. */
  readonly accountId: string;
  readonly partition: string;
  /** Statements granting use of the key (see key-grants.ts), added after the root statement. @default none */
  readonly grants?: readonly PolicyStatement[];
  /** Key usable in other regions as a replica source. @default false */
  readonly multiRegion?: boolean;
  /** Days AWS waits before deleting a scheduled key (7-30). @default 30 */
  readonly deletionWindowInDays?: number;
  /** Refuse `terraform destroy` of the key. @default true */
  readonly preventDestroy?: boolean;
  /** Provider of another region or account (PlatformStack.providerFor). @default the stack's own */
  readonly provider?: TerraformProvider;
}

/**
 * A symmetric customer-managed key with yearly rotation. The key policy gives
 * `kms:*` only to the account root (so IAM policies decide who administers
 * it) and lists every other grant explicitly.
 */
export class KmsKey extends Construct {
  readonly arn: string;
  readonly keyId: string;
  readonly aliasName: string;

  constructor(scope: Construct, id: string, props: KmsKeyProps) {
    super(scope, id);
    validateProps(this, [
      check("alias", props.alias, matches(/^(?!aws\/)[A-Za-z0-9/_-]{1,250}$/, "must be 1-250 letters, digits and /_- after alias/, not starting with aws/ (KMS alias names)")),
      check("description", props.description, maxLength(8192, "KMS key descriptions")),
      check("deletionWindowInDays", props.deletionWindowInDays, between(7, 30, "KMS key deletion waiting period")),
    ]);
    const root = `arn:${props.partition}:iam::${props.accountId}:root`;
    const key = new AwsKmsKey(this, "Key", {
      provider: props.provider,
      description: props.description,
      enableKeyRotation: true,
      rotationPeriodInDays: 365,
      deletionWindowInDays: props.deletionWindowInDays ?? 30,
      multiRegion: props.multiRegion ?? false,
      policy: policyDocument([
        { Sid: "AccountRootAdministers", Effect: "Allow", Principal: { AWS: root }, Action: "kms:*", Resource: "*" },
        ...(props.grants ?? []),
      ]),
      lifecycle: { preventDestroy: props.preventDestroy ?? true },
    });
    const alias = new KmsAlias(this, "Alias", { provider: props.provider, name: `alias/${props.alias}`, targetKeyId: key.keyId });
    this.arn = key.arn;
    this.keyId = key.keyId;
    this.aliasName = alias.name;
  }
}
