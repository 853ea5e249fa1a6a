import { XraySamplingRule } from "@cdktf/provider-aws/lib/xray-sampling-rule";
import { Construct } from "constructs";
import type { Sampling } from "../../config/layers/observability";

/** Props of a REST API stage's sampling rule. */
export interface StageSamplingRuleProps {
  readonly ruleName: string;
  readonly sampling: Sampling;
  /** `<api name>/<stage>`: the service name API Gateway records in its segments. */
  readonly serviceName: string;
  readonly stageArn: string;
}

/**
 * How much of one REST API stage X-Ray traces: the reservoir per second,
 * then the fixed share, every host, method and path. API Gateway samples by
 * these rules; Lambda functions do not (they keep Lambda's own rule).
 */
export class StageSamplingRule extends Construct {
  constructor(scope: Construct, id: string, props: StageSamplingRuleProps) {
    super(scope, id);
    new XraySamplingRule(this, "Rule", {
      ruleName: props.ruleName, priority: props.sampling.priority, version: 1,
      reservoirSize: props.sampling.reservoirPerSecond, fixedRate: props.sampling.fixedRate,
      serviceName: props.serviceName, serviceType: "AWS::ApiGateway::Stage", resourceArn: props.stageArn,
      host: "*", httpMethod: "*", urlPath: "*",
    });
  }
}
