import { describe, expect, it } from "vitest";
import { stateBackendFor } from "../lib/state-backend";
import { idleCpus, MIN_STACKS_PER_WORKER, partFromEnv, synthGroups, workersFor } from "../lib/synth-parallel";
import { DEPLOYMENTS } from "./support/deployments";

const backendOf = (d: (typeof DEPLOYMENTS)[number]) => stateBackendFor(d.account, d.region).stackName;

describe("synth groups", () => {
  it("puts every deployment in exactly one group, keeping those that share a state stack together", () => {
    const groups = synthGroups(DEPLOYMENTS, 2);
    expect(groups).toHaveLength(2);
    expect(groups.flat().map((d) => d.name).sort()).toEqual(DEPLOYMENTS.map((d) => d.name).sort());
    const groupOf = (name: string) => groups.findIndex((g) => g.some((d) => d.name === name));
    expect(groupOf("commerce-dev")).toBe(groupOf("commerce-staging"));
    for (const g of groups) for (const d of g) expect(groups.filter((o) => o.some((x) => backendOf(x) === backendOf(d)))).toHaveLength(1);
  });

  it("balances the groups by stacks (no further apart than one account's stacks) and keeps configuration order inside each", () => {
    const stacksOf = (g: readonly (typeof DEPLOYMENTS)[number][]) => new Set(g.map(backendOf)).size + g.reduce((n, d) => n + d.layers.length, 0);
    const stacks = synthGroups(DEPLOYMENTS, 2).map(stacksOf);
    const smallestAccount = Math.min(...[...new Set(DEPLOYMENTS.map(backendOf))].map((b) => stacksOf(DEPLOYMENTS.filter((d) => backendOf(d) === b))));
    expect(Math.abs(stacks[0] - stacks[1])).toBeLessThanOrEqual(smallestAccount);
    for (const g of synthGroups(DEPLOYMENTS, 2)) {
      expect(g.map((d) => DEPLOYMENTS.indexOf(d))).toEqual([...g.map((d) => DEPLOYMENTS.indexOf(d))].sort((a, b) => a - b));
    }
  });

  it("never makes more groups than state stacks", () => {
    expect(synthGroups(DEPLOYMENTS.filter((d) => d.system === "commerce" && d.environment !== "prod"), 2)).toHaveLength(1);
  });
});

describe("workers", () => {
  it("takes two processes at today's 74 stacks (two workers' worth of MIN_STACKS_PER_WORKER)", () => {
    expect(workersFor(DEPLOYMENTS, 2)).toBe(2);
  });

  it("counts only the cores other processes leave idle, at least one", () => {
    expect(idleCpus(2, 0.2)).toBe(2);
    expect(idleCpus(2, 0.6)).toBe(1);
    expect(idleCpus(2, 4.4)).toBe(1);
    expect(idleCpus(4, 1.4)).toBe(3);
    expect(idleCpus(4, 0)).toBe(4);
  });

  it("uses a process per MIN_STACKS_PER_WORKER stacks, up to the cores", () => {
    const twice = [...DEPLOYMENTS, ...DEPLOYMENTS.map((d) => ({ ...d, name: `${d.name}-copy`, account: { name: `${d.account.name}-copy` } }))];
    expect(MIN_STACKS_PER_WORKER).toBe(25);
    expect(workersFor(twice, 2)).toBe(2);
    expect(workersFor(twice, 8)).toBe(5);
    expect(workersFor(twice, 1)).toBe(1);
  });

  it("reads SYNTH_PART", () => {
    expect(partFromEnv("1/2")).toEqual({ index: 1, count: 2 });
    expect(partFromEnv(undefined)).toBeUndefined();
    expect(partFromEnv("2")).toBeUndefined();
  });
});
