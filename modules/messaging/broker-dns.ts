import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { Route53Zone } from "@cdktf/provider-aws/lib/route53-zone";
import { Construct } from "constructs";
import { check, matches, validateProps } from "../validate";

/** Seconds resolvers keep the broker's address: a replaced host is found within half a minute. */
export const BROKER_RECORD_TTL = 30;

/** Props of the broker's private name. */
export interface BrokerDnsProps {
  /** Private hosted zone, e.g. `webhooks-prod.internal`. */
  readonly zoneName: string;
  /** The broker's name inside it, e.g. `rabbitmq.webhooks-prod.internal`. */
  readonly recordName: string;
  readonly vpcId: string;
}

/**
 * A private hosted zone for the deployment, associated with its VPC, and
 * the broker's A record. Terraform owns the record; the host owns its
 * address: each new host UPSERTs its private IP at boot (grantOwnRecordUpsert),
 * so `records` is ignored here. Until the first host has booted the record
 * points at 127.0.0.1, which fails fast instead of reaching anything.
 */
export class BrokerDns extends Construct {
  readonly zoneId: string;
  readonly record: Route53Record;

  constructor(scope: Construct, id: string, props: BrokerDnsProps) {
    super(scope, id);
    validateProps(this, [
      check("recordName", props.recordName, matches(new RegExp(`^[a-z0-9-]+\\.${props.zoneName.replace(/\./g, "\\.")}$`), `must be one label inside ${props.zoneName}`)),
    ]);
    const zone = new Route53Zone(this, "Zone", {
      name: props.zoneName,
      comment: "Private names of the deployment's services",
      vpc: [{ vpcId: props.vpcId }],
    });
    this.record = new Route53Record(this, "Record", {
      zoneId: zone.zoneId,
      name: props.recordName,
      type: "A",
      ttl: BROKER_RECORD_TTL,
      records: ["127.0.0.1"],
      lifecycle: { ignoreChanges: ["records"] },
    });
    this.zoneId = zone.zoneId;
  }
}
