import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readInfracost, renderCosts } from "../../scripts/ops/ci/cost";
import { ALLOW_DESTROY_LABEL, applyGate, gateFindings, isGated, labelApprover, parseAllowList } from "../../scripts/ops/ci/gate";
import type { PlanResult } from "../../scripts/ops/ci/plan";
import { destructiveAction, hasAppliedResources, type PlanJson, parsePlanJson, planFingerprint, statefulChanges } from "../../scripts/ops/ci/plan-json";
import { gateSection } from "../../scripts/ops/ci/report";
import { STATEFUL_RESOURCE_TYPES } from "../../scripts/ops/ci/stateful-types";
import { runOps } from "../support/run-process";
import { copyOfSynth, ROOT, tempDir } from "./support";

const fixture = (): PlanJson => parsePlanJson(readFileSync(join(__dirname, "fixtures", "plan-destructive.json"), "utf8"));
const result = (stack: string, gated: boolean, stateful: PlanResult["stateful"]): PlanResult => ({ stack, deployment: "d", region: "r", kind: "layer", status: "changes", summary: "Plan: …", gated, stateful });

describe("plan JSON", () => {
  it("lists stateful resources deleted or replaced, in either order; not creates, updates, moves, forgets, data sources or stateless types", () => {
    expect(statefulChanges(fixture())).toEqual([
      { address: "aws_kms_key.Data_Key", type: "aws_kms_key", action: "replace" },
      { address: "aws_rds_cluster.Main_Cluster", type: "aws_rds_cluster", action: "replace" },
      { address: "aws_s3_bucket.Images_Bucket", type: "aws_s3_bucket", action: "delete" },
      { address: "aws_sqs_queue.Jobs_Queue", type: "aws_sqs_queue", action: "replace", previousAddress: "aws_sqs_queue.Queue" },
    ]);
    expect([["delete"], ["delete", "create"], ["create", "delete"], ["no-op"], ["update"], ["create"], ["forget"], ["read"]].map(destructiveAction)).toEqual(["delete", "replace", "replace", undefined, undefined, undefined, undefined, undefined]);
  });

  it("keeps the stateful types in one list, with the kinds the platform creates", () => {
    for (const t of ["aws_db_instance", "aws_rds_cluster", "aws_rds_cluster_instance", "aws_neptune_cluster", "aws_neptune_cluster_instance", "aws_elasticache_replication_group", "aws_dynamodb_table", "aws_s3_bucket", "aws_kms_key", "aws_secretsmanager_secret", "aws_secretsmanager_secret_version", "aws_sqs_queue", "aws_cloudwatch_log_group", "random_password", "aws_ecr_repository", "aws_efs_file_system"]) {
      expect(STATEFUL_RESOURCE_TYPES.has(t), t).toBe(true);
    }
    for (const t of ["aws_security_group", "aws_subnet", "aws_db_subnet_group", "aws_iam_role", "aws_kms_alias"]) expect(STATEFUL_RESOURCE_TYPES.has(t), t).toBe(false);
  });

  it("tells an applied stack from a new one, and fingerprints what a plan changes", () => {
    expect(hasAppliedResources(fixture())).toBe(true);
    expect(hasAppliedResources({ format_version: "1.2", prior_state: { values: { root_module: { resources: [{ mode: "data" }] } } } })).toBe(false);
    expect(hasAppliedResources({ format_version: "1.2" })).toBe(false);
    const plan = fixture();
    // Key order does not matter, values do.
    const reversed = (v: unknown): unknown => (Array.isArray(v) ? v.map(reversed) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)])) : v);
    expect(planFingerprint(reversed(plan) as PlanJson)).toBe(planFingerprint(plan));
    const changed = JSON.parse(JSON.stringify(plan).replace("10.0.0.0/16", "10.1.0.0/16")) as PlanJson;
    expect(planFingerprint(changed)).not.toBe(planFingerprint(plan));
    expect(() => parsePlanJson("{}")).toThrow("not a plan");
  });
});

describe("plan gate", () => {
  const synth = copyOfSynth();

  it("protects staging and prod stacks and every state stack, not dev layers", () => {
    const gated = (name: string) => isGated(synth.infos.get(name)!);
    expect(gated("commerce-prod-data")).toBe(true);
    expect(gated("commerce-staging-network")).toBe(true);
    expect(gated("commerce-dev-data")).toBe(false);
    expect(gated("webhooks-dev-eu-central-1-state")).toBe(true);
    expect(gated("commerce-nonprod-us-west-2-state")).toBe(true);
  });

  it("finds gated stacks that destroy stateful resources, ignoring ungated ones", () => {
    const changes = statefulChanges(fixture());
    const findings = gateFindings([result("b-prod-data", true, changes), result("a-dev-data", false, changes), result("c-prod-network", true, [])]);
    expect(findings.map((f) => f.stack)).toEqual(["b-prod-data"]);
  });

  it("lets an apply pass only when the input names every destroyed address of the wave", () => {
    const findings = gateFindings([result("commerce-prod-data", true, statefulChanges(fixture()))]);
    const all = "commerce-prod-data:aws_kms_key.Data_Key, commerce-prod-data:aws_rds_cluster.Main_Cluster commerce-prod-data:aws_s3_bucket.Images_Bucket,commerce-prod-data:aws_sqs_queue.Jobs_Queue";
    expect(applyGate(findings, ["commerce-prod-data"], parseAllowList(all))).toEqual({ unapproved: [], unused: [] });
    expect(applyGate(findings, ["commerce-prod-data"], parseAllowList("commerce-prod-data:aws_s3_bucket.Images_Bucket")).unapproved).toEqual([
      "commerce-prod-data:aws_kms_key.Data_Key", "commerce-prod-data:aws_rds_cluster.Main_Cluster", "commerce-prod-data:aws_sqs_queue.Jobs_Queue",
    ]);
    expect(applyGate([], ["commerce-prod-data"], parseAllowList("commerce-prod-data:aws_s3_bucket.Typo other-stack:aws_s3_bucket.X"))).toEqual({ unapproved: [], unused: ["commerce-prod-data:aws_s3_bucket.Typo"] });
    expect(parseAllowList(undefined)).toEqual([]);
  });

  it("counts the label only when someone other than the author added it and it is still on", () => {
    const labeled = (login: string, name = ALLOW_DESTROY_LABEL) => ({ event: "labeled", actor: { login }, label: { name } });
    expect(labelApprover([labeled("reviewer")], "author")).toBe("reviewer");
    expect(labelApprover([labeled("author")], "author")).toBeUndefined();
    expect(labelApprover([labeled("reviewer"), { event: "unlabeled", actor: { login: "x" }, label: { name: ALLOW_DESTROY_LABEL } }], "author")).toBeUndefined();
    expect(labelApprover([labeled("reviewer", "documentation")], "author")).toBeUndefined();
    expect(labelApprover([labeled("author"), { event: "unlabeled", actor: { login: "author" }, label: { name: ALLOW_DESTROY_LABEL } }, labeled("lead")], "author")).toBe("lead");
  });

  it("lists the addresses in the comment, with what lets the check pass", () => {
    const findings = gateFindings([result("commerce-prod-data", true, statefulChanges(fixture()))]);
    const blocked = gateSection({ findings }).join("\n");
    expect(blocked).toContain("**Plan gate: this change destroys or replaces 4 stateful resources** in staging, prod or state stacks, so this check fails.");
    expect(blocked).toContain(`a reviewer other than the author adds the label \`${ALLOW_DESTROY_LABEL}\``);
    expect(blocked).toContain("> - `commerce-prod-data`: `aws_s3_bucket.Images_Bucket` (aws_s3_bucket) will be **destroyed**");
    expect(blocked).toContain("> - `commerce-prod-data`: `aws_sqs_queue.Jobs_Queue` (aws_sqs_queue) will be **replaced** (destroyed, then created empty), moved from `aws_sqs_queue.Queue`");
    expect(gateSection({ findings, approver: "lead" }).join("\n")).toContain("**Plan gate: approved by @lead**");
    expect(gateSection({ findings: [] })).toEqual([]);
  });
});

describe("cost in review", () => {
  it("reads Infracost's JSON (decimal strings) and adds the monthly difference to the report", () => {
    const dir = tempDir("costs");
    mkdirSync(join(dir, "commerce-prod-data"));
    writeFileSync(join(dir, "commerce-prod-data", "infracost.json"), JSON.stringify({ version: "0.2", currency: "USD", totalMonthlyCost: "1250.5", pastTotalMonthlyCost: "1000", diffTotalMonthlyCost: "250.5", projects: [] }));
    mkdirSync(join(dir, "commerce-prod-network"));
    writeFileSync(join(dir, "commerce-prod-network", "infracost.json"), JSON.stringify({ currency: "USD", totalMonthlyCost: "90", pastTotalMonthlyCost: "100", diffTotalMonthlyCost: "-10" }));
    const costs = ["commerce-prod-data", "commerce-prod-network", "no-estimate"].map((s) => readInfracost(dir, s)).filter((c) => c !== undefined);
    expect(costs.map((c) => c.diff)).toEqual([250.5, -10]);
    const lines = renderCosts(costs).join("\n");
    expect(lines).toContain("**Monthly cost (Infracost): +240.50 USD** over 2 planned stacks");
    expect(lines).toContain("| `commerce-prod-data` | 1,000.00 USD | 1,250.50 USD | +250.50 USD |");
    expect(lines).toContain("| `commerce-prod-network` | 100.00 USD | 90.00 USD | −10.00 USD |");
    expect(renderCosts([])).toEqual([]);
  });
});

describe("ci report with the gate", () => {
  it("fails the plan report, listing the addresses, when a gated stack destroys stateful resources and nobody added the label", async () => {
    const synth = copyOfSynth();
    const results = tempDir("results");
    const stack = "commerce-prod-data";
    mkdirSync(join(results, stack));
    writeFileSync(join(results, stack, "result.json"), JSON.stringify(result(stack, true, statefulChanges(fixture()))));
    writeFileSync(join(results, stack, "plan.txt"), "Plan: 2 to add, 0 to change, 3 to destroy.\n");
    const matrix = join(tempDir("matrix"), "plan-matrix.json");
    writeFileSync(matrix, JSON.stringify({ waves: [[{ stack }]], changes: { changed: [stack], removed: [], unchanged: [], reasons: {} } }));
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("GITHUB_") && k !== "PR_NUMBER" && k !== "NOT_PLANNED_REASON"));
    const run = await runOps(["ci", "report", "--results", results, "--matrix", matrix, "--outdir", synth.outdir], { cwd: ROOT, env, inheritEnv: false });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("**Plan gate: this change destroys or replaces 4 stateful resources**");
    expect(run.stdout).toContain("`commerce-prod-data`: `aws_rds_cluster.Main_Cluster` (aws_rds_cluster) will be **replaced**");
    expect(run.stderr).toContain("Plan gate: commerce-prod-data would destroy or replace stateful resources; see the plan comment");
  });
});

describe("ci changes with the gate (before an apply's approval)", () => {
  const synth = copyOfSynth();
  const stack = "commerce-prod-data";
  const results = tempDir("results");
  mkdirSync(join(results, stack));
  writeFileSync(join(results, stack, "result.json"), JSON.stringify({ ...result(stack, true, statefulChanges(fixture())), fingerprint: "f".repeat(64) }));
  const changes = (allow: string) => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("GITHUB_")));
    return runOps(["ci", "changes", "--results", results, "--wave", JSON.stringify([{ stack }]), "--deployment", "commerce-prod", "--allow-destroy", allow, "--no-synth", "--outdir", synth.outdir], { cwd: ROOT, env, inheritEnv: false });
  };
  const all = ["aws_kms_key.Data_Key", "aws_rds_cluster.Main_Cluster", "aws_s3_bucket.Images_Bucket", "aws_sqs_queue.Jobs_Queue"].map((a) => `${stack}:${a}`);

  it("stops the wave unless allow-destroy names every destroyed address, and says what to pass", async () => {
    const [blocked, allowed] = await Promise.all([changes(all.slice(1).join(",")), changes(all.join(","))]);
    expect(blocked.status).toBe(1);
    expect(blocked.stderr).toContain(`Plan gate: not applying; these stateful resources would be destroyed or replaced: ${all[0]}. To allow it, run the apply again with allow-destroy: ${all[0]}`);
    expect(allowed.status, allowed.stderr).toBe(0);
    const stacks = JSON.parse(/^stacks=(.*)$/m.exec(allowed.stdout)![1]);
    expect(stacks).toEqual([expect.objectContaining({ stack, fingerprint: "f".repeat(64), cloudflare: false })]);
  });
});
