import { App } from "cdktf";
import type { IConstruct } from "constructs";
import { describe, expect, it } from "vitest";
import { buildStacks } from "../stacks/build";
import { DEPLOYMENTS } from "./support/deployments";

/** Validations cdktf runs at synth, read from constructs' private list (no public accessor exists). */
const validationsOf = (c: IConstruct): unknown[] => (c.node as unknown as { _validations: unknown[] })._validations;

describe("synth cost guards", () => {
  it("registers no cdktf validation that shells out to a binary (each `terraform version` call cost ~85 ms)", () => {
    const app = new App({ outdir: "unused", stackTraces: false });
    buildStacks(app, DEPLOYMENTS);
    const offenders = app.node.findAll()
      .filter((c) => validationsOf(c).some((v) => typeof (v as { versionCommand?: unknown }).versionCommand === "string"))
      .map((c) => c.node.path);
    expect(offenders).toEqual([]);
  });
});
