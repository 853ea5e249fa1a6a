import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveDeployments } from "../config/resolve";
import { synthesize } from "../lib/synth";
import { loadSynthDir } from "../policies/engine/load";
import { runPack } from "../policies/engine/run";
import { PLATFORM_PACK } from "../policies/pack";

const work = mkdtempSync(join(tmpdir(), "accepted-risks-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const REASON = "load-test copy of production, rebuilt from fixtures every night";
const input = (acceptedRisks?: Record<string, string>) => ({
  system: "axonflow", environment: "prod", region: "us-east-1", account: "axonflow-prod", deletionProtection: false, acceptedRisks,
  network: { cidr: "10.30.0.0/16", workloads: [{ name: "api", description: "application containers" }] },
  data: { rds: [{ id: "Main", identifier: "axonflow-prod-db", engine: "postgres", engineVersion: "15.15", instanceClass: "db.t3.medium", allocatedStorageGib: 20, databaseName: "axonflow", masterUsername: "axonflow", consumers: ["api"] }] },
});

describe("a production risk accepted in config reaches the policy checks", () => {
  it("suppresses Terraform.PreventDestroyInProd on each stateful resource, with the config's reason", () => {
    synthesize(resolveDeployments([input({ unprotectedProduction: REASON })]), join(work, "accepted"));
    const result = runPack(PLATFORM_PACK, loadSynthDir(join(work, "accepted")));
    expect(result.failures.filter((f) => f.ruleId === "Terraform.PreventDestroyInProd")).toEqual([]);
    const suppressed = result.suppressed.filter((f) => f.ruleId === "Terraform.PreventDestroyInProd");
    expect(suppressed.length).toBeGreaterThan(3);
    for (const f of suppressed) expect(f.suppressedBecause).toBe(`accepted in config (acceptedRisks.unprotectedProduction): ${REASON}`);
  });

  it("is refused by config, not left to the checks, when no reason is given", () => {
    expect(() => resolveDeployments([input()])).toThrow('axonflow-prod: deletionProtection = false: must be true in staging and production, or accepted with acceptedRisks.unprotectedProduction: "<reason>"');
  });
});
