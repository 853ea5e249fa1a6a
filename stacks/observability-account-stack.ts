import { S3Backend } from "cdktf";
import { Construct } from "constructs";
import type { AccountRef } from "../config/deployment";
import type { StateBackendLocation } from "../lib/state-backend";
import { ObservabilityLink } from "../modules/observability/oam-link";
import { consume } from "./contracts";
import { OBSERVABILITY_SINK, type ObservabilitySinkStack } from "./observability-sink-stack";
import type { PlatformStack } from "./platform-stack";
import { ScopeStack } from "./scope-stack";

/** Props of a workload account's observability stack. */
export interface ObservabilityAccountStackProps {
  readonly account: AccountRef;
  readonly backend: StateBackendLocation;
  readonly resourceTypes: readonly string[];
  /** The monitoring account's sink stack, read through its contract. */
  readonly sink: ObservabilitySinkStack;
  /** The account's state stack, applied first. */
  readonly stateStack: PlatformStack;
}

/**
 * What a workload account shares once per region
 * (`<account>-<region>-observability`): its OAM link to the monitoring
 * account's sink. The sink ARN comes from the sink stack's state in the
 * monitoring account's bucket (docs/observability.md: the read that takes).
 */
export class ObservabilityAccountStack extends ScopeStack {
  constructor(scope: Construct, props: ObservabilityAccountStackProps) {
    const region = props.backend.region;
    super(scope, "observability", { kind: "account", account: props.account, region });
    new S3Backend(this, { bucket: props.backend.bucket, key: "_account/observability.tfstate", region, encrypt: true, dynamodbTable: props.backend.lockTable });
    this.addOverride("terraform.backend.s3.use_lockfile", true);
    this.addDependency(props.stateStack);
    const sink = consume(this, OBSERVABILITY_SINK, props.sink);
    new ObservabilityLink(this, "Link", { sinkArn: sink.get("sink_arn"), resourceTypes: props.resourceTypes });
  }
}
