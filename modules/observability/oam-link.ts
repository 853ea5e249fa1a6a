import { OamLink } from "@cdktf/provider-aws/lib/oam-link";
import { Construct } from "constructs";

/** Props of one source account's link. */
export interface ObservabilityLinkProps {
  /** ARN of the monitoring account's sink. */
  readonly sinkArn: string;
  readonly resourceTypes: readonly string[];
}

/**
 * Shares this account's metrics, log groups and traces of the provider's
 * region with the monitoring account's sink, labelled with the account name
 * in the monitoring console.
 */
export class ObservabilityLink extends Construct {
  constructor(scope: Construct, id: string, props: ObservabilityLinkProps) {
    super(scope, id);
    new OamLink(this, "Link", { sinkIdentifier: props.sinkArn, labelTemplate: "$AccountName", resourceTypes: [...props.resourceTypes] });
  }
}
