import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Construct } from "constructs";
import { check, validateProps } from "../validate";

/** Props of one subnet tier. */
export interface SubnetTierProps {
  readonly vpcId: string;
  /** Prefix of each subnet's `Name` tag; the AZ is appended. */
  readonly namePrefix: string;
  /** Value of the `tier` tag: public, compute or data. */
  readonly tier: string;
  /** One CIDR per AZ, same order as `azs`. */
  readonly cidrs: readonly string[];
  readonly azs: readonly string[];
}

/**
 * One subnet per availability zone for a tier. No subnet assigns public IPs
 * on launch, public ones included: load balancers and NAT gateways get their
 * addresses explicitly, instances never should.
 */
export class SubnetTier extends Construct {
  readonly subnetIds: string[];

  constructor(scope: Construct, id: string, props: SubnetTierProps) {
    super(scope, id);
    validateProps(this, [
      check("cidrs", props.cidrs, {
        when: (cidrs) => cidrs.length !== props.azs.length,
        allowed: `must hold one CIDR per AZ (${props.azs.length}: ${props.azs.join(", ")})`,
      }),
    ]);
    this.subnetIds = props.azs.map((az, index) =>
      new Subnet(this, `Az${index}`, {
        vpcId: props.vpcId,
        availabilityZone: az,
        cidrBlock: props.cidrs[index],
        mapPublicIpOnLaunch: false,
        tags: { Name: `${props.namePrefix}-${az}`, tier: props.tier },
      }).id,
    );
  }
}
