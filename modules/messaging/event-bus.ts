import { CloudwatchEventBus } from "@cdktf/provider-aws/lib/cloudwatch-event-bus";
import { Construct } from "constructs";
import { check, matches, validateProps } from "../validate";

/** Props of a custom event bus. */
export interface EventBusProps {
  /** 1-256 letters, digits and `._-`; not `default`, not starting with `aws.`. */
  readonly name: string;
  /**
   * Customer-managed key encrypting the bus's events, rule patterns and
   * target settings; its policy must admit EventBridge for this bus
   * (modules/kms/key-grants.ts `eventBusKeyUse`).
   */
  readonly kmsKeyArn: string;
}

/**
 * A custom EventBridge bus encrypted with a customer-managed key. Rules are
 * separate constructs ({@link EventRule} in ./event-rule.ts); their targets
 * belong to the layer that owns the consumer.
 */
export class EventBus extends Construct {
  readonly arn: string;
  readonly name: string;

  constructor(scope: Construct, id: string, props: EventBusProps) {
    super(scope, id);
    validateProps(this, [
      check("name", props.name, matches(/^(?!aws\.)(?!default$)[A-Za-z0-9._-]{1,256}$/,
        "must be 1-256 letters, digits and ._-, not default and not starting with aws. (EventBridge custom bus names)")),
    ]);
    const bus = new CloudwatchEventBus(this, "Bus", { name: props.name, kmsKeyIdentifier: props.kmsKeyArn, tags: { Name: props.name } });
    this.arn = bus.arn;
    this.name = bus.name;
  }
}
