import { AcmpcaCertificate } from "@cdktf/provider-aws/lib/acmpca-certificate";
import { AcmpcaCertificateAuthority } from "@cdktf/provider-aws/lib/acmpca-certificate-authority";
import { AcmpcaCertificateAuthorityCertificate } from "@cdktf/provider-aws/lib/acmpca-certificate-authority-certificate";
import { AcmpcaPermission } from "@cdktf/provider-aws/lib/acmpca-permission";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";

/** Props of a private root CA. */
export interface PrivateCaProps {
  /** Common name of the CA's certificate. */
  readonly commonName: string;
  readonly accountId: string;
  readonly partition: string;
  /** Refuse `terraform destroy`: a new CA means every client must trust a new root. */
  readonly preventDestroy: boolean;
}

/**
 * An AWS Private CA root, activated with its self-signed certificate (10
 * years) and letting ACM of this account issue and renew private
 * certificates from it. General-purpose mode: ACM issues only from
 * general-purpose CAs. Clients of a service behind it trust this root
 * (published as the CA's certificate), since a public root cannot vouch for
 * a private name such as `*.internal`.
 */
export class PrivateCa extends Construct {
  readonly arn: string;
  /** Depend on this before requesting a certificate: the CA issues only once activated. */
  readonly activation: ITerraformDependable;

  constructor(scope: Construct, id: string, props: PrivateCaProps) {
    super(scope, id);
    const ca = new AcmpcaCertificateAuthority(this, "Authority", {
      type: "ROOT",
      usageMode: "GENERAL_PURPOSE",
      certificateAuthorityConfiguration: {
        keyAlgorithm: "EC_prime256v1",
        signingAlgorithm: "SHA256WITHECDSA",
        subject: { commonName: props.commonName },
      },
      permanentDeletionTimeInDays: 30,
      lifecycle: { preventDestroy: props.preventDestroy },
    });
    const root = new AcmpcaCertificate(this, "RootCertificate", {
      certificateAuthorityArn: ca.arn,
      certificateSigningRequest: ca.certificateSigningRequest,
      signingAlgorithm: "SHA256WITHECDSA",
      templateArn: `arn:${props.partition}:acm-pca:::template/RootCACertificate/V1`,
      validity: { type: "YEARS", value: "10" },
    });
    this.activation = new AcmpcaCertificateAuthorityCertificate(this, "Activation", {
      certificateAuthorityArn: ca.arn,
      certificate: root.certificate,
      certificateChain: root.certificateChain,
    });
    new AcmpcaPermission(this, "AcmRenews", {
      certificateAuthorityArn: ca.arn,
      principal: "acm.amazonaws.com",
      actions: ["IssueCertificate", "GetCertificate", "ListPermissions"],
      sourceAccount: props.accountId,
    });
    this.arn = ca.arn;
  }
}
