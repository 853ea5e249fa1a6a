import { App } from "cdktf";
import type { Deployment } from "../config/deployment";
import { ConfigError } from "../config/errors";
import { GOVERNANCE, resolveAccountGovernance } from "../config/governance";
import { ORGANIZATION, organizationProblems, type OrganizationInput } from "../config/organization";
import { stateBackendFor } from "../lib/state-backend";
import { AccountGovernanceStack } from "./account-governance-stack";
import { ComputeStack } from "./compute-stack";
import { DataStack } from "./data-stack";
import { EdgeAccountStack } from "./edge-account-stack";
import { EdgeStack } from "./edge-stack";
import { MessagingStack } from "./messaging-stack";
import { NetworkStack } from "./network-stack";
import { ObservabilityAccountStack } from "./observability-account-stack";
import { ObservabilitySinkStack } from "./observability-sink-stack";
import { ObservabilityStack } from "./observability-stack";
import { OrganizationGovernanceStack } from "./organization-governance-stack";
import { StateStack } from "./state-stack";

/**
 * Turns validated deployments into stacks: first the scope stacks (one
 * state stack per account and region the deployments use), then each
 * deployment's layer stacks, one explicit line per layer. The one place that
 * wires layers together; main.ts and the tests both call it. `all` is every
 * configured deployment: an account's governance stack holds one apply role
 * per deployment the account hosts, so a subset synth writes it whole. The
 * organization's stack (and its management account's state stack) comes
 * with any deployment in one of its member accounts.
 */
export function buildStacks(app: App, deployments: readonly Deployment[], all: readonly Deployment[] = deployments, organization: OrganizationInput = ORGANIZATION): void {
  const orgProblems = organizationProblems(organization, all);
  if (orgProblems.length > 0) throw new ConfigError(orgProblems);
  const governance = resolveAccountGovernance(all).filter((g) => deployments.some((d) => d.account.name === g.account.name));
  const stateStacks = new Map<string, StateStack>();
  const stateStackOf = (account: Deployment["account"], region: string): StateStack => {
    const backend = stateBackendFor(account, region);
    if (!stateStacks.has(backend.stackName)) stateStacks.set(backend.stackName, new StateStack(app, { account, backend }));
    return stateStacks.get(backend.stackName)!;
  };
  for (const d of deployments) stateStackOf(d.account, d.region);
  if (deployments.some((d) => organization.accounts.some((a) => a.label === d.account.name))) {
    const org = new OrganizationGovernanceStack(app, { organization, governance: GOVERNANCE, stateStack: stateStackOf(organization.management, organization.region) });
    // The trail bucket in the logs account logs into that account's access-log bucket, which its state stack holds.
    const logs = organization.accounts.find((a) => a.label === organization.trail.logsAccount);
    if (logs?.id) org.addDependency(stateStackOf({ name: logs.label, id: logs.id }, organization.region));
  }
  if (organization.observability) {
    // Cross-account observability: the sink in the monitoring account (organization's region), one link per member account hosting a deployment.
    const { monitoringAccount, resourceTypes } = organization.observability;
    const member = organization.accounts.find((a) => a.label === monitoringAccount)!;
    const monitoring = { name: member.label, id: member.id };
    const members = deployments.filter((d) => organization.accounts.some((a) => a.label === d.account.name));
    const sink = members.length > 0 ? new ObservabilitySinkStack(app, {
      organization: organization.name, management: organization.management, monitoring, region: organization.region, resourceTypes, stateStack: stateStackOf(monitoring, organization.region),
    }) : undefined;
    const linked = new Set<string>();
    for (const d of members) {
      const backend = stateBackendFor(d.account, d.region);
      if (linked.has(backend.stackName)) continue;
      linked.add(backend.stackName);
      new ObservabilityAccountStack(app, { account: d.account, backend, resourceTypes, sink: sink!, stateStack: stateStackOf(d.account, d.region) });
    }
  }
  for (const g of governance) new AccountGovernanceStack(app, { governance: g, stateStack: stateStackOf(g.account, g.homeRegion) });
  const edgeAccounts = new Map<string, EdgeAccountStack>();
  for (const deployment of deployments) {
    const stateStack = stateStacks.get(stateBackendFor(deployment.account, deployment.region).stackName)!;
    const network = new NetworkStack(app, { deployment, stateStack });
    const data = deployment.layers.includes("data") ? new DataStack(app, { deployment, stateStack, network }) : undefined;
    // Config validation guarantees the data layer wherever messaging is used (its key encrypts the queues and the broker).
    const messaging = data && deployment.layers.includes("messaging") ? new MessagingStack(app, { deployment, stateStack, data, network }) : undefined;
    const compute = deployment.layers.includes("compute") ? new ComputeStack(app, { deployment, stateStack, network, data, messaging }) : undefined;
    const edge = deployment.layers.includes("edge") ? new EdgeStack(app, { deployment, stateStack, network, data, compute }) : undefined;
    if (edge && deployment.edge.api) {
      // Once per account and region with a REST API; its stages log through that account's role.
      const backend = stateBackendFor(deployment.account, deployment.region);
      const key = `${backend.stackName}/edge`;
      if (!edgeAccounts.has(key)) edgeAccounts.set(key, new EdgeAccountStack(app, { account: deployment.account, backend, stateStack }));
      edge.addDependency(edgeAccounts.get(key)!);
    }
    if (deployment.layers.includes("observability")) new ObservabilityStack(app, { deployment, stateStack, network, data, messaging, compute, edge });
  }
}
