import { TerraformOutput } from "cdktf";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
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
import { LayerStack, LayerStackProps } from "./layer-stack";

/** What later layers consume from the network layer (cdktf cross-stack references). */
export interface NetworkOutputs {
  readonly vpcId: string;
  readonly vpcCidr: string;
  /** Availability zones, in the order of every subnet list below. */
  readonly azs: readonly string[];
  readonly publicSubnetIds: readonly string[];
  readonly computeSubnetIds: readonly string[];
  readonly dataSubnetIds: readonly string[];
  /** Security group of the interface endpoints; undefined when the deployment has none. */
  readonly endpointSecurityGroupId: string | undefined;
  /** Key for CloudWatch log groups of every layer of the deployment. */
  readonly logsKmsKeyArn: string;
  /** Security group of each workload (config `network.workloads`), by name. */
  readonly workloadSecurityGroupIds: Readonly<Record<string, string>>;
}

/**
 * Network layer: VPC, three subnet tiers with CIDRs computed from the VPC
 * range, NAT by preset, an isolated data tier, gateway and interface
 * endpoints, and flow logs.
 */
export class NetworkStack extends LayerStack {
  readonly outputs: NetworkOutputs;

  constructor(scope: Construct, props: LayerStackProps) {
    super(scope, "network", props);
    const d = this.deployment;
    const name = (purpose: string) => resourceName(d, purpose);
    const identity = new DataAwsCallerIdentity(this, "Caller");
    const partition = new DataAwsPartition(this, "Partition");
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
      accountId: identity.accountId,
      partition: partition.partition,
      preventDestroy: d.deletionProtection,
      grants: [serviceKeyUse({
        sid: "CloudWatchLogsUse",
        service: `logs.${d.region}.amazonaws.com`,
        encryptionContext: { key: "aws:logs:arn", arnLike: `arn:${partition.partition}:logs:${d.region}:${identity.accountId}:log-group:*` },
      })],
    });
    new FlowLogs(this, "FlowLogs", {
      vpcId: vpc.vpcId, name: name("flow-logs"), retentionDays: d.logRetentionDays,
      kmsKeyArn: logsKey.arn, accountId: identity.accountId,
    });

    this.outputs = {
      vpcId: vpc.vpcId,
      vpcCidr: d.network.cidr,
      azs: d.network.azs,
      publicSubnetIds: publicTier.subnetIds,
      computeSubnetIds: computeTier.subnetIds,
      dataSubnetIds: dataTier.subnetIds,
      endpointSecurityGroupId: interfaceEndpoints?.securityGroupId,
      logsKmsKeyArn: logsKey.arn,
      workloadSecurityGroupIds: workloads.groupIds,
    };
    new TerraformOutput(this, "vpc_id", { value: vpc.vpcId, description: "VPC id" });
    new TerraformOutput(this, "public_subnet_ids", { value: publicTier.subnetIds, description: "Public subnets, AZ order" });
    new TerraformOutput(this, "compute_subnet_ids", { value: computeTier.subnetIds, description: "Private compute subnets, AZ order" });
    new TerraformOutput(this, "data_subnet_ids", { value: dataTier.subnetIds, description: "Isolated data subnets, AZ order" });
    new TerraformOutput(this, "nat_gateway_ids", { value: nat.natGatewayIds, description: "NAT gateways (empty when NAT is none)" });
  }
}
