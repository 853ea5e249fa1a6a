import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { DEPLOYMENTS } from "./support/deployments";
import { synthesize } from "../lib/synth";
import { runNode } from "./support/run-process";

const work = mkdtempSync(join(tmpdir(), "platform-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs main.ts as `cdktf synth` and `npm run synth` do (scripts/synth.mjs), in a fresh process. */
const runMain = (env: Record<string, string>) => runNode(["scripts/synth.mjs"], { cwd: join(__dirname, ".."), env });

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name))).sort();
}

/** Every file under `dir` equals the one under the run's shared synth. */
function expectSameAsSharedSynth(dir: string, under = ""): void {
  const shared = join(inject("synthDir"), under);
  for (const file of filesUnder(dir)) expect(readFileSync(join(dir, file), "utf8"), file).toBe(readFileSync(join(shared, file), "utf8"));
}

describe.concurrent("main.ts", () => {
  it("synthesizes again, in two parallel processes (lib/synth-parallel.ts), byte-identical to the first synth, manifest included", async () => {
    const outdir = join(work, "parallel");
    const result = await runMain({ CDKTF_OUTDIR: outdir, DEPLOYMENTS: "", SYNTH_WORKERS: "2" });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("Synthesized 91 stacks for 11 deployments");
    expect(result.stdout).toContain("(2 processes)");
    expect(filesUnder(outdir)).toEqual(filesUnder(inject("synthDir")));
    expectSameAsSharedSynth(outdir);
    expect(readdirSync(work).filter((f) => f.startsWith("parallel."))).toEqual([]);
  });

  it("synthesizes only the deployments named in DEPLOYMENTS, with their account's state and governance stacks, each stack as in the full synth", async () => {
    const outdir = join(work, "subset");
    const result = await runMain({ CDKTF_OUTDIR: outdir, DEPLOYMENTS: "commerce-dev" });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("Synthesized 7 stacks for 1 deployments");
    expect(readdirSync(join(outdir, "stacks")).sort()).toEqual(["commerce-dev-compute", "commerce-dev-data", "commerce-dev-edge", "commerce-dev-network", "commerce-dev-observability", "commerce-nonprod-us-west-2-governance", "commerce-nonprod-us-west-2-state"]);
    // State and governance stacks are shared with commerce-staging (whose apply role the governance stack keeps): selecting one of its deployments must not change them.
    expectSameAsSharedSynth(join(outdir, "stacks"), "stacks");
  });

  it("fails on an unknown deployment name without writing anything", async () => {
    const outdir = join(work, "unknown");
    const result = await runMain({ CDKTF_OUTDIR: outdir, DEPLOYMENTS: "commerce-qa" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Unknown deployment: commerce-qa. Known deployments: stackflow-prod,");
    expect(result.stderr).not.toContain("    at ");
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
