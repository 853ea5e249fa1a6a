import { describe, expect, it } from "vitest";
import { diagnostics, waitsFor } from "../../scripts/ops/ci/diagnostics";
import { classifyFailure } from "../../scripts/ops/ci/plan";
import { copyOfSynth } from "./support";
import * as texts from "./terraform-errors";

describe("provisional plans: only a missing upstream output of a producer not applied yet", () => {
  const synth = copyOfSynth();
  const data = synth.infos.get("commerce-prod-data")!;
  const classify = (output: string) => classifyFailure(output, data, "plan", synth.infos).status;

  it("reads Terraform's plain and boxed diagnostics", () => {
    expect(diagnostics(`${texts.MISSING_OUTPUT}\nWarning: Deprecated attribute\n\n  something\n`).map((d) => `${d.severity}: ${d.summary}`)).toEqual(["Error: Unsupported attribute", "Warning: Deprecated attribute"]);
    expect(diagnostics(texts.MISSING_OUTPUT_BOXED)[0]).toMatchObject({ severity: "Error", summary: "Unsupported attribute" });
    expect(diagnostics(texts.MISSING_OUTPUT_BOXED)[0].body).toContain('This object does not have an attribute named "logs_kms_key_arn".');
  });

  it("waits for the producer when its state lacks an output it declares, or has no state at all", () => {
    expect(classify(texts.MISSING_OUTPUT)).toBe("provisional");
    expect(classify(texts.MISSING_OUTPUT_BOXED)).toBe("provisional");
    expect(classify(texts.NO_REMOTE_STATE)).toBe("provisional");
    expect(classify(`${texts.NO_REMOTE_STATE}${texts.MISSING_OUTPUT}`)).toBe("provisional");
    expect(waitsFor(diagnostics(texts.MISSING_OUTPUT)[0], data, synth.infos)).toBe("commerce-prod-network");
  });

  it("fails on the same error for a resource attribute, an output the producer does not declare, or a foreign remote state", () => {
    expect(classify(texts.RESOURCE_ATTRIBUTE)).toBe("failed");
    expect(classify(texts.NESTED_RESOURCE_ATTRIBUTE)).toBe("failed");
    expect(classify(texts.UNDECLARED_OUTPUT)).toBe("failed");
    expect(classify(texts.FOREIGN_REMOTE_STATE)).toBe("failed");
  });

  it("fails when a real error comes with the missing outputs, and never excuses an init", () => {
    expect(classify(`${texts.MISSING_OUTPUT}${texts.RESOURCE_ATTRIBUTE}`)).toBe("failed");
    expect(classifyFailure(texts.NO_REMOTE_STATE, data, "init", synth.infos).status).toBe("failed");
    // The network stack reads nobody's state: the same text there is not about its producers.
    expect(classifyFailure(texts.MISSING_OUTPUT, synth.infos.get("commerce-prod-network")!, "plan", synth.infos).status).toBe("failed");
    expect(classify("Error: Unsupported attribute\n\nsomething else entirely\n")).toBe("failed");
  });
});
