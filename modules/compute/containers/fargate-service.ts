import { EcsService } from "@cdktf/provider-aws/lib/ecs-service";
import { EcsTaskDefinition } from "@cdktf/provider-aws/lib/ecs-task-definition";
import { ServiceDiscoveryService } from "@cdktf/provider-aws/lib/service-discovery-service";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { FARGATE_CPUS, fargateMemories, fargateMemoryRule } from "../../../lib/fargate-sizes";
import { grantSecretRead } from "../../iam/grants";
import type { PolicyStatement } from "../../iam/policy-document";
import { ServiceRole } from "../../iam/service-role";
import { LogGroup } from "../../logs/log-group";
import { accepted, between, check, oneOf, validateProps } from "../../validate";
import { type ContainerSecret, containerDefinition } from "./container-definition";
import { execStatements } from "./exec-permissions";

/** What the service's container runs. */
export interface FargateContainerProps {
  /** Container name (also the log stream prefix and the discovery record name). */
  readonly name: string;
  readonly image: string;
  /** Fargate CPU units and memory (MiB): one of the pairs Fargate offers. */
  readonly cpu: number;
  readonly memoryMib: number;
  /** @default "X86_64" */
  readonly architecture?: "X86_64" | "ARM64";
  /** @default none */
  readonly port?: number;
  /** @default no container health check */
  readonly healthCheckPath?: string;
  /** @default none */
  readonly environment?: Readonly<Record<string, string>>;
  /** @default none */
  readonly secrets?: readonly ContainerSecret[];
}

/** Props of a Fargate service. */
export interface FargateServiceProps {
  readonly serviceName: string;
  readonly family: string;
  readonly clusterArn: string;
  readonly container: FargateContainerProps;
  readonly region: string;
  readonly accountId: string;
  readonly partition: string;
  /** Private subnets the tasks run in (no public address). */
  readonly subnetIds: readonly string[];
  /** The workload's security group (network layer). */
  readonly securityGroupId: string;
  /** Secrets the container reads, by ARN, and the key encrypting them. @default none */
  readonly secretArns?: readonly string[];
  readonly secretsKmsKeyArn?: string;
  readonly log: { readonly groupName: string; readonly retentionDays: number; readonly kmsKeyArn: string; readonly protect: boolean };
  readonly taskRoleName: string;
  readonly executionRoleName: string;
  readonly desiredCount: number;
  /** @default 200 */
  readonly maximumPercent?: number;
  /** @default 100 */
  readonly minimumHealthyPercent?: number;
  /** An autoscaler owns `desired_count` after creation. @default false */
  readonly autoscaled?: boolean;
  /** Target group the container's port registers in, and what must exist first (its listener). @default none */
  readonly loadBalancer?: { readonly targetGroupArn: string; readonly gracePeriodSeconds: number; readonly dependsOn: readonly ITerraformDependable[] };
  /** Cloud Map namespace the container registers an A record in. @default none */
  readonly discoveryNamespaceId?: string;
  /** ECS Exec: the session log group the task role writes to. @default exec off */
  readonly execLogGroupArn?: string;
}

const MANAGED_EXECUTION_POLICY = "service-role/AmazonECSTaskExecutionRolePolicy";

/**
 * A Fargate service with its task definition, task and execution roles and
 * log group, after terraform-aws-ecs's service module: rolling deployments
 * with the circuit breaker rolling back a deployment that never gets
 * healthy, tasks in private subnets without public addresses, the
 * workload's security group only. The execution role pulls images and
 * writes logs (AWS's managed policy) and reads exactly the task's secrets;
 * the task role writes its own log group and CloudWatch metrics.
 */
export class FargateService extends Construct {
  readonly serviceName: string;
  readonly taskRoleArn: string;
  readonly executionRoleArn: string;
  readonly taskDefinitionArn: string;
  readonly logGroupArn: string;

  constructor(scope: Construct, id: string, props: FargateServiceProps) {
    super(scope, id);
    const c = props.container;
    validateProps(this, [
      check("container.cpu", c.cpu, oneOf(FARGATE_CPUS, "Fargate CPU units")),
      check("container.memoryMib", c.memoryMib, accepted(c.memoryMib, (m) => (FARGATE_CPUS.includes(c.cpu) && !fargateMemories(c.cpu).includes(m) ? `must be ${fargateMemoryRule(c.cpu)} with ${c.cpu} CPU units (Fargate task sizes)` : undefined))),
      check("desiredCount", props.desiredCount, between(0, 5000, "tasks per service")),
      check("maximumPercent", props.maximumPercent, between(100, 200, "percent of desired tasks during a deployment")),
      check("minimumHealthyPercent", props.minimumHealthyPercent, between(0, 100, "percent of desired tasks during a deployment")),
      check("container.healthCheckPath", c.healthCheckPath, accepted(c.healthCheckPath, () => (c.port === undefined ? "needs container.port" : undefined))),
    ]);
    const log = new LogGroup(this, "Logs", { name: props.log.groupName, retentionDays: props.log.retentionDays, kmsKeyArn: props.log.kmsKeyArn, deletionProtection: props.log.protect }).logGroup;
    const secretArns = [...new Set(props.secretArns ?? [])];
    const execution = new ServiceRole(this, "ExecutionRole", {
      name: props.executionRoleName,
      description: `ECS pulls the image, writes logs and reads the secrets of ${props.serviceName}`,
      service: "ecs-tasks.amazonaws.com",
      sourceAccountId: props.accountId,
      managedPolicyArns: { TaskExecution: `arn:${props.partition}:iam::aws:policy/${MANAGED_EXECUTION_POLICY}` },
      inlinePolicy: secretArns.length === 0 ? undefined : {
        name: "read-secrets",
        statements: mergeKeyStatements(secretArns.flatMap((secretArn) => grantSecretRead({ secretArn, region: props.region, kmsKeyArn: props.secretsKmsKeyArn }))),
      },
    });
    const task = new ServiceRole(this, "TaskRole", {
      name: props.taskRoleName,
      description: `What the containers of ${props.serviceName} may call`,
      service: "ecs-tasks.amazonaws.com",
      sourceAccountId: props.accountId,
      inlinePolicy: {
        name: "task",
        statements: [
          { Sid: "WriteOwnLogs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${log.arn}:*` },
          // PutMetricData has no resource type: "*" is the only resource IAM accepts for it.
          { Sid: "PutMetrics", Effect: "Allow", Action: "cloudwatch:PutMetricData", Resource: "*" },
          ...(props.execLogGroupArn ? execStatements(props.execLogGroupArn) : []),
        ],
      },
    });
    const taskDefinition = new EcsTaskDefinition(this, "TaskDefinition", {
      family: props.family,
      requiresCompatibilities: ["FARGATE"],
      networkMode: "awsvpc",
      cpu: String(c.cpu),
      memory: String(c.memoryMib),
      runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: c.architecture ?? "X86_64" },
      executionRoleArn: execution.roleArn,
      taskRoleArn: task.roleArn,
      containerDefinitions: JSON.stringify([containerDefinition({
        name: c.name, image: c.image, port: c.port, healthCheckPath: c.healthCheckPath,
        environment: c.environment ?? {}, secrets: c.secrets ?? [], logGroupName: log.name, region: props.region,
      })]),
      dependsOn: [...execution.withPermissions],
    });
    const registry = props.discoveryNamespaceId ? new ServiceDiscoveryService(this, "Discovery", {
      name: c.name,
      dnsConfig: { namespaceId: props.discoveryNamespaceId, routingPolicy: "MULTIVALUE", dnsRecords: [{ type: "A", ttl: 10 }] },
      healthCheckCustomConfig: { failureThreshold: 1 },
    }) : undefined;
    const lb = props.loadBalancer;
    const service = new EcsService(this, "Service", {
      name: props.serviceName,
      cluster: props.clusterArn,
      taskDefinition: taskDefinition.arn,
      desiredCount: props.desiredCount,
      launchType: "FARGATE",
      platformVersion: "LATEST",
      networkConfiguration: { subnets: [...props.subnetIds], securityGroups: [props.securityGroupId], assignPublicIp: false },
      deploymentController: { type: "ECS" },
      deploymentMaximumPercent: props.maximumPercent ?? 200,
      deploymentMinimumHealthyPercent: props.minimumHealthyPercent ?? 100,
      deploymentCircuitBreaker: { enable: true, rollback: true },
      loadBalancer: lb ? [{ targetGroupArn: lb.targetGroupArn, containerName: c.name, containerPort: c.port! }] : undefined,
      healthCheckGracePeriodSeconds: lb?.gracePeriodSeconds,
      serviceRegistries: registry ? { registryArn: registry.arn } : undefined,
      enableExecuteCommand: props.execLogGroupArn !== undefined,
      enableEcsManagedTags: true,
      propagateTags: "SERVICE",
      dependsOn: [...(lb?.dependsOn ?? []), ...task.withPermissions],
      // The autoscaler owns the running count once the service exists (terraform-aws-ecs's ignore_task_definition_changes does the same for desired_count).
      lifecycle: props.autoscaled ? { ignoreChanges: ["desired_count"] } : undefined,
    });
    this.serviceName = service.name;
    this.taskRoleArn = task.roleArn;
    this.executionRoleArn = execution.roleArn;
    this.taskDefinitionArn = taskDefinition.arn;
    this.logGroupArn = log.arn;
  }
}

/** One KMS statement for all the secrets (they share the data key) instead of one per secret. */
function mergeKeyStatements(statements: readonly PolicyStatement[]): PolicyStatement[] {
  const reads = statements.filter((s) => !String(s.Action).startsWith("kms:") && !(Array.isArray(s.Action) && s.Action[0].startsWith("kms:")));
  const keys = statements.filter((s) => !reads.includes(s));
  const readActions = reads[0]?.Action;
  return [
    ...(reads.length > 0 ? [{ Sid: "ReadSecrets", Effect: "Allow" as const, Action: readActions!, Resource: reads.map((s) => s.Resource as string) }] : []),
    ...(keys.length > 0 ? [{ ...keys[0], Sid: "DecryptSecrets" }] : []),
  ];
}
