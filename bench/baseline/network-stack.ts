import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Eip } from "@cdktf/provider-aws/lib/eip";
import { InternetGateway } from "@cdktf/provider-aws/lib/internet-gateway";
import { NatGateway } from "@cdktf/provider-aws/lib/nat-gateway";
import { Route } from "@cdktf/provider-aws/lib/route";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";

const AZS = ["a", "b", "c"];
const SECURITY_GROUPS = [["web", 443], ["api", 8080], ["worker", 8081], ["db", 5432], ["cache", 6379], ["queue", 5671]] as const;

/**
 * A VPC written the way a cdktf tutorial writes it: public and private subnets
 * in three AZs, one NAT gateway, route tables, and six security groups with
 * one ingress and one egress rule each (42 resources).
 */
export class NetworkStack extends TerraformStack {
  constructor(scope: Construct, id: string, region: string, cidrPrefix: string) {
    super(scope, id);
    new AwsProvider(this, "aws", { region });
    const vpc = new Vpc(this, "vpc", { cidrBlock: `${cidrPrefix}.0.0/16`, enableDnsHostnames: true, tags: { Name: id } });
    const igw = new InternetGateway(this, "igw", { vpcId: vpc.id });

    const publicTable = new RouteTable(this, "public", { vpcId: vpc.id });
    new Route(this, "public-default", { routeTableId: publicTable.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: igw.id });
    const publicSubnets = AZS.map((az, i) => {
      const subnet = new Subnet(this, `public-${az}`, { vpcId: vpc.id, availabilityZone: `${region}${az}`, cidrBlock: `${cidrPrefix}.${i}.0/24` });
      new RouteTableAssociation(this, `public-${az}-routes`, { subnetId: subnet.id, routeTableId: publicTable.id });
      return subnet;
    });

    const nat = new NatGateway(this, "nat", { subnetId: publicSubnets[0].id, allocationId: new Eip(this, "nat-ip", { domain: "vpc" }).id });
    AZS.forEach((az, i) => {
      const subnet = new Subnet(this, `private-${az}`, { vpcId: vpc.id, availabilityZone: `${region}${az}`, cidrBlock: `${cidrPrefix}.${10 + i}.0/24` });
      const table = new RouteTable(this, `private-${az}-table`, { vpcId: vpc.id });
      new Route(this, `private-${az}-default`, { routeTableId: table.id, destinationCidrBlock: "0.0.0.0/0", natGatewayId: nat.id });
      new RouteTableAssociation(this, `private-${az}-routes`, { subnetId: subnet.id, routeTableId: table.id });
    });

    for (const [name, port] of SECURITY_GROUPS) {
      const group = new SecurityGroup(this, name, { name: `${id}-${name}`, vpcId: vpc.id });
      new VpcSecurityGroupIngressRule(this, `${name}-in`, { securityGroupId: group.id, cidrIpv4: vpc.cidrBlock, ipProtocol: "tcp", fromPort: port, toPort: port });
      new VpcSecurityGroupEgressRule(this, `${name}-out`, { securityGroupId: group.id, cidrIpv4: "0.0.0.0/0", ipProtocol: "-1" });
    }
  }
}
