import { Construct } from "constructs";
import { parseCidr } from "../lib/cidr";
import { resourceName } from "../lib/naming";
import { planSubnets } from "../lib/subnet-plan";
import { serviceKeyUse } from "../modules/kms/key-grants";
import { KmsKey } from "../modules/kms/kms-key";
import { FlowLogs } from "../modules/network/flow-logs";
import { GatewayEndpoints } from "../modules/network/gateway-endpoints";
import { InterfaceEndpoints } from "../modules/network/interface-endpoints";
import { NatGateways } from "../modules/network/nat-gateways";
import { SubnetRouting } from "../modules/network/subnet-routing";
import { SubnetTier } from "../modules/network/subnet-tier";
import { Vpc } from "../modules/network/vpc";
import { WorkloadSecurityGroups } from "../modules/network/workload-security-groups";
import { defineContract, publish } from "./contracts";
import { LayerStack, LayerStackProps } from "./layer-stack";

/** What the network layer publishes for later layers. */
export const NETWORK = defineContract("network", {
  vpc_id: { kind: "string", description: "VPC id" },
  vpc_cidr: { kind: "string", description: "VPC IPv4 range" },
  azs: { kind: "list", description: "Availability zones, in the order of every subnet list" },
  public_subnet_ids: { kind: "list", description: "Public subnets, AZ order" },
  compute_subnet_ids: { kind: "list", description: "Private compute subnets, AZ order" },
  data_subnet_ids: { kind: "list", description: "Isolated data subnets, AZ order" },
  nat_gateway_ids: { kind: "list", description: "NAT gateways (empty when NAT is none)" },
  endpoint_security_group_id: { kind: "string", description: "Security group of the interface endpoints (empty when there are none)" },
  logs_kms_key_arn: { kind: "string", description: "Key for CloudWatch log groups of every layer of the deployment" },
  workload_security_group_ids: { kind: "map", description: "Security group of each workload (config network.workloads), by name" },
});

/**
 * Network layer: VPC, three subnet tiers with CIDRs computed from the VPC
 * range, NAT by preset, an isolated data tier, gateway and interface
 * endpoints, and flow logs.
 */
export class NetworkStack extends LayerStack {
  constructor(scope: Construct, props: LayerStackProps) {
    super(scope, "network", props);
    const d = this.deployment;
    const name = (purpose: string) => resourceName(d, purpose);
    const vpcCidr = parseCidr(d.network.cidr);
    // Config validation guarantees this; a deployment built by hand gets a clear message, not a TypeError.
    if (!vpcCidr) throw new Error(`${d.name}: network.cidr ${JSON.stringify(d.network.cidr)} is not an IPv4 CIDR block`);
    const plan = planSubnets(vpcCidr, d.network.azs.length);

    const vpc = new Vpc(this, "Vpc", { name: name("vpc"), cidr: d.network.cidr });
    const tier = (id: string, tierName: "public" | "compute" | "data") =>
      new SubnetTier(this, id, { vpcId: vpc.vpcId, namePrefix: name(tierName), tier: tierName, cidrs: plan[tierName], azs: d.network.azs });
    const publicTier = tier("PublicSubnets", "public");
    const computeTier = tier("ComputeSubnets", "compute");
    const dataTier = tier("DataSubnets", "data");

    const nat = new NatGateways(this, "Nat", { mode: d.network.nat, publicSubnetIds: publicTier.subnetIds, namePrefix: name("nat") });
    new SubnetRouting(this, "PublicRouting", {
      vpcId: vpc.vpcId, namePrefix: name("public"), subnetIds: publicTier.subnetIds, tablePerSubnet: false,
      defaultRoute: { kind: "internetGateway", gatewayId: vpc.internetGatewayId },
    });
    const computeRouting = new SubnetRouting(this, "ComputeRouting", {
      vpcId: vpc.vpcId, namePrefix: name("compute"), subnetIds: computeTier.subnetIds, tablePerSubnet: true,
      defaultRoute: { kind: "natGateways", natGatewayIds: nat.natGatewayIds },
    });
    const dataRouting = new SubnetRouting(this, "DataRouting", {
      vpcId: vpc.vpcId, namePrefix: name("data"), subnetIds: dataTier.subnetIds, tablePerSubnet: false,
      defaultRoute: { kind: "none" },
    });
    new GatewayEndpoints(this, "GatewayEndpoints", {
      vpcId: vpc.vpcId, region: d.region, namePrefix: name("endpoint"),
      routeTableIds: [...computeRouting.routeTableIds, ...dataRouting.routeTableIds],
    });
    const interfaceEndpoints = d.network.interfaceEndpoints.length === 0 ? undefined
      : new InterfaceEndpoints(this, "InterfaceEndpoints", {
        vpcId: vpc.vpcId, vpcCidr: d.network.cidr, region: d.region, subnetIds: computeTier.subnetIds,
        services: d.network.interfaceEndpoints, namePrefix: name("endpoint"),
      });

    const workloads = new WorkloadSecurityGroups(this, "Workloads", {
      vpcId: vpc.vpcId, namePrefix: d.name, workloads: d.network.workloads,
    });

    const logsKey = new KmsKey(this, "LogsKey", {
      alias: name("logs"),
      description: `Encrypts CloudWatch log groups of ${d.name}`,
      accountId: this.accountId,
      partition: this.partition,
      preventDestroy: d.deletionProtection,
      grants: [serviceKeyUse({
        sid: "CloudWatchLogsUse",
        service: `logs.${d.region}.amazonaws.com`,
        encryptionContext: { key: "aws:logs:arn", arnLike: `arn:${this.partition}:logs:${d.region}:${this.accountId}:log-group:*` },
      })],
    });
    new FlowLogs(this, "FlowLogs", {
      vpcId: vpc.vpcId, name: name("flow-logs"), retentionDays: d.logRetentionDays,
      kmsKeyArn: logsKey.arn, accountId: this.accountId, deletionProtection: d.deletionProtection,
    });

    publish(this, NETWORK, {
      vpc_id: vpc.vpcId,
      vpc_cidr: d.network.cidr,
      azs: d.network.azs,
      public_subnet_ids: publicTier.subnetIds,
      compute_subnet_ids: computeTier.subnetIds,
      data_subnet_ids: dataTier.subnetIds,
      nat_gateway_ids: nat.natGatewayIds,
      endpoint_security_group_id: interfaceEndpoints?.securityGroupId ?? "",
      logs_kms_key_arn: logsKey.arn,
      workload_security_group_ids: workloads.groupIds,
    });
  }
}
