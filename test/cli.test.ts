import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { DEPLOYMENTS } from "./support/deployments";
import { synthesize } from "../lib/synth";

const work = mkdtempSync(join(tmpdir(), "platform-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs main.ts as `cdktf synth` and `npm run synth` do (scripts/synth.mjs), in a fresh process. */
function runMain(env: Record<string, string>) {
  return spawnSync(process.execPath, ["scripts/synth.mjs"], {
    env: { ...process.env, ...env }, encoding: "utf8", cwd: join(__dirname, ".."),
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name))).sort();
}

describe("main.ts", () => {
  it("synthesizes byte-identical output on a second run", () => {
    const outdir = join(work, "second");
    const result = runMain({ CDKTF_OUTDIR: outdir, DEPLOYMENTS: "" });
    expect(result.status, result.stderr).toBe(0);
    const first = inject("synthDir");
    expect(filesUnder(outdir)).toEqual(filesUnder(first));
    for (const file of filesUnder(first)) {
      expect(readFileSync(join(outdir, file), "utf8"), file).toBe(readFileSync(join(first, file), "utf8"));
    }
  });

  it("synthesizes only the deployments named in DEPLOYMENTS, with their state stack, each stack as in the full synth", () => {
    const outdir = join(work, "subset");
    const result = runMain({ CDKTF_OUTDIR: outdir, DEPLOYMENTS: "commerce-dev" });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("Synthesized 3 stacks for 1 deployments");
    expect(readdirSync(join(outdir, "stacks")).sort()).toEqual(["commerce-dev-data", "commerce-dev-network", "commerce-nonprod-us-west-2-state"]);
    // The state stack is shared with commerce-staging: selecting one of its deployments must not change it.
    for (const file of filesUnder(join(outdir, "stacks"))) {
      expect(readFileSync(join(outdir, "stacks", file), "utf8"), file).toBe(readFileSync(join(inject("synthDir"), "stacks", file), "utf8"));
    }
  });

  it("fails on an unknown deployment name without writing anything", () => {
    const outdir = join(work, "unknown");
    const result = runMain({ CDKTF_OUTDIR: outdir, DEPLOYMENTS: "commerce-qa" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Unknown deployment: commerce-qa. Known deployments: stackflow-prod,");
    expect(existsSync(outdir)).toBe(false);
  });
});

describe("synthesize", () => {
  it("leaves no partial output when building a stack fails", () => {
    const outdir = join(work, "broken");
    const broken = { ...DEPLOYMENTS[0], network: { ...DEPLOYMENTS[0].network, cidr: "not-a-cidr" } };
    expect(() => synthesize([DEPLOYMENTS[1], broken], outdir)).toThrow('stackflow-prod: network.cidr "not-a-cidr" is not an IPv4 CIDR block');
    expect(readdirSync(work).filter((f) => f.startsWith("broken"))).toEqual([]);
  });
});

describe("parallel synth (lib/synth-parallel.ts)", () => {
  it("writes output byte-identical to the sequential synth, manifest included", () => {
    const outdir = join(work, "parallel");
    const result = runMain({ CDKTF_OUTDIR: outdir, DEPLOYMENTS: "", SYNTH_WORKERS: "2" });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("(2 processes)");
    const sequential = inject("synthDir");
    expect(filesUnder(outdir)).toEqual(filesUnder(sequential));
    for (const file of filesUnder(sequential)) {
      expect(readFileSync(join(outdir, file), "utf8"), file).toBe(readFileSync(join(sequential, file), "utf8"));
    }
    expect(readdirSync(work).filter((f) => f.startsWith("parallel."))).toEqual([]);
  });
});
