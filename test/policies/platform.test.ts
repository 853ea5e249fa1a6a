import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { loadSynthDir } from "../../policies/engine/load";
import { runPack } from "../../policies/engine/run";
import { PLATFORM_PACK } from "../../policies/pack";
import { formatReport } from "../../policies/report";
import { rulesDocument } from "../../policies/rules-doc";

describe("the platform pack over every deployment", () => {
  const stacks = loadSynthDir(inject("synthDir"));
  const started = process.hrtime.bigint();
  const result = runPack(PLATFORM_PACK, stacks);
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;

  it("finds nothing unsuppressed and no invalid suppression", () => {
    expect(result.failures, formatReport(result, elapsedMs)).toEqual([]);
    expect(result.suppressionProblems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it("looks at every stack and really evaluates rules on them", () => {
    expect(result.stacks).toBe(91);
    expect(result.evaluations).toBeGreaterThan(1500);
    expect(result.rules).toBe(PLATFORM_PACK.entries.length);
  });

  it("leaves nothing undecided that a literal could have decided", () => {
    expect(result.unknown).toEqual([]);
  });

  it("runs well within the test budget", () => {
    expect(elapsedMs).toBeLessThan(2000);
  });
});

describe("docs/policy-rules.md", () => {
  it("is the generated list of the pack's rules (npm run check -- --rules-doc)", () => {
    expect(readFileSync(join(__dirname, "..", "..", "docs", "policy-rules.md"), "utf8")).toBe(rulesDocument(PLATFORM_PACK));
  });
});
