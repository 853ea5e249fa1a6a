import type { ContractOutput, ContractValues } from "./contracts";
import type { ComputeStack, ComputeStackProps } from "./compute-stack";

/**
 * The functions half of the compute layer and the contract outputs it publishes.
 * TODO(issue 14): build the functions.
 */
export const FUNCTIONS_OUTPUTS = {} satisfies Record<string, ContractOutput>;

/** Builds the deployment's functions into the compute stack; returns their contract values. */
export function buildFunctions(_stack: ComputeStack, _props: ComputeStackProps): ContractValues<{ layer: "compute"; outputs: typeof FUNCTIONS_OUTPUTS }> {
  return {};
}
