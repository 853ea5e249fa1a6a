import type { ContractOutput, ContractValues } from "./contracts";
import type { ComputeStack, ComputeStackProps } from "./compute-stack";

/**
 * The containers half of the compute layer and the contract outputs it publishes.
 * TODO(issue 15): build the containers.
 */
export const CONTAINERS_OUTPUTS = {} satisfies Record<string, ContractOutput>;

/** Builds the deployment's containers into the compute stack; returns their contract values. */
export function buildContainers(_stack: ComputeStack, _props: ComputeStackProps): ContractValues<{ layer: "compute"; outputs: typeof CONTAINERS_OUTPUTS }> {
  return {};
}
