import { Route } from "@cdktf/provider-aws/lib/route";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { Construct } from "constructs";

/** Where a route table sends 0.0.0.0/0, if anywhere. */
export type DefaultRoute =
  | { readonly kind: "none" }
  | { readonly kind: "internetGateway"; readonly gatewayId: string }
  /** Table i uses gateway i, or the last one when there are fewer gateways than tables. */
  | { readonly kind: "natGateways"; readonly natGatewayIds: readonly string[] };

/** Props of a tier's routing. */
export interface SubnetRoutingProps {
  readonly vpcId: string;
  readonly namePrefix: string;
  readonly subnetIds: readonly string[];
  /** One table per subnet (so each AZ can use its own NAT) or one shared table. */
  readonly tablePerSubnet: boolean;
  readonly defaultRoute: DefaultRoute;
}

/**
 * Route tables of one subnet tier and their associations. With
 * `defaultRoute: none` the tables hold only the VPC's local route (plus any
 * gateway-endpoint prefix lists), which is how data subnets stay off the
 * internet.
 */
export class SubnetRouting extends Construct {
  readonly routeTableIds: string[];

  constructor(scope: Construct, id: string, props: SubnetRoutingProps) {
    super(scope, id);
    const tableCount = props.tablePerSubnet ? props.subnetIds.length : 1;
    this.routeTableIds = Array.from({ length: tableCount }, (_, index) => {
      const table = new RouteTable(this, `Table${index}`, {
        vpcId: props.vpcId,
        tags: { Name: props.tablePerSubnet ? `${props.namePrefix}-${index}` : props.namePrefix },
      });
      const route = props.defaultRoute;
      if (route.kind === "internetGateway") {
        new Route(this, `Default${index}`, { routeTableId: table.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: route.gatewayId });
      } else if (route.kind === "natGateways" && route.natGatewayIds.length > 0) {
        const natGatewayId = route.natGatewayIds[Math.min(index, route.natGatewayIds.length - 1)];
        new Route(this, `Default${index}`, { routeTableId: table.id, destinationCidrBlock: "0.0.0.0/0", natGatewayId });
      }
      return table.id;
    });
    props.subnetIds.forEach((subnetId, index) => {
      new RouteTableAssociation(this, `Association${index}`, {
        subnetId,
        routeTableId: this.routeTableIds[props.tablePerSubnet ? index : 0],
      });
    });
  }
}
