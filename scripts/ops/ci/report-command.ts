import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { flagValue, type ParsedArgs } from "../args";
import { OpsError } from "../errors";
import { appendSummary } from "../github";
import { pinnedTerraformVersion } from "../terraform";
import { readManifest } from "../workspace";
import { type ChangeSet, remoteStateReads } from "./changed";
import { upsertComment } from "./comment";
import { readInfracost } from "./cost";
import { gateFindings, type IssueEvent, labelApprover } from "./gate";
import { apiFromEnv, listAll } from "./github-api";
import type { MatrixEntry } from "./matrix";
import { PLAN_TEXT, type PlanResult, readResult } from "./plan";
import { COMMENT_MARKER, type PlannedStack, renderReport } from "./report";

/** What `ci matrix --write` records for the report job. */
export interface MatrixFile {
  readonly waves: MatrixEntry[][];
  readonly changes: ChangeSet;
}

/** Every recorded plan result and text under `results`. */
export function readPlanned(results: string): PlannedStack[] {
  if (!existsSync(results)) return [];
  return readdirSync(results, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => ({ result: readResult(results, e.name), text: readFileSync(join(results, e.name, PLAN_TEXT), "utf8") }));
}

/**
 * `ci report`: renders the plan report into the job summary and, with
 * --comment, the pull request's plan comment. Fails when a plan failed, or
 * when the plan gate fires without a reviewer's label, so the report job is
 * the one required check for plans.
 */
export async function report(args: ParsedArgs, results: string): Promise<void> {
  const matrixFile = flagValue(args, "matrix");
  if (!matrixFile) throw new OpsError("ci report needs --matrix <file> (written by ci matrix --write)");
  const matrix = JSON.parse(readFileSync(matrixFile, "utf8")) as MatrixFile;
  const outdir = resolve(flagValue(args, "outdir") ?? "cdktf.out");
  const env = process.env;
  const planned = readPlanned(results);
  // A plan job that died before recording anything (install failure, timeout) must not pass unnoticed.
  const recorded = new Set(planned.map((p) => p.result.stack));
  if (!env.NOT_PLANNED_REASON) {
    for (const e of matrix.waves.flat().filter((e) => !recorded.has(e.stack))) {
      planned.push({ result: { ...e, status: "failed", summary: "no result", reason: "the plan job recorded no result (it failed or was cancelled before planning); see its log" }, text: "" });
    }
  }
  const findings = gateFindings(planned.map((p) => p.result));
  const approver = findings.length > 0 ? await gateApprover() : undefined;
  const manifest = readManifest(outdir);
  const body = renderReport({
    planned,
    waves: matrix.waves.map((w) => w.map((e) => e.stack)),
    changes: matrix.changes,
    manifest,
    reads: remoteStateReads(outdir, manifest),
    terraformVersion: pinnedTerraformVersion(),
    commit: env.HEAD_SHA ?? env.GITHUB_SHA,
    runUrl: env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
    notPlannedReason: env.NOT_PLANNED_REASON || undefined,
    gate: { findings, approver },
    costs: planned.map((p) => readInfracost(results, p.result.stack)).filter((c) => c !== undefined),
  });
  appendSummary(body);
  if (!env.GITHUB_STEP_SUMMARY) console.log(body);
  if (args.flags.has("comment")) await comment(body);
  failOnFailedPlans(planned);
  if (findings.length > 0 && !approver) throw new OpsError(`Plan gate: ${findings.map((f) => f.stack).join(", ")} would destroy or replace stateful resources; see the plan comment`);
}

/** Who added the gate's label, read from the pull request's events (PR_NUMBER, PR_AUTHOR, GITHUB_TOKEN). */
async function gateApprover(): Promise<string | undefined> {
  const api = apiFromEnv();
  const { PR_NUMBER, PR_AUTHOR } = process.env;
  if (!api || !PR_NUMBER || !PR_AUTHOR) return undefined;
  return labelApprover(await listAll<IssueEvent>(api, `/issues/${PR_NUMBER}/events`), PR_AUTHOR);
}

async function comment(body: string): Promise<void> {
  const env = process.env;
  if (!env.GITHUB_TOKEN || !env.PR_NUMBER || !env.GITHUB_REPOSITORY) throw new OpsError("ci report --comment needs GITHUB_TOKEN, PR_NUMBER and GITHUB_REPOSITORY");
  const outcome = await upsertComment({ apiUrl: env.GITHUB_API_URL ?? "https://api.github.com", repository: env.GITHUB_REPOSITORY, pullRequest: Number(env.PR_NUMBER), token: env.GITHUB_TOKEN, marker: COMMENT_MARKER }, body);
  console.log(`Plan comment ${outcome.action} (id ${outcome.id})`);
}

/** Fails the report when any plan failed, so the report job can be the one required check for plans. */
function failOnFailedPlans(planned: readonly { result: PlanResult }[]): void {
  const failed = planned.filter((p) => p.result.status === "failed").map((p) => p.result.stack);
  if (failed.length > 0) throw new OpsError(`${failed.length} plan(s) failed: ${failed.join(", ")}`);
}
