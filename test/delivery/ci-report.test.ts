import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { StackManifest } from "../../lib/apply-order";
import { changedStacks, remoteStateReads, type SynthSide } from "../../scripts/ops/ci/changed";
import { upsertComment } from "../../scripts/ops/ci/comment";
import type { PlanResult, PlanStatus } from "../../scripts/ops/ci/plan";
import { COMMENT_MARKER, GITHUB_COMMENT_LIMIT, type PlannedStack, renderReport, shareOut } from "../../scripts/ops/ci/report";
import { copyOfSynth, realManifest, tempDir } from "./support";

const result = (stack: string, status: PlanStatus, summary: string, reason?: string): PlanResult => ({ stack, deployment: "commerce-prod", region: "us-west-2", kind: "layer", status, summary, ...(reason ? { reason } : {}) });
const noChanges = { changed: [], removed: [], unchanged: [], reasons: {} };

describe("plan report", () => {
  const manifest = realManifest();
  const stacks = Object.keys(manifest.stacks).sort();
  const bytes = (s: string) => Buffer.byteLength(s, "utf8");

  it("stays under GitHub's 65,536-character limit however large the plans, cutting long plans and keeping short ones whole", () => {
    const planned: PlannedStack[] = stacks.map((s, i) => ({
      result: result(s, "changes", "Plan: 500 to add, 0 to change, 0 to destroy."),
      text: i === 0 ? "short plan\nPlan: 1 to add, 0 to change, 0 to destroy." : `${"  # aws_subnet.x will be created 🚀\n".repeat(4000)}Plan: 500 to add, 0 to change, 0 to destroy.`,
    }));
    const body = renderReport({ planned, waves: [stacks], changes: { ...noChanges, changed: stacks }, manifest, terraformVersion: "1.13.5" });
    expect(bytes(body)).toBeLessThanOrEqual(60_000);
    expect(body.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    expect(body.startsWith(`${COMMENT_MARKER}\n`)).toBe(true);
    expect(body.match(/<details><summary>📝/g)).toHaveLength(stacks.length);
    expect(body.match(/<\/details>/g)).toHaveLength(stacks.length);
    expect(body).toContain("short plan\nPlan: 1 to add, 0 to change, 0 to destroy.");
    expect(body).toContain(`more lines not shown (GitHub's comment size limit). Full plan: job summary of plan (${stacks[1]}) and artifact plan-${stacks[1]}.`);
  });

  it("lists stacks in wave order, says why a plan is provisional, and flags plans made against upstream stacks that change here", () => {
    const body = renderReport({
      planned: [
        { result: result("commerce-prod-data", "provisional", "upstream outputs missing", "reads outputs that commerce-prod-network does not have yet"), text: "Error: Unsupported attribute" },
        { result: result("commerce-prod-network", "changes", "Plan: 3 to add, 0 to change, 0 to destroy."), text: "Plan: 3 to add, 0 to change, 0 to destroy." },
        { result: result("commerce-prod-compute", "no-changes", "No changes."), text: "No changes." },
      ],
      waves: [["commerce-prod-network"], ["commerce-prod-data"], ["commerce-prod-compute"]],
      changes: { changed: ["commerce-prod-data", "commerce-prod-network", "commerce-prod-compute"], removed: ["commerce-prod-legacy"], unchanged: ["stackflow-prod-network"], reasons: {} },
      manifest: { stacks: { ...manifest.stacks, "commerce-prod-compute": { name: "commerce-prod-compute", dependencies: ["commerce-prod-data"] } } },
      reads: new Map([["commerce-prod-compute", ["commerce-prod-data"]]]),
      terraformVersion: "1.13.5",
      commit: "0123456789abcdef",
      runUrl: "https://github.com/o/r/actions/runs/1",
    });
    expect(body).toContain("### Terraform plan: 3 of");
    expect(body).toContain("(1 with changes, 1 without changes, 1 provisional)");
    expect(body).toContain("commit `0123456789ab` · Terraform 1.13.5 · [workflow run](https://github.com/o/r/actions/runs/1)");
    const rows = body.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| |"));
    expect(rows).toEqual([
      "| 📝 | 1 | `commerce-prod-network` | Plan: 3 to add, 0 to change, 0 to destroy. |",
      "| ⏳ | 2 | `commerce-prod-data` | provisional: upstream outputs missing |",
      "| ✅ | 3 | `commerce-prod-compute` | No changes. |",
    ]);
    expect(body).toContain("⏳ **Provisional** plans are not failures");
    expect(body).toContain("- ⏳ `commerce-prod-data`: reads outputs that commerce-prod-network does not have yet");
    expect(body).toContain("- ⚠️ `commerce-prod-compute` was planned with the outputs `commerce-prod-data` has now");
    expect(body).toContain("**Removed stacks** (1): `commerce-prod-legacy`. Removing code destroys nothing");
    expect(body).toContain("<details><summary>1 stacks unchanged, not planned</summary>");
  });

  it("says when no plan could run, or nothing changed", () => {
    const fork = renderReport({ planned: [], waves: [], changes: { ...noChanges, changed: ["a-network"] }, manifest, terraformVersion: "1.13.5", notPlannedReason: "pull requests from forks get no OIDC token" });
    expect(fork).toContain("### Terraform plan: not run (1 of");
    expect(fork).toContain("> Plans were not run: pull requests from forks get no OIDC token");
    expect(renderReport({ planned: [], waves: [], changes: noChanges, manifest, terraformVersion: "1.13.5" })).toContain("### Terraform plan: no stack changed");
  });

  it("fences plan text so backticks inside cannot break out, and escapes HTML in summaries", () => {
    const body = renderReport({ planned: [{ result: result("a-network", "failed", "terraform plan failed", "Error: <b>x</b>"), text: "```\nheredoc with ``` inside\n````" }], waves: [["a-network"]], changes: { ...noChanges, changed: ["a-network"] }, manifest: { stacks: { "a-network": { name: "a-network", dependencies: [] } } }, terraformVersion: "1.13.5" });
    expect(body).toContain("`````text\n```\nheredoc with ``` inside\n````\n`````");
    expect(body).toContain("❌ <code>a-network</code>: terraform plan failed</summary>");
  });

  it("shares the budget: small plans get all they need, large ones split the rest", () => {
    expect(shareOut(100, [10, 500, 500])).toEqual([10, 45, 45]);
    expect(shareOut(100, [10, 20])).toEqual([10, 20]);
  });
});

describe("pull-request comment", () => {
  type Call = { url: string; method: string; body?: string };
  const api = (pages: object[][]) => {
    const calls: Call[] = [];
    const fetchFn = (async (url: string, init?: RequestInit) => {
      calls.push({ url, method: init?.method ?? "GET", body: init?.body as string | undefined });
      const page = Number(new URL(url).searchParams.get("page") ?? 0);
      const payload = init?.method ? { id: 777 } : (pages[page - 1] ?? []);
      return new Response(JSON.stringify(payload), { status: 200 });
    }) as typeof fetch;
    return { calls, fetchFn };
  };
  const target = { apiUrl: "https://api.github.com", repository: "o/r", pullRequest: 5, token: "t", marker: COMMENT_MARKER };
  const bot = (id: number, body: string) => ({ id, body, user: { login: "github-actions[bot]" } });

  it("edits the workflow's own comment carrying the marker, looking through every page", async () => {
    const filler = Array.from({ length: 100 }, (_, i) => bot(i, "unrelated"));
    const { calls, fetchFn } = api([filler, [{ id: 9, body: `quoting ${COMMENT_MARKER}`, user: { login: "alice" } }, bot(42, `${COMMENT_MARKER}\nold`)]]);
    expect(await upsertComment(target, "new body", fetchFn)).toEqual({ action: "updated", id: 777 });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      "GET https://api.github.com/repos/o/r/issues/5/comments?per_page=100&page=1",
      "GET https://api.github.com/repos/o/r/issues/5/comments?per_page=100&page=2",
      "PATCH https://api.github.com/repos/o/r/issues/comments/42",
    ]);
    expect(JSON.parse(calls[2].body!)).toEqual({ body: "new body" });
  });

  it("creates the comment when there is none yet", async () => {
    const { calls, fetchFn } = api([[bot(1, "something else")]]);
    expect(await upsertComment(target, "first", fetchFn)).toEqual({ action: "created", id: 777 });
    expect(calls.at(-1)).toMatchObject({ method: "POST", url: "https://api.github.com/repos/o/r/issues/5/comments" });
  });
});

describe("changed-stack detection", () => {
  /** Two synth outputs: head is the real synth, base a copy we alter. */
  const sides = () => {
    const head = copyOfSynth();
    const base = copyOfSynth();
    const headRoot = tempDir("head-root");
    const baseRoot = tempDir("base-root");
    for (const root of [headRoot, baseRoot]) {
      mkdirSync(join(root, ".github"), { recursive: true });
      writeFileSync(join(root, ".github", "terraform-version"), "1.13.5\n");
    }
    return { head: { outdir: head.outdir, manifest: head.manifest, root: headRoot } as SynthSide, base: { outdir: base.outdir, manifest: base.manifest, root: baseRoot } as SynthSide };
  };
  const edit = (side: SynthSide, stack: string, change: (json: Record<string, any>) => void, indent = 2) => {
    const file = join(side.outdir, "stacks", stack, "cdk.tf.json");
    const json = JSON.parse(readFileSync(file, "utf8"));
    change(json);
    writeFileSync(file, JSON.stringify(json, null, indent));
  };

  it("plans nothing when only cdktf metadata, key order or formatting differ", () => {
    const { head, base } = sides();
    edit(base, "commerce-prod-network", (j) => { j["//"].metadata.version = "0.20.0"; }, 4);
    edit(base, "webhooks-dev-network", (j) => { const { resource, ...rest } = j; for (const k of Object.keys(j)) delete j[k]; Object.assign(j, { resource, ...rest }); });
    expect(changedStacks(head, base)).toMatchObject({ changed: [], removed: [] });
  });

  it("plans a stack whose Terraform changed, a new stack, one whose lock file changed; lists removed stacks", () => {
    const { head, base } = sides();
    edit(base, "commerce-prod-network", (j) => { j.output.vpc_id.description = "old"; });
    const manifest = base.manifest as { stacks: Record<string, unknown> };
    delete manifest.stacks["stackflow-dev-data"];
    manifest.stacks["old-stack"] = { name: "old-stack", dependencies: [] };
    mkdirSync(join(head.root, "locks", "axonflow-prod-network"), { recursive: true });
    writeFileSync(join(head.root, "locks", "axonflow-prod-network", ".terraform.lock.hcl"), "# new lock\n");
    const changes = changedStacks(head, base);
    expect(changes.changed).toEqual(["axonflow-prod-network", "commerce-prod-network", "stackflow-dev-data"]);
    expect(changes.reasons).toEqual({ "axonflow-prod-network": "provider lock file changed", "commerce-prod-network": "Terraform JSON changed", "stackflow-dev-data": "new stack" });
    expect(changes.removed).toEqual(["old-stack"]);
    expect(changes.unchanged.length).toBe(Object.keys(head.manifest.stacks).length - 3);
  });

  it("plans everything when the Terraform version changes or there is no base to compare with", () => {
    const { head, base } = sides();
    writeFileSync(join(base.root, ".github", "terraform-version"), "1.12.2\n");
    const all = Object.keys(head.manifest.stacks).sort();
    expect(changedStacks(head, base).changed).toEqual(all);
    expect(changedStacks(head, undefined).changed).toEqual(all);
  });

  it("knows which stacks read which through remote state", () => {
    const synth = copyOfSynth();
    const reads = remoteStateReads(synth.outdir, synth.manifest as StackManifest);
    expect(reads.get("commerce-prod-network")).toEqual([]);
    for (const [stack, upstream] of reads) for (const u of upstream) expect(synth.manifest.stacks[stack].dependencies).toContain(u);
  });
});
