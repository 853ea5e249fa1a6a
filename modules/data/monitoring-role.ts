import { Construct } from "constructs";
import { ServiceRole } from "../iam/service-role";

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
export class MonitoringRole extends ServiceRole {
  constructor(scope: Construct, id: string, props: MonitoringRoleProps) {
    super(scope, id, {
      name: props.name,
      description: "RDS enhanced monitoring publishes OS metrics",
      service: "monitoring.rds.amazonaws.com",
      sourceAccountId: props.accountId,
      // "Policy" is the attachment's construct id from before ServiceRole: part of its Terraform address.
      managedPolicyArns: { Policy: `arn:${props.partition}:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole` },
    });
  }
}
