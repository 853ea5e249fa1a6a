import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { Construct } from "constructs";

/** Props of the gateway endpoints. */
export interface GatewayEndpointsProps {
  readonly vpcId: string;
  readonly region: string;
  /** Route tables that get the S3 and DynamoDB prefix-list routes. */
  readonly routeTableIds: readonly string[];
  readonly namePrefix: string;
}

/**
 * S3 and DynamoDB gateway endpoints: free, keep that traffic off the NAT
 * gateways, and give isolated data subnets a path to both services without a
 * route to the internet.
 */
export class GatewayEndpoints extends Construct {
  readonly s3EndpointId: string;
  readonly dynamodbEndpointId: string;

  constructor(scope: Construct, id: string, props: GatewayEndpointsProps) {
    super(scope, id);
    const endpoint = (constructId: string, service: string) =>
      new VpcEndpoint(this, constructId, {
        vpcId: props.vpcId,
        serviceName: `com.amazonaws.${props.region}.${service}`,
        vpcEndpointType: "Gateway",
        routeTableIds: [...props.routeTableIds],
        tags: { Name: `${props.namePrefix}-${service}` },
      }).id;
    this.s3EndpointId = endpoint("S3", "s3");
    this.dynamodbEndpointId = endpoint("DynamoDb", "dynamodb");
  }
}
