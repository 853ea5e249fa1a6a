import { App } from "cdktf";
import type { Deployment } from "../config/deployment";
import { stateBackendFor } from "../lib/state-backend";
import { DataStack } from "./data-stack";
import { NetworkStack } from "./network-stack";
import { StateStack } from "./state-stack";

/** The stacks built for one deployment, for composition and tests. */
export interface DeploymentStacks {
  readonly deployment: Deployment;
  readonly state: StateStack;
  readonly network: NetworkStack;
  /** Undefined when the deployment declares no data stores. */
  readonly data: DataStack | undefined;
}

/**
 * Turns validated deployments into stacks: one bootstrap stack per account
 * and region, then each deployment's layer stacks. The one place that wires
 * layers together; main.ts and the tests both call it.
 */
export function buildStacks(app: App, deployments: readonly Deployment[]): DeploymentStacks[] {
  const stateStacks = new Map<string, StateStack>();
  for (const d of deployments) {
    const backend = stateBackendFor(d.account, d.region);
    if (!stateStacks.has(backend.stackName)) {
      const sharing = deployments.filter((o) => stateBackendFor(o.account, o.region).stackName === backend.stackName);
      stateStacks.set(backend.stackName, new StateStack(app, { account: d.account, backend, deployments: sharing }));
    }
  }
  return deployments.map((deployment) => {
    const state = stateStacks.get(stateBackendFor(deployment.account, deployment.region).stackName)!;
    const network = new NetworkStack(app, { deployment, stateStack: state });
    const data = hasDataStores(deployment) ? new DataStack(app, { deployment, stateStack: state, network: network.outputs }) : undefined;
    return { deployment, state, network, data };
  });
}

function hasDataStores(d: Deployment): boolean {
  const { kms: _key, ...stores } = d.data;
  return Object.values(stores).some((list) => list.length > 0);
}
