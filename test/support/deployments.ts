import { DEPLOYMENT_INPUTS } from "../../config";
import type { Deployment } from "../../config/deployment";
import { resolveDeployments } from "../../config/resolve";

/** The validated deployments the synth under test was built from. */
export const DEPLOYMENTS: readonly Deployment[] = resolveDeployments(DEPLOYMENT_INPUTS);

export const deployment = (name: string): Deployment => {
  const found = DEPLOYMENTS.find((d) => d.name === name);
  if (!found) throw new Error(`no deployment ${name}`);
  return found;
};
