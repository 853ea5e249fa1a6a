import { z } from "zod";
import { amazonMqInstanceTypeProblem, type Architecture, brokerInstanceType, brokerInstanceTypeProblem } from "../../lib/instance-types";
import type { LayerContext } from "../context";
import { enumOf, intBetween, secretName, workloadName } from "../fields";

/**
 * CloudWatch namespace of the per-queue metrics the EC2 broker's host
 * publishes (dimensions `Broker` and `Queue`; docs/messaging.md).
 */
export const BROKER_METRICS_NAMESPACE = "Platform/RabbitMQ";

/** Where RabbitMQ runs: self-hosted on EC2 (seed 001) or Amazon MQ, for teams that prefer a managed broker. */
export const BROKER_KINDS = ["ec2", "amazon-mq"] as const;
export type BrokerKind = (typeof BROKER_KINDS)[number];

/** RabbitMQ series the broker runs (both kinds). */
export const BROKER_VERSIONS = ["4.2"] as const;

/** What Amazon MQ accepts for a user name (2-100 of letters, digits and - _ . ~), never RabbitMQ's default `guest`. */
const rabbitUsername = z.string().regex(/^(?!guest$)[A-Za-z0-9_.~-]{2,100}$/, {
  error: "must be 2-100 letters, digits and - _ . ~, and not guest (RabbitMQ's default user, which the host removes)",
});

/** The `messaging.broker` section: one RabbitMQ broker for the deployment. */
export const brokerSchema = z.strictObject({
  /** Self-hosted on EC2 or Amazon MQ; both publish the same contract outputs. @default "ec2" */
  kind: enumOf(BROKER_KINDS).default("ec2"),
  /** RabbitMQ series. @default "4.2" (quorum queues are the default queue type) */
  version: enumOf(BROKER_VERSIONS).default("4.2"),
  /**
   * The network workload whose security group the broker uses: its ingress
   * rules (network.workloads) say who reaches 5671 and 15692. @default "broker"
   */
  workload: workloadName.default("broker"),
  /**
   * Instance type; vertical scaling is changing it (seed 001).
   * @default "t4g.small" for ec2 (Graviton, 2 GiB), "mq.m7g.large" for amazon-mq (AWS's smallest production size)
   */
  instanceType: z.string().optional(),
  /** Size of the volume holding /var/lib/rabbitmq (ec2 only). @default 20 */
  dataVolumeGib: intBetween(8, 16384, "GiB").optional(),
  /** Administrator (management tag), for operators. @default "admin" */
  adminUsername: rabbitUsername.default("admin"),
  /** The user producers and consumers connect as. @default the system name */
  appUsername: rabbitUsername.optional(),
  /** @default `<system>/<env>/rabbitmq-admin` */
  adminSecretName: secretName.optional(),
  /** @default `<system>/<env>/rabbitmq-app` */
  appSecretName: secretName.optional(),
});

/** What both kinds of broker resolve. */
interface BrokerCommon {
  /** `<deployment>-broker`: the broker's name in AWS and the `Broker` metric dimension. */
  readonly name: string;
  readonly version: (typeof BROKER_VERSIONS)[number];
  readonly workload: string;
  readonly instanceType: string;
  readonly adminUsername: string;
  readonly appUsername: string;
  readonly adminSecretName: string;
  readonly appSecretName: string;
  /** Staging and prod: `prevent_destroy`, 30-day secret recovery, data kept when a host goes. */
  readonly protect: boolean;
}

/** A self-hosted broker: one host in an Auto Scaling group. */
export interface Ec2BrokerSettings extends BrokerCommon {
  readonly kind: "ec2";
  readonly architecture: Architecture;
  readonly dataVolumeGib: number;
  /** Secret holding the broker's TLS certificate and key. */
  readonly tlsSecretName: string;
  /** Private hosted zone `<deployment>.internal` and the broker's record in it. */
  readonly zoneName: string;
  readonly recordName: string;
  /** Name of the host's role and instance profile. */
  readonly hostRoleName: string;
  readonly logGroupName: string;
  readonly logRetentionDays: number;
  readonly metricsNamespace: string;
}

/** An Amazon MQ for RabbitMQ broker. */
export interface AmazonMqBrokerSettings extends BrokerCommon {
  readonly kind: "amazon-mq";
  /** Three nodes over the AZs where the deployment is Multi-AZ, one otherwise. */
  readonly deploymentMode: "SINGLE_INSTANCE" | "CLUSTER_MULTI_AZ";
}

export type BrokerSettings = Ec2BrokerSettings | AmazonMqBrokerSettings;

/** Defaults per kind. */
const DEFAULT_INSTANCE_TYPE: Readonly<Record<BrokerKind, string>> = { ec2: "t4g.small", "amazon-mq": "mq.m7g.large" };
const DEFAULT_DATA_VOLUME_GIB = 20;

/**
 * Resolves `messaging.broker`: defaults per kind, the instance type checked
 * against what RabbitMQ (ec2) or Amazon MQ (4.2 on mq.m7g only) can run,
 * the workload it attaches to, and every AWS name it creates. Its secrets
 * (and the host's volumes) use the data key, so the data layer is required.
 */
export function resolveBroker(b: z.output<typeof brokerSchema>, ctx: LayerContext): BrokerSettings {
  const d = ctx.deployment;
  const field = (key: string) => `messaging.broker.${key}`;
  const name = `${d.name}-broker`;
  ctx.use("workload", b.workload, field("workload"));
  if (!(["store", "table", "bucket"] as const).some((kind) => ctx.idsOf(kind).length > 0)) {
    ctx.problem(field("kind"), b.kind, "needs the data layer: its key encrypts the broker's secrets and volumes (declare the deployment's data stores first)");
  }
  const instanceType = b.instanceType ?? DEFAULT_INSTANCE_TYPE[b.kind];
  const secret = (key: "adminSecretName" | "appSecretName" | "tlsSecretName", suffix: string) => {
    const explicit = key === "tlsSecretName" ? undefined : b[key];
    return ctx.name("secret", explicit ?? `${d.system}/${d.stage}/${suffix}`, explicit ? field(key) : "name", explicit ?? d.name);
  };
  const common: BrokerCommon = {
    name, version: b.version, workload: b.workload, instanceType,
    adminUsername: b.adminUsername, appUsername: b.appUsername ?? d.system,
    adminSecretName: secret("adminSecretName", "rabbitmq-admin"), appSecretName: secret("appSecretName", "rabbitmq-app"),
    protect: d.deletionProtection,
  };
  if (common.adminUsername === common.appUsername) ctx.problem(field("appUsername"), common.appUsername, "must differ from adminUsername (the application must not hold administrator rights)");

  if (b.kind === "amazon-mq") {
    const problem = amazonMqInstanceTypeProblem(instanceType);
    if (problem) ctx.problem(field("instanceType"), instanceType, problem);
    if (b.dataVolumeGib !== undefined) ctx.problem(field("dataVolumeGib"), b.dataVolumeGib, "applies to kind ec2 only (Amazon MQ sizes its own storage)");
    ctx.name("mq-broker", name, "name", d.name);
    return { ...common, kind: "amazon-mq", deploymentMode: d.multiAz ? "CLUSTER_MULTI_AZ" : "SINGLE_INSTANCE" };
  }

  const problem = brokerInstanceTypeProblem(instanceType);
  if (problem) ctx.problem(field("instanceType"), instanceType, problem);
  const facts = brokerInstanceType(instanceType);
  const settings: Ec2BrokerSettings = {
    ...common, kind: "ec2",
    architecture: "architecture" in facts ? facts.architecture : "arm64",
    dataVolumeGib: b.dataVolumeGib ?? DEFAULT_DATA_VOLUME_GIB,
    tlsSecretName: secret("tlsSecretName", "rabbitmq-tls"),
    zoneName: `${d.name}.internal`,
    recordName: `rabbitmq.${d.name}.internal`,
    hostRoleName: `${name}-host`,
    logGroupName: `/ec2/${d.name}/rabbitmq`,
    logRetentionDays: d.logRetentionDays,
    metricsNamespace: BROKER_METRICS_NAMESPACE,
  };
  const named = (kind: Parameters<LayerContext["name"]>[0], value: string) => ctx.name(kind, value, "name", d.name);
  named("iam-role", settings.hostRoleName);
  named("instance-profile", settings.hostRoleName);
  // The group's own Auto Scaling service-linked role, suffixed with the broker's name (modules/messaging/broker-host-group.ts).
  named("iam-role", `AWSServiceRoleForAutoScaling_${name}`);
  named("launch-template", name);
  named("autoscaling-group", name);
  named("hosted-zone", settings.zoneName);
  named("log-group", settings.logGroupName);
  return settings;
}
