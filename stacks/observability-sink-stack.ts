import { DataAwsOrganizationsOrganization } from "@cdktf/provider-aws/lib/data-aws-organizations-organization";
import { S3Backend } from "cdktf";
import { Construct } from "constructs";
import type { AccountRef } from "../config/deployment";
import { stateBackendFor } from "../lib/state-backend";
import { ObservabilitySink } from "../modules/observability/oam-sink";
import { type Producer, type StateLocation, defineContract, publish } from "./contracts";
import type { PlatformStack } from "./platform-stack";
import { ScopeStack } from "./scope-stack";

/** Props of the organization's sink stack. */
export interface ObservabilitySinkStackProps {
  /** Label of the organization. */
  readonly organization: string;
  readonly management: AccountRef;
  /** The organization's monitoring account, where the sink lives. */
  readonly monitoring: AccountRef;
  readonly region: string;
  readonly resourceTypes: readonly string[];
  /** The monitoring account's state stack, applied first. */
  readonly stateStack: PlatformStack;
}

/** What the sink stack publishes: the sink workload accounts link to. */
export const OBSERVABILITY_SINK = defineContract("observability", {
  sink_arn: { kind: "string", description: "ARN of the monitoring account's CloudWatch cross-account observability sink (aws_oam_link.sink_identifier)" },
});

/**
 * The organization's cross-account observability sink
 * (`<organization>-organization-observability`), in the monitoring account:
 * applied with that account's own credentials and state
 * (`_organization/<organization>/observability.tfstate` in its bucket), so it
 * needs no account id in config. The organization id comes from
 * Organizations itself (a member account may describe its organization).
 */
export class ObservabilitySinkStack extends ScopeStack implements Producer {
  readonly state: StateLocation;

  constructor(scope: Construct, props: ObservabilitySinkStackProps) {
    const region = props.region;
    super(scope, "observability", { kind: "organization", organization: props.organization, management: props.management, account: props.monitoring, region });
    const backend = stateBackendFor(props.monitoring, region);
    this.state = { bucket: backend.bucket, key: `_organization/${props.organization}/observability.tfstate`, region };
    new S3Backend(this, { ...this.state, encrypt: true, dynamodbTable: backend.lockTable });
    this.addOverride("terraform.backend.s3.use_lockfile", true);
    this.addDependency(props.stateStack);
    const organization = new DataAwsOrganizationsOrganization(this, "Organization", {});
    const sink = new ObservabilitySink(this, "Sink", { name: props.organization, organizationId: organization.id, resourceTypes: props.resourceTypes });
    publish(this, OBSERVABILITY_SINK, { sink_arn: sink.arn });
  }

  get stack(): PlatformStack {
    return this;
  }
}
