import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Construct } from "constructs";
import type { WorkloadSettings } from "../../config/layers/network";
import { pascalCase } from "../../lib/naming";
import { check, validateProps } from "../validate";
import { ec2TagValue, port, securityGroupLifecycle, securityGroupName } from "./rules";

/** Props of the workload security groups. */
export interface WorkloadSecurityGroupsProps {
  readonly vpcId: string;
  readonly namePrefix: string;
  readonly workloads: readonly WorkloadSettings[];
}

/**
 * One security group per workload, with the ingress workloads grant each
 * other. Owned by the network layer so data stores (which admit workloads)
 * and compute (which runs them) depend on network, never on each other.
 * Egress is open, as the seeds specify ("Outbound: all traffic allowed"):
 * workloads call third-party APIs through the NAT gateways. A workload's
 * description from config is its `description` tag: the group's own
 * description is the same for every workload, so editing the text never
 * replaces a group ({@link securityGroupLifecycle}).
 */
export class WorkloadSecurityGroups extends Construct {
  /** Group ids by workload name. */
  readonly groupIds: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: WorkloadSecurityGroupsProps) {
    super(scope, id);
    validateProps(this, props.workloads.flatMap((w, i) => [
      check(`workloads[${i}].name`, `${props.namePrefix}-${w.name}`, securityGroupName),
      check(`workloads[${i}].description`, w.description, ec2TagValue),
      ...w.ingressFrom.map((from, j) => check(`workloads[${i}].ingressFrom[${j}].port`, from.port, port)),
      ...w.ingressFrom.map((from, j) => check(`workloads[${i}].ingressFrom[${j}].workload`, from.workload, {
        when: (other) => !props.workloads.some((o) => o.name === other),
        allowed: `must name one of the workloads: ${props.workloads.map((o) => o.name).join(", ")}`,
      })),
    ]));
    const groupIds: Record<string, string> = {};
    for (const workload of props.workloads) {
      const constructId = pascalCase(workload.name);
      const group = new SecurityGroup(this, constructId, {
        name: `${props.namePrefix}-${workload.name}`,
        description: "Workload: ingress only from other workload groups, all egress",
        vpcId: props.vpcId,
        tags: { Name: `${props.namePrefix}-${workload.name}`, workload: workload.name, description: workload.description },
        lifecycle: securityGroupLifecycle,
      });
      new VpcSecurityGroupEgressRule(this, `${constructId}AllEgress`, {
        securityGroupId: group.id,
        description: "All outbound traffic (seed: all traffic allowed)",
        ipProtocol: "-1",
        cidrIpv4: "0.0.0.0/0",
      });
      groupIds[workload.name] = group.id;
    }
    for (const workload of props.workloads) {
      for (const from of workload.ingressFrom) {
        new VpcSecurityGroupIngressRule(this, `${pascalCase(workload.name)}From${pascalCase(from.workload)}${from.port}`, {
          securityGroupId: groupIds[workload.name],
          description: `${from.workload} to ${workload.name} on ${from.port}`,
          ipProtocol: "tcp",
          fromPort: from.port,
          toPort: from.port,
          referencedSecurityGroupId: groupIds[from.workload],
        });
      }
    }
    this.groupIds = groupIds;
  }
}
