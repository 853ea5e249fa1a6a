import { Testing, TerraformOutput, TerraformStack } from "cdktf";
import { describe, expect, it } from "vitest";
import { runPack } from "../../policies/engine/run";
import { PLATFORM_PACK } from "../../policies/pack";
import { formatReport } from "../../policies/report";
import { suppress } from "../../policies/suppress";
import { fixtureStack } from "./fixtures";

const REASON = "Public website assets are served to everyone through CloudFront by design";
/** A bucket with no TLS-only policy: S3.TlsOnly fails on it unless suppressed. */
const bucketWith = (comment?: Record<string, unknown>) => fixtureStack([
  ["aws_s3_bucket", "B", { bucket: "site", ...(comment ? { "//": comment } : {}) }],
]);
const tlsOnly = (stack: ReturnType<typeof bucketWith>) => {
  const result = runPack(PLATFORM_PACK, [stack]);
  return { result, tls: result.failures.filter((f) => f.ruleId === "S3.TlsOnly") };
};

describe("suppress() next to the construct", () => {
  const element = () => new TerraformOutput(new TerraformStack(Testing.app(), "s"), "o", { value: 1 });

  it("writes the rule and reason into the element's // object", () => {
    const output = element();
    suppress(output, "S3.TlsOnly", REASON);
    const json = TerraformStack.of(output).toTerraform() as { output: { o: Record<string, Record<string, unknown>> } };
    expect(json.output.o["//"].suppressions).toEqual([{ rule: "S3.TlsOnly", reason: REASON }]);
  });

  it.each([
    ["", "a reason is required"],
    ["because", 'reason "because" is shorter than 20 characters'],
    ["TODO fix this later on please", 'reason "TODO fix this later on please" is a placeholder, not an explanation'],
  ])("refuses the reason %j", (reason, problem) => {
    expect(() => suppress(element(), "S3.TlsOnly", reason)).toThrow(problem);
  });

  it("refuses a malformed rule id and a second suppression of one rule", () => {
    expect(() => suppress(element(), "s3-tls", REASON)).toThrow('rule id "s3-tls" is not of the form <Service>.<RuleName>');
    const output = element();
    suppress(output, "S3.TlsOnly", REASON);
    expect(() => suppress(output, "S3.TlsOnly", REASON)).toThrow("S3.TlsOnly is already suppressed here");
  });
});

describe("the checker and suppressions in the JSON", () => {
  it("fails the unsuppressed finding", () => {
    const { result, tls } = tlsOnly(bucketWith());
    expect(tls.map((f) => f.address)).toEqual(["aws_s3_bucket.B"]);
    expect(result.ok).toBe(false);
  });

  it("exempts a finding suppressed with a reason, and lists the suppression in the report", () => {
    const { result, tls } = tlsOnly(bucketWith({ suppressions: [{ rule: "S3.TlsOnly", reason: REASON }] }));
    expect(tls).toEqual([]);
    expect(result.suppressed.map((f) => [f.ruleId, f.suppressedBecause])).toContainEqual(["S3.TlsOnly", REASON]);
    expect(result.suppressions).toContainEqual({ stack: "fixture-prod-data", address: "aws_s3_bucket.B", rule: "S3.TlsOnly", reason: REASON, used: 1 });
    expect(formatReport(result, 1)).toContain(`because: ${REASON}`);
  });

  it("rejects a suppression written without a reason, even by hand", () => {
    const { result } = tlsOnly(bucketWith({ suppressions: [{ rule: "S3.TlsOnly" }] }));
    expect(result.suppressionProblems).toEqual([{ stack: "fixture-prod-data", address: "aws_s3_bucket.B", rule: "S3.TlsOnly", problem: "a reason is required" }]);
    expect(result.ok).toBe(false);
    expect(result.failures.some((f) => f.ruleId === "S3.TlsOnly")).toBe(true);
  });

  it("rejects a suppression of a rule the pack does not have", () => {
    const { result } = tlsOnly(bucketWith({ suppressions: [{ rule: "S3.NoSuchRule", reason: REASON }] }));
    expect(result.suppressionProblems.map((p) => p.problem)).toEqual(["unknown rule id S3.NoSuchRule (not in pack platform)"]);
    expect(result.ok).toBe(false);
  });

  it("turns a rule that throws into a failure nothing can suppress", () => {
    const broken = { ...PLATFORM_PACK.entries[0].rule, id: "Test.Throws", scope: "resource" as const, resourceTypes: ["aws_s3_bucket"], check: () => { throw new Error("boom"); } };
    const result = runPack({ name: "t", description: "t", entries: [{ rule: broken, severity: "high" }] }, [bucketWith({ suppressions: [{ rule: "Test.Throws", reason: REASON }] })]);
    expect(result.failures).toEqual([expect.objectContaining({ ruleId: "Test.Throws", status: "error", reason: "rule threw: boom" })]);
  });
});
