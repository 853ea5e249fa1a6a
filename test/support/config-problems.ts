import type { AccountInput } from "../../config/accounts";
import { ConfigError, formatProblem } from "../../config/errors";
import { resolveDeployments } from "../../config/resolve";

/**
 * Every problem config validation reports for `inputs`, formatted as the
 * synth prints them (`<deployment>: <field> = <value>: <allowed>`); empty
 * when they resolve. Any other error is rethrown: a crash is never a problem.
 */
export function configProblems(inputs: readonly unknown[], accounts?: readonly AccountInput[]): string[] {
  try {
    resolveDeployments(inputs, accounts);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
}
