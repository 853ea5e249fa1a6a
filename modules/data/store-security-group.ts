import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Construct } from "constructs";

/** Props of a data store's security group. */
export interface StoreSecurityGroupProps {
  readonly name: string;
  readonly description: string;
  readonly vpcId: string;
  readonly port: number;
  /** Workload security groups admitted on `port`, by workload name. */
  readonly consumers: Readonly<Record<string, string>>;
}

/**
 * Security group of a data store: TCP on the store's port from the consuming
 * workloads' groups only, and no egress (stores answer, they never call out).
 */
export class StoreSecurityGroup extends Construct {
  readonly securityGroupId: string;

  constructor(scope: Construct, id: string, props: StoreSecurityGroupProps) {
    super(scope, id);
    const group = new SecurityGroup(this, "Group", {
      name: props.name,
      description: props.description,
      vpcId: props.vpcId,
      tags: { Name: props.name },
    });
    for (const [workload, groupId] of Object.entries(props.consumers)) {
      new VpcSecurityGroupIngressRule(this, `From${workload.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase())}`, {
        securityGroupId: group.id,
        description: `${workload} to ${props.name} on ${props.port}`,
        ipProtocol: "tcp",
        fromPort: props.port,
        toPort: props.port,
        referencedSecurityGroupId: groupId,
      });
    }
    this.securityGroupId = group.id;
  }
}
