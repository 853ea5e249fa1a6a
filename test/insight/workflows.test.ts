import { describe, expect, it } from "vitest";
import { workflow } from "../delivery/support";

type Job = Record<string, any>;
const steps = (job: Job): Job[] => (job.steps ?? []) as Job[];
const runOf = (job: Job): string => steps(job).map((s) => s.run ?? "").join("\n");

describe("insight workflow", () => {
  const w = () => workflow("insight.yml").doc;

  it("runs on every pull request without credentials: no job may request an OIDC token", () => {
    expect(Object.keys(w().on)).toEqual(["pull_request"]);
    expect(JSON.stringify(w())).not.toContain("id-token");
  });

  it("writes the diff against the base branch's synth, the cost summary and the diagrams' staleness into one marked comment", () => {
    const run = runOf(w().jobs.build);
    expect(run).toContain('git worktree add --detach "$BASE_DIR" "$(git rev-parse HEAD^1)"');
    expect(run).toContain('npm run --silent diff -- --base-dir "$BASE_OUTDIR" --head-dir cdktf.out');
    expect(run).toContain("npm run --silent cost -- cdktf.out --summary");
    expect(run).toContain("npm run --silent diagram -- cdktf.out");
    expect(run).toContain('echo "<!-- insight -->"');
    expect(run).toContain('>> "$GITHUB_STEP_SUMMARY"');
  });

  it("comments from a separate job, the only one allowed to write to the pull request, never for forks", () => {
    const report = w().jobs.report;
    expect(report.permissions).toEqual({ contents: "read", "pull-requests": "write" });
    expect(report.if).toContain("github.event.pull_request.head.repo.full_name == github.repository");
    expect(runOf(report)).toContain('select(.body | startswith("<!-- insight -->"))');
  });
});

describe("preview workflows", () => {
  const w = () => workflow("preview.yml").doc;
  const run = () => workflow("preview-run.yml").doc.jobs.run;

  it("applies on the preview label (and on pushes while it is on), destroys when it is removed or the pull request closes, never for forks", () => {
    expect(w().on.pull_request.types).toEqual(["labeled", "unlabeled", "synchronize", "closed"]);
    expect(w().jobs.apply.with).toEqual({ "pull-request": "${{ github.event.pull_request.number }}", action: "apply", ref: "${{ github.event.pull_request.head.sha }}" });
    expect(w().jobs.apply.if).toContain("github.event.action == 'labeled' && github.event.label.name == 'preview'");
    expect(w().jobs.destroy.with.action).toBe("destroy");
    expect(w().jobs.destroy.if).toContain("github.event.action == 'unlabeled' && github.event.label.name == 'preview'");
    expect(w().jobs.destroy.if).toContain("github.event.action == 'closed'");
    for (const job of ["apply", "destroy"]) expect(w().jobs[job].if).toContain("github.event.pull_request.head.repo.full_name == github.repository");
  });

  it("destroys previews past their time-to-live on a schedule, then removes their label", () => {
    expect(w().on.schedule).toEqual([{ cron: "23 */6 * * *" }]);
    expect(runOf(w().jobs.expired)).toContain('TTL_HOURS" ]; then expired+=("$number")');
    expect(w().jobs.expired.steps[0].env.TTL_HOURS).toBe("${{ vars.PREVIEW_TTL_HOURS || '72' }}");
    expect(w().jobs["destroy-expired"]).toMatchObject({ uses: "./.github/workflows/preview-run.yml", with: { action: "destroy", "pull-request": "${{ matrix.pull-request }}" } });
    expect(runOf(w().jobs.report)).toContain("--remove-label preview");
  });

  it("synthesizes only the pull request's preview, checks the cost ceiling before the role is assumed, and applies in dependency order", () => {
    const names = steps(run()).map((s) => s.name ?? s.uses);
    const at = (fragment: string) => names.findIndex((n) => String(n).includes(fragment));
    expect(runOf(run())).toContain('npm run --silent preview -- "$PR_NUMBER" cdktf.out');
    expect(runOf(run())).toContain('--deployment "serverless-saas-pr-$PR_NUMBER" --summary --ceiling "$CEILING"');
    expect(at("cost ceiling")).toBeLessThan(at("Assume the preview role"));
    expect(runOf(run())).toContain("order=(cat); elif");
    expect(runOf(run())).toContain("order=(tac)");
    expect(run().concurrency).toEqual({ group: "preview-state-${{ inputs.pull-request }}", "cancel-in-progress": false });
  });

  it("uses the preview role only, in the integration-test account's region", () => {
    const assume = steps(run()).find((s) => String(s.uses).startsWith("aws-actions/configure-aws-credentials@"))!;
    expect(assume.with).toEqual({
      "role-to-assume": "${{ vars.AWS_PREVIEW_ROLE_ARN }}",
      "aws-region": "eu-west-1",
      "role-session-name": "preview-${{ github.run_id }}-${{ github.run_attempt }}",
      "role-duration-seconds": 3600,
    });
    expect(workflow("preview-run.yml").text).not.toContain("AWS_APPLY_ROLE_ARN");
  });
});
