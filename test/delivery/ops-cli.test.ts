import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import type { DeploymentListing } from "../../scripts/ops/commands/list";
import { deploymentStacks } from "../../lib/apply-order";
import { DEPLOYMENTS, deployment } from "../support/deployments";
import { runNode, runOps } from "../support/run-process";
import { realManifest, ROOT } from "./support";

/** Runs the CLI in a fresh process (the run's bundle of scripts/ops/cli.ts), against the shared synth output. */
const ops = (args: readonly string[], env: Record<string, string> = {}) =>
  runOps([...args, "--no-synth", "--outdir", inject("synthDir")], { cwd: ROOT, env });

/** Runs the CLI exactly as `npm run ops --` does: the sources through tsx. */
const opsThroughTsx = (args: readonly string[]) =>
  runNode(["--import", "tsx", "scripts/ops/cli.ts", ...args, "--no-synth", "--outdir", inject("synthDir")], { cwd: ROOT });

describe.concurrent("npm run ops", () => {
  it("fails with a clear message, before doing anything, when terraform is not on PATH", async () => {
    // An empty PATH: node itself is started by absolute path.
    const result = await ops(["plan", "commerce-prod"], { PATH: "" });
    expect(result.status).toBe(127);
    expect(result.stderr).toContain("terraform was not found on PATH.");
    const pinned = readFileSync(join(ROOT, ".github", "terraform-version"), "utf8").trim();
    expect(result.stderr).toContain(`Install Terraform ${pinned} (the version CI pins in .github/terraform-version)`);
    expect(result.stdout).toBe("");
  });

  it("prints what apply would run, in dependency order, without terraform (--dry-run)", async () => {
    const result = await ops(["apply", "commerce-prod", "--dry-run"], { PATH: "" });
    expect(result.status, result.stderr).toBe(0);
    const headers = result.stdout.split("\n").filter((l) => /^\[\d+\/\d+\]/.test(l));
    expect(headers).toEqual(deploymentStacks(realManifest(), deployment("commerce-prod")).map((s, i, all) => expect.stringMatching(new RegExp(`^\\[${i + 1}/${all.length}\\] ${s} \\(wave \\d\\)$`))));
    expect(headers[0]).toContain("commerce-prod-us-west-2-state");
    expect(result.stdout).toContain("backend_override.tf.json (state in s3://commerce-prod-us-west-2-tfstate/_bootstrap/commerce-prod/us-west-2.tfstate)");
    expect(result.stdout).toMatch(/terraform -chdir=\S+commerce-prod-network init -input=false\n/);
    expect(result.stdout).toMatch(/terraform -chdir=\S+commerce-prod-network apply -lock-timeout=5m\n/);
  });

  it("destroys in reverse order and leaves the shared state stack alone (--dry-run)", async () => {
    const result = await ops(["destroy", "commerce-dev", "--dry-run", "--auto-approve"], { PATH: "" });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("Left in place (shared state backend, prevent_destroy): commerce-nonprod-us-west-2-state");
    const stacks = result.stdout.split("\n").filter((l) => /^\[\d/.test(l)).map((l) => l.split(" ")[1]);
    expect(stacks).toEqual(deploymentStacks(realManifest(), deployment("commerce-dev")).slice(1).reverse());
    expect(result.stdout).toMatch(/destroy -input=false -lock-timeout=5m -auto-approve\n/);
  });

  it("prints what the apply workflow would run: a fresh plan, then approval on the deployment's environment", async () => {
    const result = await ops(["workflow", "apply", "webhooks-prod"]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("concurrency group apply-webhooks-prod (queued, never cancelled)");
    expect(result.stdout).toContain("assume vars.AWS_PLAN_ROLE_ARN_WEBHOOKS_PROD in eu-central-1 (OIDC; the run fails when it is unset)");
    expect(result.stdout).toContain('wait for approval: environment "webhooks-prod" (required reviewers read the plan above)');
    expect(result.stdout).toMatch(/webhooks-prod-network apply -input=false -lock-timeout=5m tfplan\n/);
  });

  it("lists every deployment's stacks with waves (--json), the same order the scripts use, run as `npm run ops` runs it", async () => {
    const result = await opsThroughTsx(["list", "--json"]);
    expect(result.status, result.stderr).toBe(0);
    const listings = JSON.parse(result.stdout) as DeploymentListing[];
    expect(listings.map((l) => l.deployment)).toEqual(DEPLOYMENTS.map((d) => d.name));
    for (const l of listings) {
      expect(l.stacks.map((s) => s.name)).toEqual(deploymentStacks(realManifest(), deployment(l.deployment)));
      expect(l.stacks[0]).toMatchObject({ kind: "state", wave: 1 });
    }
  });

  it("rejects unknown deployments, stacks and options with the known ones", async () => {
    const [unknownDeployment, foreignStack] = await Promise.all([ops(["plan", "commerce-qa", "--dry-run"]), ops(["apply", "commerce-prod", "--stack", "commerce-dev-network", "--dry-run"])]);
    expect(unknownDeployment.stderr).toContain("Unknown deployment: commerce-qa. Known deployments: stackflow-prod,");
    expect(foreignStack.stderr).toContain("Stack commerce-dev-network is not part of commerce-prod. Its stacks: commerce-prod-us-west-2-state,");
    const typo = await ops(["plan", "commerce-prod", "--dryrun"]);
    expect(typo.status).toBe(1);
    expect(typo.stderr).toContain("Unknown option --dryrun.");
  });
});
