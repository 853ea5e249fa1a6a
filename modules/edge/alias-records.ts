import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { Construct } from "constructs";

/** Props of a name's alias records. */
export interface AliasRecordsProps {
  readonly zoneId: string;
  readonly name: string;
  /** Target DNS name and its hosted zone (a distribution's `domain_name` and `hosted_zone_id`). */
  readonly target: { readonly dnsName: string; readonly zoneId: string };
}

/** A and AAAA alias records pointing a name at a distribution (it answers over IPv4 and IPv6). */
export class AliasRecords extends Construct {
  constructor(scope: Construct, id: string, props: AliasRecordsProps) {
    super(scope, id);
    for (const type of ["A", "AAAA"]) {
      new Route53Record(this, type, {
        zoneId: props.zoneId, name: props.name, type,
        alias: { name: props.target.dnsName, zoneId: props.target.zoneId, evaluateTargetHealth: false },
      });
    }
  }
}
