import { describe, expect, it } from "vitest";
import { buildWaves, MAX_WAVES } from "../../scripts/ops/ci/matrix";
import { copyOfSynth, type Workflow, workflow, workflows } from "./support";

type Job = Record<string, any>;
const jobsOf = (w: Workflow): [string, Job][] => Object.entries(w.doc.jobs ?? {}) as [string, Job][];
const stepsOf = (job: Job): any[] => (job.steps ?? []) as any[];
const step = (job: Job, name: string) => stepsOf(job).find((s) => s.name === name);

describe("state locks and install scripts", () => {
  it("plans pull requests without the state lock, and apply-run plans with it", () => {
    const pr = workflow("pull-request.yml").doc.jobs;
    for (let n = 1; n <= MAX_WAVES; n++) expect(pr[`plan-wave-${n}`].with.lock, `plan-wave-${n}`).toBe(false);
    expect(workflow("terraform-apply-wave.yml").doc.jobs.plan.with.lock).toBeUndefined();
    const plan = workflow("terraform-plan.yml");
    expect(plan.doc.on.workflow_call.inputs.lock).toEqual({ description: expect.any(String), type: "boolean", default: true });
    expect(step(plan.doc.jobs.plan, "Plan").run).toContain('if [ "$LOCK" = "false" ]; then args+=(--no-lock); fi');
  });

  it("installs without install scripts in every job that can request an OIDC token or holds write credentials", () => {
    let checked = 0;
    for (const w of workflows()) {
      for (const [id, job] of jobsOf(w)) {
        const installs = stepsOf(job).filter((s) => /\bnpm ci\b/.test(s.run ?? ""));
        const privileged = job.permissions?.["id-token"] === "write" || job.permissions?.contents === "write" || job.environment !== undefined;
        if (!privileged || job.uses) continue;
        for (const s of installs) {
          checked++;
          expect(s.run, `${w.file} ${id}`).toContain("--ignore-scripts");
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(3); // plan, apply, provider locks
  });
});

describe("plan gate in the workflows", () => {
  it("re-runs the pull-request checks when a label is added or removed, and reads who added it", () => {
    const pr = workflow("pull-request.yml").doc;
    expect(pr.on.pull_request.types).toEqual(["opened", "synchronize", "reopened", "labeled", "unlabeled"]);
    const run = step(pr.jobs.report, "Summary and pull-request comment");
    expect(run.env.PR_AUTHOR).toBe("${{ github.event.pull_request.user.login }}");
    expect(pr.jobs.report.permissions.issues).toBe("read");
  });

  it("lets an apply destroy stateful resources only through the allow-destroy input, checked before any approval", () => {
    const apply = workflow("apply.yml").doc;
    expect(apply.on.workflow_dispatch.inputs["allow-destroy"]).toMatchObject({ type: "string", required: false, default: "" });
    for (let n = 1; n <= MAX_WAVES; n++) expect(apply.jobs[`wave-${n}`].with["allow-destroy"]).toBe("${{ inputs.allow-destroy }}");
    const wave = workflow("terraform-apply-wave.yml").doc;
    const changes = stepsOf(wave.jobs.changes).find((s) => s.id === "changes");
    expect(changes.env.ALLOW_DESTROY).toBe("${{ inputs.allow-destroy }}");
    expect(changes.run).toContain('--allow-destroy "$ALLOW_DESTROY"');
    expect(wave.jobs.apply.needs).toBe("changes");
  });

  it("re-plans when the approved plan expired, applying only the same fingerprint", () => {
    const apply = workflow("terraform-apply-wave.yml").doc.jobs.apply;
    expect(step(apply, "Download the approved plan")["continue-on-error"]).toBe(true);
    const run = step(apply, "Apply the approved plan");
    expect(run.env.FINGERPRINT).toBe("${{ matrix.fingerprint }}");
    expect(run.run).toContain('--fingerprint "$FINGERPRINT"');
    expect(step(workflow("terraform-plan.yml").doc.jobs.plan, "Save the plan").with["retention-days"]).toBe("${{ inputs.keep-plan && 1 || 7 }}");
  });
});

describe("cost and Cloudflare", () => {
  const plan = () => workflow("terraform-plan.yml").doc;

  it("runs Infracost only for pull-request plans with INFRACOST_API_KEY set, with a notice otherwise, never failing the plan", () => {
    const steps = stepsOf(plan().jobs.plan);
    const key = steps.find((s) => s.id === "infracost");
    expect(key.if).toBe("inputs.cost && steps.plan.outcome == 'success'");
    expect(key.env.INFRACOST_API_KEY).toBe("${{ secrets.INFRACOST_API_KEY }}");
    expect(key.run).toContain('if [ -n "$INFRACOST_API_KEY" ]; then');
    expect(key.run).toContain("::notice::INFRACOST_API_KEY is not set");
    const setup = steps.find((s) => String(s.uses).startsWith("infracost/actions/setup@"));
    expect(setup.if).toBe("steps.infracost.outputs.enabled == 'true'");
    expect(setup.with.version).toMatch(/^\d+\.\d+\.\d+$/);
    const cost = step(plan().jobs.plan, "Cost difference (Infracost)");
    expect(cost).toMatchObject({ if: "steps.infracost.outputs.enabled == 'true'", "continue-on-error": true });
    expect(cost.run).toContain('--out-file "plan-results/$STACK/infracost.json"');
    // Only the cost figures are uploaded: the JSON plan stays in cdktf.out.
    expect(step(plan().jobs.plan, "Save the plan").with.path).toBe("plan-results/");
    const pr = workflow("pull-request.yml").doc.jobs;
    for (let n = 1; n <= MAX_WAVES; n++) expect(pr[`plan-wave-${n}`]).toMatchObject({ with: { cost: true }, secrets: { INFRACOST_API_KEY: "${{ secrets.INFRACOST_API_KEY }}" } });
    expect(workflow("terraform-apply-wave.yml").doc.jobs.plan.with.cost).toBeUndefined();
  });

  it("gives Cloudflare stacks CLOUDFLARE_API_TOKEN from environment secrets in plan and apply, and nobody else", () => {
    expect(plan().jobs.plan.environment).toBe("${{ matrix.planEnvironment }}");
    const token = "${{ matrix.cloudflare && secrets.CLOUDFLARE_API_TOKEN || '' }}";
    expect(step(plan().jobs.plan, "Plan").env.CLOUDFLARE_API_TOKEN).toBe(token);
    expect(step(plan().jobs.plan, "Plan").env.TF_VAR_cloudflare_account_id).toBe("${{ matrix.cloudflare && vars.CLOUDFLARE_ACCOUNT_ID || '' }}");
    const apply = workflow("terraform-apply-wave.yml").doc.jobs.apply;
    expect(apply.environment).toBe("${{ inputs.deployment }}");
    expect(step(apply, "Apply the approved plan").env.CLOUDFLARE_API_TOKEN).toBe(token);
    for (const w of workflows()) {
      const uses = (w.text.match(/secrets\.CLOUDFLARE_API_TOKEN/g) ?? []).length;
      expect(uses, w.file).toBe(w.file === "terraform-plan.yml" || w.file === "terraform-apply-wave.yml" ? 1 : 0);
    }
  });
});

describe("Cloudflare stacks in the matrix", () => {
  it("puts a stack with a Cloudflare provider in its deployment's plan environment, and no other", () => {
    const synth = copyOfSynth();
    const edge = { ...synth.infos.get("commerce-prod-network")!, providers: ["aws", "cloudflare"] };
    const infos = new Map([...synth.infos, [edge.name, edge]]);
    const [entry] = buildWaves(synth.manifest, infos, [edge.name]).flat();
    expect(entry).toMatchObject({ stack: "commerce-prod-network", cloudflare: true, planEnvironment: "commerce-prod-plan" });
    const entries = buildWaves(synth.manifest, synth.infos, Object.keys(synth.manifest.stacks)).flat();
    // webhooks' edge stacks hold the Cloudflare zone (issue 16); every other stack plans without the token.
    const cloudflare = ["webhooks-dev-edge", "webhooks-prod-edge"];
    for (const e of entries) {
      const deployment = e.stack.replace(/-edge$/, "");
      expect(e).toMatchObject(cloudflare.includes(e.stack) ? { cloudflare: true, planEnvironment: `${deployment}-plan` } : { cloudflare: false, planEnvironment: "" });
    }
    expect(entries.filter((e) => e.cloudflare).map((e) => e.stack).sort()).toEqual(cloudflare);
  });
});
