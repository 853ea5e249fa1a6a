import { Eip } from "@cdktf/provider-aws/lib/eip";
import { NatGateway } from "@cdktf/provider-aws/lib/nat-gateway";
import { Construct } from "constructs";
import type { NatMode } from "../../config/presets";

/** Props of the NAT gateways. */
export interface NatGatewaysProps {
  readonly mode: NatMode;
  /** Public subnets, one per AZ; gateways go in the first (single) or each (perAz). */
  readonly publicSubnetIds: readonly string[];
  readonly namePrefix: string;
}

/** NAT gateways with their Elastic IPs: none, one shared, or one per AZ. */
export class NatGateways extends Construct {
  /** Gateway ids in AZ order; empty when mode is `none`, one entry when `single`. */
  readonly natGatewayIds: string[];

  constructor(scope: Construct, id: string, props: NatGatewaysProps) {
    super(scope, id);
    const count = { none: 0, single: 1, perAz: props.publicSubnetIds.length }[props.mode];
    this.natGatewayIds = props.publicSubnetIds.slice(0, count).map((subnetId, index) => {
      const eip = new Eip(this, `Eip${index}`, { domain: "vpc", tags: { Name: `${props.namePrefix}-${index}` } });
      return new NatGateway(this, `Gateway${index}`, {
        allocationId: eip.allocationId,
        subnetId,
        connectivityType: "public",
        tags: { Name: `${props.namePrefix}-${index}` },
      }).id;
    });
  }
}
