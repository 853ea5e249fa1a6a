import { describe, expect, it } from "vitest";
import { addresses, stack, stackNames } from "./support/synth";

/**
 * Terraform addresses and output names of every stack. A diff here means a
 * plan would destroy and recreate a resource (or break a consumer of an
 * output): rename through `moveToId`/`moved` blocks, then update the snapshot.
 */
describe("address stability", () => {
  it("keeps every resource address and output name", async () => {
    const snapshot = Object.fromEntries(stackNames().map((name) => [name, {
      resources: addresses(stack(name)),
      outputs: Object.keys(stack(name).output ?? {}).sort(),
    }]));
    await expect(JSON.stringify(snapshot, null, 2) + "\n").toMatchFileSnapshot("./__snapshots__/addresses.json");
  });
});
