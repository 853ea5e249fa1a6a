import { describe, expect, it } from "vitest";
import { STATEFUL_RESOURCE_TYPES } from "../policies/stateful-types";
import { DEPLOYMENTS } from "./support/deployments";
import { resources, stack, stackNames } from "./support/synth";

/** Every stateful resource of a stack, as `[address, attributes]`. */
const stateful = (name: string) => STATEFUL_RESOURCE_TYPES.flatMap((type) =>
  Object.entries(resources(stack(name), type)).map(([id, r]) => [`${type}.${id}`, r] as const));

describe("protection follows the deployment's deletionProtection", () => {
  describe.each(DEPLOYMENTS.map((d) => [d.name, d] as const))("%s", (_name, d) => {
    // Layer stacks only: the account's state stack protects itself whatever the deployment says (test/state.test.ts).
    const layers = [`${d.name}-network`, `${d.name}-data`].filter((s) => stackNames().includes(s));

    it("prevents the destruction of every stateful resource exactly when the deployment protects its data", () => {
      const found = layers.flatMap(stateful);
      expect(found.length).toBeGreaterThan(0);
      for (const [address, r] of found) expect([address, r.lifecycle]).toEqual([address, { prevent_destroy: d.deletionProtection }]);
    });

    it("turns CloudWatch deletion protection on for every log group (flow, database, cache logs) likewise", () => {
      const groups = layers.flatMap((s) => Object.values(resources(stack(s), "aws_cloudwatch_log_group")));
      expect(groups.length).toBeGreaterThan(0);
      for (const g of groups) expect([g.name, g.deletion_protection_enabled]).toEqual([g.name, d.deletionProtection]);
    });
  });

  it("staging and prod protect, dev does not (the presets)", () => {
    for (const d of DEPLOYMENTS) expect([d.name, d.deletionProtection]).toEqual([d.name, d.environment !== "dev"]);
  });
});
