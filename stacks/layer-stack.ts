import { Aspects, S3Backend } from "cdktf";
import { Construct } from "constructs";
import type { Deployment } from "../config/deployment";
import { layerStateKey, stateBackendFor } from "../lib/state-backend";
import { AcceptedUnprotectedProduction } from "./accepted-risks";
import type { Producer, StateLocation } from "./contracts";
import type { Layer } from "./layers";
import { PlatformStack } from "./platform-stack";

/** Props of a layer stack. */
export interface LayerStackProps {
  readonly deployment: Deployment;
  /** The stack that bootstraps this deployment's backend; applied first. */
  readonly stateStack: PlatformStack;
}

/** State keys already claimed, per construct tree, so two stacks never share state. */
const claimedKeys = new WeakMap<Construct, Map<string, string>>();

/**
 * Base of every `<system>-<env>-<layer>` stack: S3 state under
 * `<system>/<env>/<layer>.tfstate`, encrypted, locked by both DynamoDB (as
 * requested) and the S3 lock file. Setting both is Terraform's documented
 * migration path off the deprecated `dynamodb_table`; cdktf 0.21's S3Backend
 * has no `useLockfile`, hence the override. A layer stack is a
 * {@link Producer}: later layers read its contract from that state.
 */
export abstract class LayerStack extends PlatformStack implements Producer {
  readonly deployment: Deployment;
  readonly layer: Layer;
  readonly state: StateLocation;
  /** The account and region's access-log bucket, created by the state stack this stack depends on. */
  readonly accessLogBucket: string;

  protected constructor(scope: Construct, layer: Exclude<Layer, "state">, props: LayerStackProps) {
    const d = props.deployment;
    super(scope, `${d.name}-${layer}`, {
      region: d.region,
      account: d.account,
      tags: { system: d.system, environment: d.stage, layer },
    });
    this.deployment = d;
    this.layer = layer;
    const backend = stateBackendFor(d.account, d.region);
    const key = layerStateKey(d.system, d.stage, layer);
    claimStateKey(scope, `${backend.bucket}/${key}`, this.node.id);
    this.state = { bucket: backend.bucket, key, region: backend.region };
    this.accessLogBucket = backend.accessLogBucket;
    new S3Backend(this, {
      bucket: backend.bucket,
      key,
      region: backend.region,
      encrypt: true,
      dynamodbTable: backend.lockTable,
    });
    this.addOverride("terraform.backend.s3.use_lockfile", true);
    this.addDependency(props.stateStack);
    const accepted = d.acceptedRisks.unprotectedProduction;
    if (accepted) Aspects.of(this).add(new AcceptedUnprotectedProduction(accepted));
  }

  /** This stack as a producer of its contract (for `consume`). */
  get stack(): PlatformStack {
    return this;
  }
}

function claimStateKey(scope: Construct, location: string, stackName: string): void {
  const root = scope.node.root;
  const keys = claimedKeys.get(root) ?? new Map<string, string>();
  claimedKeys.set(root, keys);
  const owner = keys.get(location);
  if (owner) throw new Error(`State key ${location} of stack ${stackName} is already used by stack ${owner}`);
  keys.set(location, stackName);
}
