import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Construct } from "constructs";
import { storeNames } from "../../lib/store-names";
import { pascalCase } from "../../lib/naming";
import { port, securityGroupDescription, securityGroupLifecycle, securityGroupName } from "../network/rules";
import { check, validateProps } from "../validate";
import type { StorePlacement } from "./placement";

/** Props of a data store's security group. */
export interface StoreSecurityGroupProps {
  /** The store's identifier; the group is named `<identifier>-sg`. */
  readonly identifier: string;
  /** What the store is, for the description, e.g. `Aurora PostgreSQL`; fixed for the store's lifetime. */
  readonly kind: string;
  /** TCP port admitted; tagged `port` on the group, never part of its description. */
  readonly port: number;
  /** VPC and the consuming workloads' groups. */
  readonly placement: StorePlacement;
}

/**
 * Security group of a data store: TCP on the store's port from the consuming
 * workloads' groups only, and no egress (stores answer, they never call out).
 * Its description depends on the kind of store only, so a new port changes
 * the rules and the `port` tag, never the group ({@link securityGroupLifecycle}).
 */
export class StoreSecurityGroup extends Construct {
  readonly securityGroupId: string;

  constructor(scope: Construct, id: string, props: StoreSecurityGroupProps) {
    super(scope, id);
    const name = storeNames(props.identifier).securityGroup;
    const description = `${props.kind} data store: its consuming workloads only, no egress`;
    validateProps(this, [
      check("port", props.port, port),
      // Both derive from the props; checked as built, since that is what EC2 receives.
      check("name", name, securityGroupName),
      check("description", description, securityGroupDescription),
    ]);
    const group = new SecurityGroup(this, "Group", {
      name,
      description,
      vpcId: props.placement.vpcId,
      tags: { Name: name, port: String(props.port) },
      lifecycle: securityGroupLifecycle,
    });
    for (const [workload, groupId] of Object.entries(props.placement.consumers)) {
      new VpcSecurityGroupIngressRule(this, `From${pascalCase(workload)}`, {
        securityGroupId: group.id,
        description: `${workload} to ${name} on ${props.port}`,
        ipProtocol: "tcp",
        fromPort: props.port,
        toPort: props.port,
        referencedSecurityGroupId: groupId,
      });
    }
    this.securityGroupId = group.id;
  }
}
