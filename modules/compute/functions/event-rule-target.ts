import { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target";
import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission";
import { Construct } from "constructs";

/** Props of a function as an EventBridge rule's target. */
export interface EventRuleTargetProps {
  readonly ruleName: string;
  readonly ruleArn: string;
  /** Bus of the rule (a target names its rule's bus). */
  readonly busName: string;
  readonly functionName: string;
  /** What EventBridge invokes: the alias ARN when the function has one. */
  readonly targetArn: string;
  /** The alias, so the permission covers exactly what is invoked. @default the unqualified function */
  readonly qualifier?: string;
}

/**
 * A function behind an EventBridge rule: the target (retrying for a day,
 * EventBridge's maximum, then the function's own failure destination takes
 * over for its asynchronous invocations) and the permission letting
 * EventBridge invoke it for this rule only.
 */
export class EventRuleTarget extends Construct {
  constructor(scope: Construct, id: string, props: EventRuleTargetProps) {
    super(scope, id);
    const permission = new LambdaPermission(this, "InvokePermission", {
      functionName: props.functionName,
      qualifier: props.qualifier,
      action: "lambda:InvokeFunction",
      principal: "events.amazonaws.com",
      sourceArn: props.ruleArn,
    });
    new CloudwatchEventTarget(this, "Target", {
      rule: props.ruleName,
      eventBusName: props.busName,
      arn: props.targetArn,
      retryPolicy: { maximumEventAgeInSeconds: 86400, maximumRetryAttempts: 185 },
      dependsOn: [permission],
    });
  }
}
