import { Route53Zone } from "@cdktf/provider-aws/lib/route53-zone";
import { Construct } from "constructs";

/** Props of a deployment's public zone. */
export interface HostedZoneProps {
  readonly name: string;
  /** A zone the deployment uses but does not own. @default a zone created here */
  readonly existingZoneId?: string;
  /** `prevent_destroy` on a created zone: deleting it loses the delegation. */
  readonly protect: boolean;
}

/** A public Route 53 zone the deployment owns, or an existing one referenced by id (never created or destroyed here). */
export class HostedZone extends Construct {
  readonly zoneId: string;

  constructor(scope: Construct, id: string, props: HostedZoneProps) {
    super(scope, id);
    this.zoneId = props.existingZoneId ?? new Route53Zone(this, "Zone", {
      name: props.name, comment: `Public zone of ${props.name}`, forceDestroy: false, lifecycle: { preventDestroy: props.protect },
    }).zoneId;
  }
}
