import { describe, expect, it } from "vitest";
import { LAYER_SCOPES, LAYERS, layerIndex, layerOf } from "../stacks/layers";
import { DEPLOYMENTS } from "./support/deployments";
import { manifest, stackNames } from "./support/synth";

/** What a stack is, from its name: a deployment's layer stack, or a scope stack. */
function kindOf(name: string): { scope: "deployment"; deployment: string; layer: string } | { scope: "account" | "organization"; layer: string } {
  const layer = layerOf(name);
  if (!layer) throw new Error(`${name} ends in no layer`);
  const deployment = DEPLOYMENTS.find((d) => name === `${d.name}-${layer}`);
  if (deployment) return { scope: "deployment", deployment: deployment.name, layer };
  return { scope: name.includes("-organization-") ? "organization" : "account", layer };
}

describe("layer dependency rules (stacks/layers.ts) over the manifest", () => {
  it("every stack is a deployment's layer stack or a scope stack its layer allows", () => {
    for (const name of stackNames()) {
      const kind = kindOf(name);
      expect(LAYER_SCOPES[layerOf(name)!], name).toContain(kind.scope);
    }
  });

  it("a deployment stack depends only on earlier layers of its own deployment, or on scope stacks", () => {
    for (const name of stackNames()) {
      const kind = kindOf(name);
      for (const dependency of manifest().stacks[name].dependencies) {
        const upstream = kindOf(dependency);
        if (upstream.scope !== "deployment") continue;
        expect(kind.scope, `${name} -> ${dependency}`).toBe("deployment");
        expect(upstream.deployment, `${name} -> ${dependency}`).toBe(kind.scope === "deployment" ? kind.deployment : undefined);
        expect(LAYERS.indexOf(upstream.layer as never), `${name} -> ${dependency}`).toBeLessThan(LAYERS.indexOf(kind.layer as never));
      }
    }
  });

  it("a scope stack depends only on scope stacks of earlier layers, or an account stack on its layer's organization stack", () => {
    for (const name of stackNames().filter((n) => kindOf(n).scope !== "deployment")) {
      for (const dependency of manifest().stacks[name].dependencies) {
        expect(kindOf(dependency).scope, `${name} -> ${dependency}`).not.toBe("deployment");
        const sameLayerAllowed = kindOf(name).scope === "account" && kindOf(dependency).scope === "organization";
        if (sameLayerAllowed) expect(layerIndex(layerOf(dependency)!), `${name} -> ${dependency}`).toBeLessThanOrEqual(layerIndex(layerOf(name)!));
        else expect(layerIndex(layerOf(dependency)!), `${name} -> ${dependency}`).toBeLessThan(layerIndex(layerOf(name)!));
      }
    }
  });

  it("each deployment has exactly the stacks of the layers it uses, data reading network", () => {
    for (const d of DEPLOYMENTS) {
      expect(stackNames().filter((n) => kindOf(n).scope === "deployment" && n.startsWith(`${d.name}-`)), d.name)
        .toEqual(d.layers.map((l) => `${d.name}-${l}`).sort());
      if (d.layers.includes("data")) {
        expect([...manifest().stacks[`${d.name}-data`].dependencies].sort()).toEqual([`${d.account.name}-${d.region}-state`, `${d.name}-network`].sort());
      }
    }
  });
});
