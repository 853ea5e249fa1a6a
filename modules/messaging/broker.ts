import type { Construct } from "constructs";
import type { BrokerSettings } from "../../config/layers/messaging-broker";
import { AmazonMqBroker } from "./amazon-mq-broker";
import type { BrokerEndpoint } from "./broker-endpoint";
import { RabbitmqBroker } from "./rabbitmq-broker";

/** Where a broker goes and what it uses, read from earlier layers' contracts. */
export interface BrokerPlacement {
  readonly region: string;
  readonly partition: string;
  readonly vpcId: string;
  /** Private compute subnets, AZ order. */
  readonly subnetIds: readonly string[];
  /** The security group of the broker's workload. */
  readonly securityGroupId: string;
  /** Data key. */
  readonly kmsKeyArn: string;
  /** Logs key. */
  readonly logsKmsKeyArn: string;
}

/** The broker `settings` ask for: self-hosted on EC2 or Amazon MQ, the same endpoint either way. */
export function messagingBroker(scope: Construct, id: string, settings: BrokerSettings, placement: BrokerPlacement): BrokerEndpoint {
  return settings.kind === "ec2"
    ? new RabbitmqBroker(scope, id, { ...settings, ...placement })
    : new AmazonMqBroker(scope, id, { ...settings, ...placement });
}
