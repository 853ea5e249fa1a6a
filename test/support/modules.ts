import { App, TerraformStack, Testing } from "cdktf";
import { dirname, join } from "node:path";
import { inject } from "vitest";
import { ModulePropsError } from "../../modules/validate";

/**
 * A throwaway app for in-test synths. Its outdir (which cdktf creates even
 * when nothing is written) sits beside the run's shared synth, which the
 * global teardown removes; Testing.app() alone would leave a temp folder per call.
 */
export const testApp = (): App => Testing.app({ outdir: join(dirname(inject("synthDir")), "test-apps") });

/** A fresh stack named `test` in a throwaway app: module paths read `test/<id>`. */
export const newStack = (): TerraformStack => new TerraformStack(testApp(), "test");

/** The problems a module construction reports; empty when it builds. Any other error is rethrown. */
export function problemsOf(build: (stack: TerraformStack) => unknown): readonly string[] {
  try {
    build(newStack());
  } catch (error) {
    if (error instanceof ModulePropsError) return error.problems;
    throw error;
  }
  return [];
}

/** The synthesized JSON of what `build` adds to a fresh stack. */
export function synthOf(build: (stack: TerraformStack) => unknown): { resource: Record<string, Record<string, Record<string, unknown>>> } {
  const stack = newStack();
  build(stack);
  return JSON.parse(Testing.synth(stack));
}
