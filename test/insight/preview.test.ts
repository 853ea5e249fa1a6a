import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEPLOYMENT_INPUTS } from "../../config";
import { previewCidr, previewDeployment } from "../../config/preview";
import { resolveDeployments } from "../../config/resolve";
import { synthesize } from "../../lib/synth";
import { skipTokenTraces } from "../../lib/token-traces";
import { loadSynthDir } from "../../policies/engine/load";
import type { StackJson } from "../../policies/engine/stack-json";
import { stack, stackNames } from "../support/synth";

/** Only the two previews are synthesized here (three small stacks each); every other deployment comes from the shared synth. */
const outdir = join(mkdtempSync(join(tmpdir(), "preview-")), "cdktf.out");
const restore = skipTokenTraces();
try {
  synthesize(resolveDeployments([previewDeployment(12), previewDeployment(13)]), outdir);
} finally {
  restore();
}
afterAll(() => rmSync(join(outdir, ".."), { recursive: true, force: true }));
const previews = loadSynthDir(outdir);
const json = (name: string): StackJson => previews.find((s) => s.name === name)!.json;

/** Every literal `name`-like argument of a stack's resources (names AWS makes unique in an account). */
function namesOf(s: StackJson): string[] {
  return Object.values(s.resource ?? {}).flatMap((byId) => Object.values(byId).flatMap((r) =>
    ["name", "bucket", "identifier", "email_identity"].map((k) => r[k]).filter((v): v is string => typeof v === "string" && !v.includes("${"))));
}

describe("preview deployments of two pull requests at once", () => {
  it("validate together with every configured deployment: no name shared in the integration-test account, no overlapping VPC", () => {
    const all = resolveDeployments([...DEPLOYMENT_INPUTS, previewDeployment(12), previewDeployment(13)]);
    expect(all.slice(-2).map((d) => [d.name, d.environment, d.stage, d.account.name, d.preset.nat, d.deletionProtection, d.network.cidr])).toEqual([
      ["serverless-saas-pr-12", "dev", "pr-12", "saas-integration-test", "single", false, "10.42.192.0/20"],
      ["serverless-saas-pr-13", "dev", "pr-13", "saas-integration-test", "single", false, "10.42.208.0/20"],
    ]);
  });

  it("synthesize their own network, data, messaging and observability stacks, beside the scope stacks of their account and organization, which a preview never applies", () => {
    expect(previews.map((s) => s.name)).toEqual([
      "saas-integration-test-eu-west-1-governance",
      "saas-integration-test-eu-west-1-observability",
      "saas-integration-test-eu-west-1-state",
      "saas-management-eu-west-1-state",
      "saas-monitoring-eu-west-1-state",
      "serverless-saas-pr-12-data", "serverless-saas-pr-12-messaging", "serverless-saas-pr-12-network", "serverless-saas-pr-12-observability",
      "serverless-saas-pr-13-data", "serverless-saas-pr-13-messaging", "serverless-saas-pr-13-network", "serverless-saas-pr-13-observability",
      "the-stack-organization-governance",
      "the-stack-organization-observability",
    ]);
  });

  it("keep their state under their own keys, beside the dev deployment's, tagged with their stage", () => {
    for (const layer of ["network", "data", "messaging"]) {
      const keys = [12, 13].map((n) => (json(`serverless-saas-pr-${n}-${layer}`).terraform!.backend!.s3 as { key: string }).key);
      expect(keys).toEqual([`serverless-saas/pr-12/${layer}.tfstate`, `serverless-saas/pr-13/${layer}.tfstate`]);
      expect((stack(`serverless-saas-dev-${layer}`).terraform.backend.s3 as { key: string }).key).toBe(`serverless-saas/dev/${layer}.tfstate`);
      expect(JSON.stringify(json(`serverless-saas-pr-12-${layer}`).provider!.aws[0].default_tags)).toContain('"environment":"pr-12"');
    }
  });

  it("name every resource apart from each other and from the dev deployment in the same account", () => {
    const of = (n: number) => ["network", "data", "messaging"].flatMap((l) => namesOf(json(`serverless-saas-pr-${n}-${l}`)));
    const dev = stackNames().filter((s) => s.startsWith("serverless-saas-dev-")).flatMap((s) => namesOf(stack(s) as unknown as StackJson));
    expect(of(12)).toContain("serverless-saas-pr-12-app");
    expect(of(12)).toContain("serverless-saas-pr-12-media-images");
    expect(of(12)).toContain("pr-12.thestack.dev");
    const names12 = of(12).filter((n) => n !== "write-flow-logs" && n !== "stream-to-bus"); // inline policy names are per role
    expect(names12.filter((n) => of(13).includes(n) || dev.includes(n))).toEqual([]);
    expect(names12.length).toBeGreaterThan(15);
  });

  it("give pull requests 16 apart the same /20 slot, and keep every slot inside 10.42.0.0/16", () => {
    expect([1, 15, 16, 17].map(previewCidr)).toEqual(["10.42.16.0/20", "10.42.240.0/20", "10.42.0.0/20", "10.42.16.0/20"]);
  });

  it("refuse a pull-request number outside 1-999999 with the usual config message", () => {
    expect(() => resolveDeployments([previewDeployment(0)])).toThrow("  - serverless-saas-pr-0: preview = 0: must be at least 1");
    expect(resolveDeployments([previewDeployment(1)])[0].name).toBe("serverless-saas-pr-1");
    expect(resolveDeployments([previewDeployment(999_999)])[0].name).toBe("serverless-saas-pr-999999");
    expect(() => resolveDeployments([previewDeployment(1_000_000)])).toThrow("  - serverless-saas-pr-1000000: preview = 1000000: must be at most 999999");
  });
});
