import { describe, expect, it } from "vitest";
import { definePack } from "../../policies/engine/pack";
import { runPack } from "../../policies/engine/run";
import { PLATFORM_PACK } from "../../policies/pack";
import { FIXTURES, fixtureStack } from "./fixtures";
import { EDGE_CASES, edgeFunction } from "./loopholes";

/** Runs one rule alone over a fixture stack. */
function runRule(ruleId: string, blocks: Parameters<typeof fixtureStack>[0], backend?: Record<string, Record<string, unknown>>) {
  const entry = PLATFORM_PACK.entries.find((e) => e.rule.id === ruleId)!;
  return runPack(definePack("one", "one rule", [entry]), [fixtureStack(blocks, { backend })]);
}

describe("every rule of the pack", () => {
  it("has a passing and a failing fixture", () => {
    expect(PLATFORM_PACK.entries.map((e) => e.rule.id).filter((id) => !FIXTURES[id])).toEqual([]);
    expect(PLATFORM_PACK.entries.length).toBeGreaterThanOrEqual(45);
  });

  describe.each(PLATFORM_PACK.entries.map((e) => e.rule.id).sort())("%s", (ruleId) => {
    it("passes its compliant fixture (and applies to it)", () => {
      const result = runRule(ruleId, FIXTURES[ruleId].pass);
      expect(result.failures).toEqual([]);
      expect(result.unknown).toEqual([]);
      expect(result.evaluations).toBeGreaterThan(0);
    });

    it("fails its non-compliant fixture", () => {
      const result = runRule(ruleId, FIXTURES[ruleId].fail, FIXTURES[ruleId].failBackend);
      expect(result.failures.map((f) => [f.ruleId, f.status])).toContainEqual([ruleId, "non_compliant"]);
      expect(result.ok).toBe(false);
    });
  });
});

describe.each(EDGE_CASES.map((c) => [c.ruleId, c.expect, c.name, c] as const))("%s %ss: %s", (ruleId, expected, _name, edge) => {
  it("as its text says", () => {
    const result = runRule(ruleId, edge.blocks);
    expect(result.evaluations).toBeGreaterThan(0);
    expect(result.unknown).toEqual([]);
    if (expected === "pass") expect(result.failures).toEqual([]);
    else expect(result.failures.map((f) => [f.ruleId, f.status])).toContainEqual([ruleId, "non_compliant"]);
  });
});

describe("Lambda.ActiveTracing", () => {
  it("does not apply to a Lambda@Edge function (X-Ray is unsupported there), and still fails a regional one beside it", () => {
    expect(runRule("Lambda.ActiveTracing", edgeFunction("/aws/lambda/us-east-1.fn"))).toMatchObject({ evaluations: 0, failures: [] });
    const regional = runRule("Lambda.ActiveTracing", [...edgeFunction("/aws/lambda/us-east-1.fn"), ["aws_lambda_function", "Y", { function_name: "other" }]]);
    expect(regional.failures.map((f) => f.address)).toEqual(["aws_lambda_function.Y"]);
  });
});

describe("SecretsManager.NoLiteralSecretValue", () => {
  it("finds a literal in the write-only secret_string_wo as well", () => {
    const result = runRule("SecretsManager.NoLiteralSecretValue", FIXTURES["SecretsManager.NoLiteralSecretValue"].fail);
    expect(result.failures.map((f) => [f.address, f.reason])).toEqual([
      ["aws_secretsmanager_secret_version.X", "secret_string is a literal"],
      ["aws_secretsmanager_secret_version.Y", "secret_string_wo is a literal"],
    ]);
  });
});
