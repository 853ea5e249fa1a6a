import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Construct } from "constructs";
import { pascalCase } from "../../lib/naming";
import { securityGroupLifecycle } from "./rules";

/** Props of the interface endpoints. */
export interface InterfaceEndpointsProps {
  readonly vpcId: string;
  /** Clients allowed to reach the endpoints on 443. */
  readonly vpcCidr: string;
  readonly region: string;
  /** One subnet per AZ the endpoints get a network interface in. */
  readonly subnetIds: readonly string[];
  /** Service short names, e.g. `secretsmanager`, `ecr.dkr`. */
  readonly services: readonly string[];
  readonly namePrefix: string;
}

/**
 * Interface endpoints with private DNS, so SDKs resolve the normal service
 * host names to addresses inside the VPC, behind their own security group
 * that admits HTTPS from the VPC only and allows no egress.
 */
export class InterfaceEndpoints extends Construct {
  readonly securityGroupId: string;
  /** Endpoint ids by service name. */
  readonly endpointIds: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: InterfaceEndpointsProps) {
    super(scope, id);
    const group = new SecurityGroup(this, "SecurityGroup", {
      name: `${props.namePrefix}-sg`,
      description: "AWS API interface endpoints: HTTPS from inside the VPC",
      vpcId: props.vpcId,
      tags: { Name: `${props.namePrefix}-sg` },
      lifecycle: securityGroupLifecycle,
    });
    new VpcSecurityGroupIngressRule(this, "HttpsFromVpc", {
      securityGroupId: group.id,
      description: "HTTPS from workloads in the VPC",
      ipProtocol: "tcp",
      fromPort: 443,
      toPort: 443,
      cidrIpv4: props.vpcCidr,
    });
    const endpointIds: Record<string, string> = {};
    for (const service of props.services) {
      endpointIds[service] = new VpcEndpoint(this, pascalCase(service), {
        vpcId: props.vpcId,
        serviceName: `com.amazonaws.${props.region}.${service}`,
        vpcEndpointType: "Interface",
        privateDnsEnabled: true,
        subnetIds: [...props.subnetIds],
        securityGroupIds: [group.id],
        tags: { Name: `${props.namePrefix}-${service}` },
      }).id;
    }
    this.securityGroupId = group.id;
    this.endpointIds = endpointIds;
  }
}
