import { describe, expect, it } from "vitest";
import { definePack } from "../../policies/engine/pack";
import { runPack } from "../../policies/engine/run";
import { PLATFORM_PACK } from "../../policies/pack";
import { TerraformPreventDestroyInProd } from "../../policies/rules/terraform/prevent-destroy-in-prod";
import { STATEFUL_RESOURCE_TYPES } from "../../policies/stateful-types";
import { fixtureStack } from "./fixtures";

const pack = definePack("one", "prevent_destroy only", [{ rule: TerraformPreventDestroyInProd, severity: "high" }]);
const unprotected = STATEFUL_RESOURCE_TYPES.map((type, i) => [type, `R${i}`, {}] as const);
const run = (environment?: string) => runPack(pack, [fixtureStack(unprotected, { environment })]);

describe("Terraform.PreventDestroyInProd", () => {
  it("fails every stateful type without prevent_destroy in production, naming what it found", () => {
    const result = run("prod");
    expect(result.failures.map((f) => f.address)).toEqual(unprotected.map(([type, name]) => `${type}.${name}`).sort());
    expect(result.failures[0].reason).toBe("lifecycle.prevent_destroy is unset");
  });

  it("covers staging, and stacks without an environment tag (state stacks)", () => {
    expect(run("staging").failures).toHaveLength(STATEFUL_RESOURCE_TYPES.length);
    expect(run("dev+staging").failures).toHaveLength(STATEFUL_RESOURCE_TYPES.length);
    const untagged = fixtureStack(unprotected);
    const tags = untagged.json.provider!.aws[0].default_tags as { tags: Record<string, string> }[];
    delete tags[0].tags.environment;
    expect(runPack(pack, [untagged]).failures).toHaveLength(STATEFUL_RESOURCE_TYPES.length);
  });

  it("leaves dev alone: dev data is meant to be torn down in one apply", () => {
    expect(run("dev").evaluations).toBe(0);
  });

  it("takes only a literal true: Terraform reads lifecycle before evaluating expressions", () => {
    const stack = fixtureStack([["aws_kms_key", "K", { lifecycle: { prevent_destroy: "${var.protect}" } }]]);
    expect(runPack(pack, [stack]).failures.map((f) => f.reason)).toEqual(['lifecycle.prevent_destroy is "${var.protect}"']);
  });

  it("is in the platform pack at high severity, its description naming every stateful type", () => {
    const entry = PLATFORM_PACK.entries.find((e) => e.rule.id === "Terraform.PreventDestroyInProd");
    expect(entry?.severity).toBe("high");
    for (const type of STATEFUL_RESOURCE_TYPES) expect(TerraformPreventDestroyInProd.description).toContain(type);
  });
});
