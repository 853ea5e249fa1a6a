import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { InternetGateway } from "@cdktf/provider-aws/lib/internet-gateway";
import { Vpc as AwsVpc } from "@cdktf/provider-aws/lib/vpc";
import { Construct } from "constructs";

/** Props of the VPC. */
export interface VpcProps {
  /** `Name` tag of the VPC and its gateway. */
  readonly name: string;
  readonly cidr: string;
}

/**
 * The VPC with DNS support (interface endpoints' private DNS needs both
 * flags), its internet gateway, and the default security group stripped of
 * every rule so nothing that falls back to it can talk.
 */
export class Vpc extends Construct {
  readonly vpcId: string;
  readonly cidr: string;
  readonly internetGatewayId: string;

  constructor(scope: Construct, id: string, props: VpcProps) {
    super(scope, id);
    const vpc = new AwsVpc(this, "Vpc", {
      cidrBlock: props.cidr,
      enableDnsSupport: true,
      enableDnsHostnames: true,
      tags: { Name: props.name },
    });
    const igw = new InternetGateway(this, "InternetGateway", { vpcId: vpc.id, tags: { Name: props.name } });
    new DefaultSecurityGroup(this, "DefaultSecurityGroup", {
      vpcId: vpc.id,
      ingress: [],
      egress: [],
      tags: { Name: `${props.name}-default-deny-all` },
    });
    this.vpcId = vpc.id;
    this.cidr = vpc.cidrBlock;
    this.internetGatewayId = igw.id;
  }
}
