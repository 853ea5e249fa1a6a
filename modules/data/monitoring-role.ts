import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Construct } from "constructs";
import { serviceTrustPolicy } from "../iam/policy-document";

/** Props of the enhanced-monitoring role. */
export interface MonitoringRoleProps {
  readonly name: string;
  readonly accountId: string;
  readonly partition: string;
}

/**
 * Role RDS Enhanced Monitoring assumes to publish OS metrics, with AWS's
 * managed policy for exactly that (CloudWatch Logs `RDSOSMetrics` only).
 */
export class MonitoringRole extends Construct {
  readonly roleArn: string;

  constructor(scope: Construct, id: string, props: MonitoringRoleProps) {
    super(scope, id);
    const role = new IamRole(this, "Role", {
      name: props.name,
      description: "RDS enhanced monitoring publishes OS metrics",
      assumeRolePolicy: serviceTrustPolicy("monitoring.rds.amazonaws.com", props.accountId),
    });
    new IamRolePolicyAttachment(this, "Policy", {
      role: role.name,
      policyArn: `arn:${props.partition}:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole`,
    });
    this.roleArn = role.arn;
  }
}
