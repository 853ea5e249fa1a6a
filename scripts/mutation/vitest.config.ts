import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { defineConfig } from "vitest/config";
import base from "../../vitest.config";

const ROOT = resolve(__dirname, "..", "..");

/**
 * The test suite as scripts/mutation/run.ts runs it against one mutant: the
 * mutated source replaces the file on disk for every module the tests load,
 * and the synthesized output comes from the mutant (./global-setup.ts).
 * Left out: suites that start processes running the sources from disk (the
 * CLI and delivery suites), which would compare the mutant with unmutated
 * code and fail for that reason alone.
 */
// Spread, not mergeConfig: that would concatenate the global setups and synthesize everything again.
export default defineConfig({
  ...base,
  plugins: [{
    name: "mutant",
    enforce: "pre",
    load(id) {
      const file = process.env.MUTATION_FILE;
      if (file && id.split("?")[0] === resolve(ROOT, file)) return readFileSync(process.env.MUTATION_SOURCE!, "utf8");
      return undefined;
    },
  }],
  test: {
    ...base.test,
    globalSetup: [resolve(__dirname, "global-setup.ts")],
    exclude: ["test/cli.test.ts", "test/delivery/**", "**/node_modules/**"],
  },
});
