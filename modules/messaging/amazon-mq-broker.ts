import { MqBroker } from "@cdktf/provider-aws/lib/mq-broker";
import { Fn } from "cdktf";
import { Construct } from "constructs";
import { amazonMqInstanceTypeProblem } from "../../lib/instance-types";
import { check, matches, oneOf, validateProps } from "../validate";
import { BrokerCredentials } from "./broker-credentials";
import { AMQPS_PORT, type BrokerEndpoint } from "./broker-endpoint";

/** Props of an Amazon MQ for RabbitMQ broker. */
export interface AmazonMqBrokerProps {
  /** 1-50 letters, digits, hyphens and underscores. */
  readonly name: string;
  /** RabbitMQ series: "4.2" (mq.m7g only). */
  readonly version: string;
  /** An mq.m7g type. */
  readonly instanceType: string;
  /** One node, or three over the subnets' AZs. */
  readonly deploymentMode: "SINGLE_INSTANCE" | "CLUSTER_MULTI_AZ";
  /** Private compute subnets; a single instance takes the first. */
  readonly subnetIds: readonly string[];
  readonly securityGroupId: string;
  /** Data key, for the two secrets (Amazon MQ encrypts RabbitMQ storage with an AWS-owned key only). */
  readonly kmsKeyArn: string;
  readonly adminUsername: string;
  readonly appUsername: string;
  readonly adminSecretName: string;
  readonly appSecretName: string;
  /** `prevent_destroy` on the broker and its secrets. */
  readonly protect: boolean;
}

/**
 * Amazon MQ for RabbitMQ, for teams that prefer a managed broker: private,
 * in the compute subnets behind the broker workload's group, minor versions
 * applied in a Sunday window, the same contract outputs as the EC2 broker.
 *
 * What differs: Amazon MQ's `user` block takes the administrator's password
 * as an argument, so the value is in this stack's state in plain text (as
 * in the random provider's state; both in the SSE-KMS state bucket). It
 * creates that one user only: the application user of the app secret is
 * created through the management API after the broker exists
 * (docs/messaging.md). RabbitMQ 4 brokers publish no per-queue metrics to
 * CloudWatch, so `metricsNamespace` is empty.
 */
export class AmazonMqBroker extends Construct implements BrokerEndpoint {
  readonly kind = "amazon-mq";
  readonly name: string;
  readonly endpoint: string;
  readonly port = AMQPS_PORT;
  readonly adminSecretArn: string;
  readonly appSecretArn: string;
  readonly securityGroupId: string;
  readonly caCertificatePem = "";
  readonly metricsNamespace = "";

  constructor(scope: Construct, id: string, props: AmazonMqBrokerProps) {
    super(scope, id);
    const typeProblem = amazonMqInstanceTypeProblem(props.instanceType);
    validateProps(this, [
      check("name", props.name, matches(/^[A-Za-z0-9_-]{1,50}$/, "must be 1-50 letters, digits, hyphens and underscores (Amazon MQ broker names)")),
      check("version", props.version, oneOf(["4.2"], "RabbitMQ series this module runs")),
      check("instanceType", props.instanceType, { when: () => typeProblem !== undefined, allowed: typeProblem ?? "" }),
    ]);
    const credentials = new BrokerCredentials(this, "Credentials", props);
    const broker = new MqBroker(this, "Broker", {
      brokerName: props.name,
      engineType: "RabbitMQ",
      engineVersion: props.version,
      hostInstanceType: props.instanceType,
      deploymentMode: props.deploymentMode,
      subnetIds: props.deploymentMode === "SINGLE_INSTANCE" ? [Fn.element([...props.subnetIds], 0)] : [...props.subnetIds],
      securityGroups: [props.securityGroupId],
      publiclyAccessible: false,
      autoMinorVersionUpgrade: true,
      maintenanceWindowStartTime: { dayOfWeek: "SUNDAY", timeOfDay: "04:00", timeZone: "UTC" },
      user: [{ username: props.adminUsername, password: credentials.admin.value }],
      lifecycle: props.protect ? { preventDestroy: true } : undefined,
      tags: { Name: props.name },
    });
    // The endpoint reads amqps://<host>:5671; clients and the secrets want the host.
    const host = Fn.element(Fn.split(":", Fn.trimprefix(Fn.element(broker.instances.get(0).endpoints, 0), "amqps://")), 0);
    credentials.store({ host, port: AMQPS_PORT });
    this.name = props.name;
    this.endpoint = host;
    this.adminSecretArn = credentials.admin.secretArn;
    this.appSecretArn = credentials.app.secretArn;
    this.securityGroupId = props.securityGroupId;
  }
}
