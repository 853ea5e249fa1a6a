import { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule";
import { Construct } from "constructs";
import { eventPatternProblem } from "../../lib/event-pattern";
import { accepted, check, matches, maxLength, validateProps } from "../validate";

/** Props of a rule on a custom bus. */
export interface EventRuleProps {
  /** 1-64 letters, digits and `._-`, unique on its bus. */
  readonly name: string;
  /** The bus the rule listens on (its name, a token when the bus is in this stack). */
  readonly busName: string;
  /** What the rule routes to whom (up to 512 characters). */
  readonly description: string;
  /** Event pattern as JSON text (lib/event-pattern.ts). */
  readonly pattern: string;
}

/**
 * An enabled rule matching an event pattern on a custom bus. It has no
 * targets here: glue lives in the later layer (stacks/layers.ts), so the
 * layer that owns the consumer adds the target and, for a Lambda, the
 * permission naming this rule's ARN.
 */
export class EventRule extends Construct {
  readonly arn: string;
  readonly name: string;

  constructor(scope: Construct, id: string, props: EventRuleProps) {
    super(scope, id);
    validateProps(this, [
      check("name", props.name, matches(/^[A-Za-z0-9._-]{1,64}$/, "must be 1-64 letters, digits and ._- (EventBridge rule names)")),
      check("description", props.description, maxLength(512, "EventBridge rule descriptions")),
      check("pattern", props.pattern, accepted(props.pattern, eventPatternProblem)),
    ]);
    const rule = new CloudwatchEventRule(this, "Rule", {
      name: props.name,
      eventBusName: props.busName,
      description: props.description,
      eventPattern: props.pattern,
      state: "ENABLED",
      tags: { Name: props.name },
    });
    this.arn = rule.arn;
    this.name = rule.name;
  }
}
