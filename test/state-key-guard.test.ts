import { App } from "cdktf";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stateBackendFor } from "../lib/state-backend";
import { NetworkStack } from "../stacks/network-stack";
import { StateStack } from "../stacks/state-stack";
import { deployment } from "./support/deployments";

describe("state key guard", () => {
  // cdktf's App creates its outdir on construction, even when nothing is synthesized: keep it out of the repository.
  const outdir = mkdtempSync(join(tmpdir(), "state-key-guard-"));
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it("refuses a second stack on a state key already in use", () => {
    const app = new App({ outdir });
    const d = deployment("commerce-prod");
    const stateStack = new StateStack(app, { account: d.account, backend: stateBackendFor(d.account, d.region) });
    new NetworkStack(app, { deployment: d, stateStack });
    // A copy under another name would share commerce/prod/network.tfstate.
    const twin = { ...d, name: "commerce-prod-twin" };
    expect(() => new NetworkStack(app, { deployment: twin, stateStack })).toThrow(
      "State key commerce-prod-us-west-2-tfstate/commerce/prod/network.tfstate of stack commerce-prod-twin-network is already used by stack commerce-prod-network",
    );
  });
});
