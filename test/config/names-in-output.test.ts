import { describe, expect, it } from "vitest";
import { DEPLOYMENT_INPUTS } from "../../config";
import { NameRegistry } from "../../config/names";
import { resolveDeployments } from "../../config/resolve";
import { stateBackendFor } from "../../lib/state-backend";
import { stack, stackNames } from "../support/synth";

/**
 * The name registry checks the names the resolvers predict; stacks and
 * modules build them. This keeps the two from drifting: every registered
 * name is one the synthesized JSON really carries, in a stack of its
 * deployment or in its account's state stack.
 */
describe("registered names are the names synthesized", () => {
  const names = new NameRegistry();
  const deployments = resolveDeployments(DEPLOYMENT_INPUTS, undefined, names);

  it.each(deployments.map((d) => [d.name, d] as const))("%s", (_name, d) => {
    const own = [...stackNames().filter((n) => n.startsWith(`${d.name}-`)), stateBackendFor(d.account, d.region).stackName];
    const text = own.map((n) => JSON.stringify(stack(n))).join("\n");
    const entries = names.entries().filter((e) => e.owner.deployment === d.name);
    expect(entries.length).toBeGreaterThan(5);
    for (const e of entries) {
      expect(text, `${e.kind} ${e.name}`).toContain(e.kind === "kms-alias" ? `"alias/${e.name}"` : JSON.stringify(e.name));
    }
  });
});
