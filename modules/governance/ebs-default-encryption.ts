import { EbsDefaultKmsKey } from "@cdktf/provider-aws/lib/ebs-default-kms-key";
import { EbsEncryptionByDefault } from "@cdktf/provider-aws/lib/ebs-encryption-by-default";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { KmsKey } from "../kms/kms-key";

/** Props of one region's EBS default encryption. */
export interface EbsDefaultEncryptionProps {
  /** Alias of the region's EBS key, without `alias/`. */
  readonly keyAlias: string;
  readonly region: string;
  readonly accountId: string;
  readonly partition: string;
  /** Provider of the region when it is not the stack's own. @default the stack's own */
  readonly provider?: TerraformProvider;
}

/**
 * Every new EBS volume and snapshot copy of the region encrypted with the
 * account's own key. The key policy is the one AWS gives its `aws/ebs` key:
 * any principal of this account, only through EC2 in this region. Naming
 * principals instead would break Auto Scaling and EKS node groups, whose
 * service-linked roles launch the instances and need the key but may not
 * exist yet when the key is created.
 */
export class EbsDefaultEncryption extends Construct {
  readonly keyArn: string;

  constructor(scope: Construct, id: string, props: EbsDefaultEncryptionProps) {
    super(scope, id);
    const key = new KmsKey(this, "Key", {
      alias: props.keyAlias,
      description: `Default EBS encryption of the account in ${props.region}`,
      accountId: props.accountId,
      partition: props.partition,
      provider: props.provider,
      grants: [{
        Sid: "AccountUseThroughEc2",
        Effect: "Allow",
        Principal: { AWS: "*" },
        Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:CreateGrant", "kms:DescribeKey"],
        Resource: "*",
        Condition: { StringEquals: { "kms:CallerAccount": props.accountId, "kms:ViaService": `ec2.${props.region}.amazonaws.com` } },
      }],
    });
    new EbsEncryptionByDefault(this, "ByDefault", { provider: props.provider, enabled: true });
    new EbsDefaultKmsKey(this, "DefaultKey", { provider: props.provider, keyArn: key.arn });
    this.keyArn = key.arn;
  }
}
