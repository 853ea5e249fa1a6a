import { describe, expect, it } from "vitest";
import { DRIFT_LABEL, driftByDeployment, driftMarker, renderDriftIssue, syncDriftIssues } from "../../scripts/ops/ci/drift";
import type { PlanResult, PlanStatus } from "../../scripts/ops/ci/plan";
import type { PlannedStack } from "../../scripts/ops/ci/report";
import { copyOfSynth, workflow } from "./support";

const planned = (stack: string, status: PlanStatus, applied = true): PlannedStack => ({
  result: { stack, deployment: "commerce-staging", region: "us-west-2", kind: "layer", status, summary: status === "changes" ? "Plan: 0 to add, 1 to change, 0 to destroy." : status, applied } as PlanResult,
  text: `  # aws_security_group.X will be updated in-place\n${status}`,
});

describe("drift detection", () => {
  const synth = copyOfSynth();

  it("counts changes on applied stacks as drift, per deployment, a shared state stack for both", () => {
    const results = [
      planned("commerce-staging-network", "changes"),
      planned("commerce-staging-data", "changes", false), // never applied: everything to create
      planned("commerce-nonprod-us-west-2-state", "changes"),
      planned("commerce-dev-network", "no-changes"),
      planned("commerce-dev-data", "failed"),
      planned("commerce-prod-network", "skipped"),
    ];
    const [staging, dev, prod] = driftByDeployment(results, synth.infos, ["commerce-staging", "commerce-dev", "commerce-prod"]);
    expect(staging.drifted.map((p) => p.result.stack)).toEqual(["commerce-staging-network", "commerce-nonprod-us-west-2-state"]);
    expect(dev.drifted.map((p) => p.result.stack)).toEqual(["commerce-nonprod-us-west-2-state"]);
    expect(dev.failed.map((p) => p.result.stack)).toEqual(["commerce-dev-data"]);
    expect(dev.clean).toEqual(["commerce-dev-network"]);
    expect(prod).toEqual({ deployment: "commerce-prod", drifted: [], failed: [], clean: [] });
  });

  it("writes an issue body with the marker, the drifted stacks and their plans, within GitHub's limit", () => {
    const body = renderDriftIssue({ deployment: "commerce-staging", drifted: [planned("commerce-staging-network", "changes"), { ...planned("commerce-staging-data", "changes"), text: "x\n".repeat(100_000) }], failed: [planned("commerce-staging-us-west-2-state", "failed")], clean: [] }, "https://github.com/o/r/actions/runs/9");
    expect(body.startsWith(`${driftMarker("commerce-staging")}\n`)).toBe(true);
    expect(body).toContain("| `commerce-staging-network` | Plan: 0 to add, 1 to change, 0 to destroy. |");
    expect(body).toContain("Not checked (plan failed): `commerce-staging-us-west-2-state`.");
    expect(body).toContain("([run](https://github.com/o/r/actions/runs/9))");
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(60_000);
  });

  it("opens, updates and closes one issue per deployment, leaving a deployment with failed plans alone", async () => {
    const calls: { method: string; path: string; body?: any }[] = [];
    const open = [
      { number: 7, body: `${driftMarker("commerce-staging")}\nold` },
      { number: 8, body: `${driftMarker("commerce-dev")}\nold` },
      { number: 9, body: `${driftMarker("webhooks-prod")}\nold` },
      { number: 10, body: `${driftMarker("commerce-prod")}\nold`, pull_request: {} },
    ];
    const fetchFn = (async (url: string, init?: RequestInit) => {
      const path = new URL(url).pathname.replace("/repos/o/r", "");
      calls.push({ method: init?.method ?? "GET", path: `${path}${new URL(url).search}`, body: init?.body ? JSON.parse(init.body as string) : undefined });
      return new Response(JSON.stringify(init?.method === "POST" && path === "/issues" ? { number: 11 } : init?.method === "GET" ? open : {}), { status: 200 });
    }) as typeof fetch;
    const drift = (deployment: string, drifted: PlannedStack[], failed: PlannedStack[] = []) => ({ deployment, drifted, failed, clean: [] });
    const actions = await syncDriftIssues({ apiUrl: "https://api.github.com", repository: "o/r", token: "t", fetchFn }, [
      drift("commerce-staging", [planned("commerce-staging-network", "changes")]),
      drift("commerce-dev", []),
      drift("webhooks-prod", [], [planned("webhooks-prod-data", "failed")]),
      drift("commerce-prod", [planned("commerce-prod-network", "changes")]),
    ]);
    expect(actions).toEqual([
      { deployment: "commerce-staging", action: "updated", number: 7 },
      { deployment: "commerce-dev", action: "closed", number: 8 },
      { deployment: "webhooks-prod", action: "none", number: 9 },
      { deployment: "commerce-prod", action: "created", number: 11 },
    ]);
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      `GET /issues?state=open&labels=${DRIFT_LABEL}&per_page=100&page=1`,
      "PATCH /issues/7",
      "POST /issues/8/comments",
      "PATCH /issues/8",
      "POST /issues",
    ]);
    expect(calls[3].body).toEqual({ state: "closed", state_reason: "completed" });
    expect(calls[4].body).toMatchObject({ title: "Drift: commerce-prod", labels: [DRIFT_LABEL] });
  });

  it("runs on a schedule from main with the plan roles, without the state lock, and only the issues job may write", () => {
    const w = workflow("drift.yml").doc;
    expect(Object.keys(w.on).sort()).toEqual(["schedule", "workflow_dispatch"]);
    expect(w.on.schedule).toEqual([{ cron: "23 5 * * 1-5" }]);
    expect(w.permissions).toEqual({ contents: "read" });
    expect(w.concurrency).toEqual({ group: "drift", "cancel-in-progress": false });
    expect(w.jobs.plan).toMatchObject({ uses: "./.github/workflows/terraform-plan.yml", permissions: { contents: "read", "id-token": "write" }, with: { stacks: "${{ needs.resolve.outputs.entries }}", lock: false } });
    expect(w.jobs.issues.permissions).toEqual({ contents: "read", issues: "write" });
    expect(w.jobs.resolve.permissions).toBeUndefined();
    expect(w.jobs.issues.if).toBe("${{ !cancelled() && needs.resolve.result == 'success' }}");
    expect(JSON.stringify(w.jobs.issues.steps)).toContain("ops -- ci drift --results plan-results");
    expect(JSON.stringify(w)).not.toContain("AWS_APPLY_ROLE_ARN");
  });
});
