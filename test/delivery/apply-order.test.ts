import { describe, expect, it } from "vitest";
import {
  applyOrder, applyWaves, DependencyCycleError, deploymentStacks, destroyOrder, externalDependencies, ManifestError, type StackManifest, stackOwners, upstreamOf,
} from "../../lib/apply-order";
import { stateBackendFor } from "../../lib/state-backend";
import { MAX_WAVES } from "../../scripts/ops/ci/matrix";
import { organizationStacks } from "../../scripts/ops/workspace";
import { LAYERS, scopeStackName } from "../../stacks/layers";
import { DEPLOYMENTS } from "../support/deployments";
import { realManifest } from "./support";

/** A manifest from `stack: [dependencies]`. */
const manifestOf = (deps: Record<string, string[]>): StackManifest => ({
  stacks: Object.fromEntries(Object.entries(deps).map(([name, dependencies]) => [name, { name, dependencies }])),
});

describe("applyWaves (pure)", () => {
  const m = manifestOf({ "acct-r-state": [], "app-prod-network": ["acct-r-state"], "app-prod-data": ["acct-r-state", "app-prod-network"], "app-prod-compute": ["app-prod-data", "app-prod-network"], other: [] });

  it("puts each stack one wave after its latest dependency, sorted by layer then name within a wave", () => {
    expect(applyWaves(m)).toEqual([["acct-r-state", "other"], ["app-prod-network"], ["app-prod-data"], ["app-prod-compute"]]);
    expect(applyWaves(manifestOf({ "b-data": [], "a-network": [], "c-network": [] }))).toEqual([["a-network", "c-network", "b-data"]]);
    expect(applyOrder(m)).toEqual(["acct-r-state", "other", "app-prod-network", "app-prod-data", "app-prod-compute"]);
  });

  it("keeps the order through a stack left out of the subset", () => {
    // compute depends on network only through data; without data it still follows network.
    expect(applyWaves(m, ["app-prod-compute", "app-prod-network"])).toEqual([["app-prod-network"], ["app-prod-compute"]]);
    expect(applyWaves(m, ["app-prod-compute"])).toEqual([["app-prod-compute"]]);
  });

  it("destroys in reverse apply order", () => {
    expect(destroyOrder(m, ["acct-r-state", "app-prod-network", "app-prod-data"])).toEqual(["app-prod-data", "app-prod-network", "acct-r-state"]);
  });

  it("lists every upstream stack, direct or not", () => {
    expect(upstreamOf(m, "app-prod-compute")).toEqual(["acct-r-state", "app-prod-data", "app-prod-network"]);
    expect(upstreamOf(m, "acct-r-state")).toEqual([]);
  });

  it("reports a cycle with the stacks on it", () => {
    const cyclic = manifestOf({ a: ["b"], b: ["c"], c: ["a"], d: [] });
    expect(() => applyWaves(cyclic)).toThrow(DependencyCycleError);
    expect(() => applyWaves(cyclic)).toThrow("Dependency cycle between stacks (each depends on the next): a -> b -> c -> a");
    try {
      applyOrder(manifestOf({ x: ["x"] }));
    } catch (error) {
      expect((error as DependencyCycleError).cycle).toEqual(["x", "x"]);
    }
  });

  it("rejects a dependency that is not in the manifest, and unknown subset names", () => {
    expect(() => applyWaves(manifestOf({ a: ["ghost"] }))).toThrow(new ManifestError("Stack a depends on ghost, which is not in the manifest"));
    expect(() => applyWaves(m, ["nope"])).toThrow("Unknown stack: nope. Known stacks: acct-r-state, app-prod-compute,");
  });

  it("selects a deployment's stacks with its account's state stack, and not another deployment's", () => {
    const d = { name: "app-prod", account: { name: "acct" }, region: "r" };
    expect(deploymentStacks(m, d)).toEqual(["acct-r-state", "app-prod-network", "app-prod-data", "app-prod-compute"]);
    expect(externalDependencies(m, ["app-prod-data"])).toEqual(["acct-r-state", "app-prod-network"]);
  });
});

describe("apply order of every synthesized deployment", () => {
  const manifest = () => realManifest();

  it.each(DEPLOYMENTS.map((d) => [d.name, d] as const))("%s: state stack first, then its account's governance stack, then its layers in dependency order", (_name, d) => {
    const order = deploymentStacks(manifest(), d);
    const state = stateBackendFor(d.account, d.region).stackName;
    const governance = scopeStackName({ kind: "account", account: d.account.name, region: d.region }, "governance");
    // The organization's stacks a deployment reads (serverless-saas' OAM link reads the sink) come with it, applied by an administrator.
    const organization = order.filter((s) => s.includes("-organization-"));
    expect(organization).toEqual(d.system === "serverless-saas" ? ["the-stack-organization-observability"] : []);
    expect(order.filter((s) => !organization.includes(s)).slice(0, 2)).toEqual([state, governance]);
    // Every stack named after the deployment is included, and nothing of another deployment.
    const own = Object.keys(manifest().stacks).filter((s) => s.startsWith(`${d.name}-`) && LAYERS.some((l) => s === `${d.name}-${l}`));
    // Account-scoped stacks of the deployment's account and region (the edge one where it has a REST API).
    const scoped = LAYERS.map((l) => state.replace(/-state$/, `-${l}`)).filter((s) => s !== state && s in manifest().stacks);
    expect([...order].sort()).toEqual([state, ...scoped, ...own, ...organization].sort());
    expect(own.length).toBeGreaterThanOrEqual(1);
    // Each stack comes after everything it depends on (explicit dependency or cross-stack reference).
    for (const [i, stack] of order.entries()) {
      for (const dep of manifest().stacks[stack].dependencies) expect(order.indexOf(dep), `${stack} needs ${dep} first`).toBeLessThan(i);
    }
    // A deployment depends on nothing outside itself, so its apply is self-contained.
    // (but for the state stack of the monitoring account, which holds the organization's sink and is applied with it).
    expect(externalDependencies(manifest(), order)).toEqual(organization.length > 0 ? ["saas-monitoring-eu-west-1-state"] : []);
    // Order follows the dependencies, not the layer list (docs/delivery.md: waves come from the manifest), so a
    // layer needing only state and data (edge) is applied before network-dependent ones; within a wave, SPEC layer order.
    expect(order).toEqual(applyWaves(manifest(), order).flat());
    for (const wave of applyWaves(manifest(), order)) {
      const layerIndex = wave.map((s) => LAYERS.indexOf(s.slice(s.lastIndexOf("-") + 1) as (typeof LAYERS)[number]));
      expect(layerIndex).toEqual([...layerIndex].sort((a, b) => a - b));
    }
    if (order.includes(`${d.name}-data`) && manifest().stacks[`${d.name}-data`].dependencies.includes(`${d.name}-network`)) {
      expect(order.indexOf(`${d.name}-network`)).toBeLessThan(order.indexOf(`${d.name}-data`));
    }
  });

  it("gives every stack an owner (the organization's own stacks to the organization), and shares commerce's nonprod state stack between dev and staging", () => {
    const owners = stackOwners(manifest(), DEPLOYMENTS);
    // The sink stack is also upstream of serverless-saas' link stacks; describeStacks gives it the monitoring pseudo-owner.
    const sink = "the-stack-organization-observability";
    expect(Object.keys(manifest().stacks).filter((s) => !owners.has(s)).sort()).toEqual([...organizationStacks().keys()].filter((s) => s !== sink).sort());
    expect([...organizationStacks().keys()]).toEqual(["saas-management-eu-west-1-state", "the-stack-organization-governance", "saas-monitoring-eu-west-1-state", sink]);
    expect(owners.get("commerce-nonprod-us-west-2-state")!.map((d) => d.name)).toEqual(["commerce-staging", "commerce-dev"]);
  });

  it("fits the workflows' wave jobs", () => {
    expect(applyWaves(manifest()).length).toBeLessThanOrEqual(MAX_WAVES);
  });
});
