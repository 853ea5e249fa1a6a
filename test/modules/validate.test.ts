import { TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import { accepted, between, check, matches, maxLength, ModulePropsError, oneOf, validateProps } from "../../modules/validate";
import { newStack } from "../support/modules";

/** A module with two checked props, as every module in modules/ checks its own. */
class Probe extends Construct {
  constructor(scope: Construct, id: string, props: { days?: number; name?: string }) {
    super(scope, id);
    validateProps(this, [
      check("days", props.days, between(7, 30, "a window")),
      check("name", props.name, maxLength(3, "a short name")),
    ]);
  }
}

describe("module prop validation", () => {
  it("throws one error listing every problem as <path>: <prop> = <value>: <allowed>", () => {
    const stack = newStack();
    expect(() => new Probe(stack, "Probe", { days: 31, name: "long" })).toThrow(new ModulePropsError([
      'test/Probe: days = 31: must be a whole number from 7 to 30 (a window)',
      'test/Probe: name = "long": must be at most 3 characters (a short name)',
    ]));
    const thrown = (() => {
      try {
        new Probe(newStack(), "Probe", { days: 6 });
      } catch (error) {
        return (error as Error).message;
      }
      return "nothing thrown";
    })();
    expect(thrown).toBe("Invalid module props (1 problem):\n  - test/Probe: days = 6: must be a whole number from 7 to 30 (a window)");
  });

  it("skips unset props and unresolved tokens, whose values exist only at apply time", () => {
    const stack = newStack();
    const days = new TerraformVariable(stack, "days", { type: "number" });
    const name = new TerraformVariable(stack, "name", { type: "string" });
    expect(() => new Probe(stack, "Unset", {})).not.toThrow();
    expect(() => new Probe(stack, "Tokens", { days: days.numberValue, name: `${name.stringValue}-suffix` })).not.toThrow();
  });

  it("builds rules whose messages say what is allowed", () => {
    expect(between(1, 2, "x").when(1.5)).toBe(true);
    expect(oneOf([1, 3], "odd").allowed).toBe("must be one of: 1, 3 (odd)");
    expect(matches(/^a$/, "must be a").when("b")).toBe(true);
  });

  it("takes the message of a value-dependent check from the check itself, and never judges a token", () => {
    const even = (n: number) => (n % 2 === 0 ? undefined : `must be even, ${n} is odd`);
    expect(accepted(3, even)).toMatchObject({ allowed: "must be even, 3 is odd" });
    expect(accepted(3, even).when(3)).toBe(true);
    expect(accepted(4, even).when(4)).toBe(false);
    const days = new TerraformVariable(newStack(), "days", { type: "number" });
    expect(accepted(days.numberValue, even).when(days.numberValue)).toBe(false);
  });
});
