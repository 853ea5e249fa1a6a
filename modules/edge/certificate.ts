import { AcmCertificate } from "@cdktf/provider-aws/lib/acm-certificate";
import { AcmCertificateValidation } from "@cdktf/provider-aws/lib/acm-certificate-validation";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { TerraformIterator, Token } from "cdktf";
import { Construct } from "constructs";
import { check, matches, validateProps } from "../validate";

/** Props of a DNS-validated certificate. */
export interface DnsValidatedCertificateProps {
  readonly domainName: string;
  /** Route 53 zone the validation records go into (the zone that answers for the name). */
  readonly zoneId: string;
}

/**
 * A public ACM certificate validated through Route 53 records, renewed by ACM
 * as long as the records stay. `arn` is the validated certificate (its
 * consumers wait for validation). For CloudFront the stack creates it with
 * the us-east-1 provider.
 */
export class DnsValidatedCertificate extends Construct {
  readonly arn: string;

  constructor(scope: Construct, id: string, props: DnsValidatedCertificateProps) {
    super(scope, id);
    validateProps(this, [
      check("domainName", props.domainName, matches(/^(?=.{1,253}$)(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$/, "must be a lowercase domain name (ACM)")),
    ]);
    const certificate = new AcmCertificate(this, "Certificate", {
      domainName: props.domainName,
      validationMethod: "DNS",
      keyAlgorithm: "EC_prime256v1",
      lifecycle: { createBeforeDestroy: true },
    });
    const options = TerraformIterator.fromComplexList(certificate.domainValidationOptions, "domain_name");
    const records = new Route53Record(this, "Validation", {
      forEach: options,
      zoneId: props.zoneId,
      name: options.getString("resource_record_name"),
      type: options.getString("resource_record_type"),
      records: [options.getString("resource_record_value")],
      ttl: 300,
      allowOverwrite: true,
    });
    const validation = new AcmCertificateValidation(this, "Validated", {
      certificateArn: certificate.arn,
      validationRecordFqdns: Token.asList(`\${[for record in ${records.terraformResourceType}.${records.friendlyUniqueId} : record.fqdn]}`),
    });
    this.arn = validation.certificateArn;
  }
}
