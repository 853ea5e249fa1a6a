import { AcmCertificate } from "@cdktf/provider-aws/lib/acm-certificate";
import { AcmCertificateValidation } from "@cdktf/provider-aws/lib/acm-certificate-validation";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { TerraformIterator, Token, type ITerraformDependable } from "cdktf";
import { Construct } from "constructs";

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
    const certificate = new AcmCertificate(this, "Certificate", {
      domainName: props.domainName, validationMethod: "DNS", lifecycle: { createBeforeDestroy: true },
    });
    const options = TerraformIterator.fromComplexList(certificate.domainValidationOptions, "domain_name");
    const records = new Route53Record(this, "ValidationRecord", {
      forEach: options,
      zoneId: props.hostedZoneId,
      name: options.getString("resource_record_name"),
      type: options.getString("resource_record_type"),
      records: [options.getString("resource_record_value")],
      ttl: 60,
      allowOverwrite: true,
    });
    const validation = new AcmCertificateValidation(this, "Validation", {
      certificateArn: certificate.arn,
      validationRecordFqdns: Token.asList(TerraformIterator.fromResources(records).pluckProperty("fqdn")),
    });
    this.arn = validation.certificateArn;
  }
}
