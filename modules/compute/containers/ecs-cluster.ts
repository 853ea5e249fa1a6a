import { EcsCluster as AwsEcsCluster } from "@cdktf/provider-aws/lib/ecs-cluster";
import { EcsClusterCapacityProviders } from "@cdktf/provider-aws/lib/ecs-cluster-capacity-providers";
import { Construct } from "constructs";
import { LogGroup } from "../../logs/log-group";
import { check, matches, validateProps } from "../../validate";

/** Props of an ECS cluster for Fargate. */
export interface EcsClusterProps {
  readonly name: string;
  /** @default "enabled" */
  readonly containerInsights?: "enabled" | "enhanced";
  /**
   * ECS Exec session logging: the group sessions are written to (created
   * here, encrypted with `logsKmsKeyArn`). @default none: exec not configured
   */
  readonly executeCommandLog?: { readonly logGroupName: string; readonly retentionDays: number; readonly logsKmsKeyArn: string; readonly protect: boolean };
}

/**
 * A cluster offering FARGATE and FARGATE_SPOT with a default strategy of
 * 100% FARGATE (a service opts into Spot explicitly), Container Insights on,
 * and, with exec, every session logged to an encrypted log group
 * (`logging = OVERRIDE`) rather than the task's own awslogs configuration.
 */
export class EcsCluster extends Construct {
  readonly name: string;
  readonly arn: string;
  /** ARN of the exec session log group; undefined without exec. */
  readonly execLogGroupArn?: string;

  constructor(scope: Construct, id: string, props: EcsClusterProps) {
    super(scope, id);
    validateProps(this, [check("name", props.name, matches(/^[A-Za-z0-9_-]{1,255}$/, "must be 1-255 letters, digits, hyphens and underscores (ECS cluster names)"))]);
    const exec = props.executeCommandLog;
    const execLogs = exec && new LogGroup(this, "ExecLogs", {
      name: exec.logGroupName, retentionDays: exec.retentionDays, kmsKeyArn: exec.logsKmsKeyArn, deletionProtection: exec.protect,
    }).logGroup;
    const cluster = new AwsEcsCluster(this, "Cluster", {
      name: props.name,
      setting: [{ name: "containerInsights", value: props.containerInsights ?? "enabled" }],
      configuration: execLogs ? {
        executeCommandConfiguration: {
          logging: "OVERRIDE",
          logConfiguration: { cloudWatchLogGroupName: execLogs.name, cloudWatchEncryptionEnabled: true },
        },
      } : undefined,
    });
    new EcsClusterCapacityProviders(this, "CapacityProviders", {
      clusterName: cluster.name,
      capacityProviders: ["FARGATE", "FARGATE_SPOT"],
      defaultCapacityProviderStrategy: [{ capacityProvider: "FARGATE", weight: 100, base: 0 }],
    });
    this.name = cluster.name;
    this.arn = cluster.arn;
    this.execLogGroupArn = execLogs?.arn;
  }
}
