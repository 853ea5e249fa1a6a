import type { TestProject } from "vitest/node";

/**
 * The mutation run's global setup: the mutant's synthesized output, made by
 * scripts/mutation/run.ts before the tests start (test/support/global-setup.ts
 * would synthesize it again).
 */
export default function setup(project: TestProject): void {
  project.provide("synthDir", process.env.MUTATION_SYNTH_DIR!);
  project.provide("examplesDir", process.env.MUTATION_EXAMPLES_DIR!);
  // Only the delivery suites start the operator CLI, and the mutation run leaves them out.
  project.provide("opsCli", "");
}
