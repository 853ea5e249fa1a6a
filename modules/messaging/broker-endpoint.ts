/** AMQP over TLS: the only port either kind of broker opens to clients. */
export const AMQPS_PORT = 5671;

/**
 * What a broker offers its clients, whichever kind runs it; the messaging
 * contract publishes it (stacks/messaging-stack.ts).
 */
export interface BrokerEndpoint {
  readonly kind: "ec2" | "amazon-mq";
  /** The broker's name in AWS; the `Broker` dimension of its metrics. */
  readonly name: string;
  /** Host name clients connect to over AMQPS. */
  readonly endpoint: string;
  readonly port: number;
  /** Secrets of `{username, password, host, port, vhost}`. */
  readonly adminSecretArn: string;
  readonly appSecretArn: string;
  /** The group clients must be admitted by (the broker workload's). */
  readonly securityGroupId: string;
  /** PEM of the CA clients verify the broker with; empty when its certificate chains to a public CA. */
  readonly caCertificatePem: string;
  /** CloudWatch namespace of the per-queue metrics; empty when none are published. */
  readonly metricsNamespace: string;
}
