import { AcmCertificate } from "@cdktf/provider-aws/lib/acm-certificate";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { DnsValidatedCertificate } from "../../edge/certificate";

/** Where the certificate comes from (config/layers/compute-load-balancers.ts). */
export type CertificateSource =
  | { readonly source: "privateCa"; readonly domainName: string; readonly certificateAuthorityArn: string; readonly dependsOn?: readonly ITerraformDependable[] }
  | { readonly source: "publicDns"; readonly domainName: string; readonly hostedZoneId: string };

/**
 * The HTTPS listener's ACM certificate: private, issued by an AWS Private CA
 * without validation (and renewed by ACM through the CA's permission), or
 * public, validated by DNS records in the given public zone. Either way ACM
 * renews it; the listener waits for an issued certificate.
 */
export class AlbCertificate extends Construct {
  /** ARN of an issued certificate (the validation's, for a public one). */
  readonly arn: string;

  constructor(scope: Construct, id: string, props: CertificateSource) {
    super(scope, id);
    if (props.source === "privateCa") {
      const certificate = new AcmCertificate(this, "Certificate", {
        domainName: props.domainName, certificateAuthorityArn: props.certificateAuthorityArn,
        dependsOn: props.dependsOn ? [...props.dependsOn] : undefined,
        lifecycle: { createBeforeDestroy: true },
      });
      this.arn = certificate.arn;
      return;
    }
    // The same DNS-validated certificate the edge layer uses for CloudFront, here in the ALB's own region.
    this.arn = new DnsValidatedCertificate(this, "PublicDns", { domainName: props.domainName, zoneId: props.hostedZoneId }).arn;
  }
}
