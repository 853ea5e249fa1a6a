import { App } from "cdktf";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { IConstruct } from "constructs";
import { describe, expect, it } from "vitest";
import { skipTokenTraces } from "../lib/token-traces";
import { buildStacks } from "../stacks/build";
import { DEPLOYMENTS } from "./support/deployments";

/** Validations cdktf runs at synth, read from constructs' private list (no public accessor exists). */
const validationsOf = (c: IConstruct): unknown[] => (c.node as unknown as { _validations: unknown[] })._validations;

describe("synth cost guards", () => {
  it("registers no cdktf validation that shells out to a binary (each `terraform version` call cost ~85 ms)", () => {
    // cdktf creates the outdir's stacks folder when the App is built, so it goes to a temporary folder.
    const outdir = mkdtempSync(join(tmpdir(), "synth-cost-"));
    const app = new App({ outdir, stackTraces: false });
    // Traces are off as in every synth (lib/token-traces.ts): the validations registered are the same, the build 3-4 times cheaper.
    const restoreTraces = skipTokenTraces();
    try {
      buildStacks(app, DEPLOYMENTS);
    } finally {
      restoreTraces();
    }
    const offenders = app.node.findAll()
      .filter((c) => validationsOf(c).some((v) => typeof (v as { versionCommand?: unknown }).versionCommand === "string"))
      .map((c) => c.node.path);
    rmSync(outdir, { recursive: true, force: true });
    expect(offenders).toEqual([]);
  });
});
