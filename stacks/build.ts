import { App } from "cdktf";
import type { Deployment } from "../config/deployment";
import { stateBackendFor } from "../lib/state-backend";
import { ComputeStack } from "./compute-stack";
import { DataStack } from "./data-stack";
import { EdgeAccountStack } from "./edge-account-stack";
import { EdgeStack } from "./edge-stack";
import { MessagingStack } from "./messaging-stack";
import { NetworkStack } from "./network-stack";
import { StateStack } from "./state-stack";

/**
 * Turns validated deployments into stacks: first the scope stacks (one
 * state stack per account and region the deployments use), then each
 * deployment's layer stacks, one explicit line per layer. The one place that
 * wires layers together; main.ts and the tests both call it.
 */
export function buildStacks(app: App, deployments: readonly Deployment[]): void {
  const stateStacks = new Map<string, StateStack>();
  for (const d of deployments) {
    const backend = stateBackendFor(d.account, d.region);
    if (!stateStacks.has(backend.stackName)) stateStacks.set(backend.stackName, new StateStack(app, { account: d.account, backend }));
  }
  const edgeAccounts = new Map<string, EdgeAccountStack>();
  for (const deployment of deployments) {
    const stateStack = stateStacks.get(stateBackendFor(deployment.account, deployment.region).stackName)!;
    const network = new NetworkStack(app, { deployment, stateStack });
    const data = deployment.layers.includes("data") ? new DataStack(app, { deployment, stateStack, network }) : undefined;
    // Config validation guarantees the data layer wherever messaging is used (its key encrypts the queues and the broker).
    const messaging = data && deployment.layers.includes("messaging") ? new MessagingStack(app, { deployment, stateStack, data, network }) : undefined;
    if (deployment.layers.includes("compute")) new ComputeStack(app, { deployment, stateStack, network, data, messaging });
    if (deployment.layers.includes("edge")) {
      const edge = new EdgeStack(app, { deployment, stateStack, data });
      if (deployment.edge.api) {
        // Once per account and region with a REST API; its stages log through that account's role.
        const backend = stateBackendFor(deployment.account, deployment.region);
        const key = `${backend.stackName}/edge`;
        if (!edgeAccounts.has(key)) edgeAccounts.set(key, new EdgeAccountStack(app, { account: deployment.account, backend, stateStack }));
        edge.addDependency(edgeAccounts.get(key)!);
      }
    }
  }
}
