import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { applyOrder, deploymentStacks } from "../../../lib/apply-order";
import { flagValue, type ParsedArgs } from "../args";
import { context } from "../commands/operator";
import { OpsError } from "../errors";
import { appendSummary, setOutputs } from "../github";
import { processRunner, requireTerraform } from "../terraform";
import { findDeployment, LOCKS_DIR, readManifest, REPO_ROOT } from "../workspace";
import { ciApply, stacksToApply } from "./apply";
import { type ChangeSet, changedStacks } from "./changed";
import { prepareCheckovInput, readCheckovSkips } from "./checkov";
import { applyGate, gateFindings, parseAllowList } from "./gate";
import { buildWaves, type MatrixEntry, waveOutputs } from "./matrix";
import { ciPlan, PLAN_TEXT, type PlanResult } from "./plan";
import { driftByDeployment, syncDriftIssues } from "./drift";
import { apiFromEnv } from "./github-api";
import { type MatrixFile, readPlanned, report } from "./report-command";
import { ciValidate, validateGroups } from "./validate";

/**
 * The commands the workflows call (`npm run ops -- ci <command>`). They read
 * the synth output already in place (`--outdir`, default cdktf.out) and
 * never synthesize themselves.
 */
export async function runCi(words: readonly string[], args: ParsedArgs): Promise<void> {
  const [command, ...rest] = words;
  const noSynth: ParsedArgs = { positional: args.positional, flags: new Map([...args.flags, ["no-synth", true]]) };
  const results = resolve(flagValue(args, "results") ?? "plan-results");
  switch (command) {
    case "matrix": {
      // PR: stacks changed against the base synth. Apply: one deployment (or one of its stacks). Else: all.
      const ctx = context(noSynth, []);
      const deployment = flagValue(args, "deployment");
      const baseOut = flagValue(args, "base-outdir");
      let changes: ChangeSet;
      if (deployment) {
        const own = deploymentStacks(ctx.manifest, findDeployment(ctx.deployments, deployment));
        const only = flagValue(args, "stack");
        if (only && !own.includes(only)) throw new OpsError(`Stack ${only} is not part of ${deployment}. Its stacks: ${applyOrder(ctx.manifest, own).join(", ")}`);
        const selected = only ? [only] : own;
        changes = { changed: selected, removed: [], unchanged: [], reasons: Object.fromEntries(selected.map((s) => [s, `apply of ${deployment}`])) };
      } else {
        const base = baseOut && existsSync(join(baseOut, "manifest.json")) ? { outdir: baseOut, manifest: readManifest(baseOut), root: resolve(flagValue(args, "base-root") ?? REPO_ROOT) } : undefined;
        changes = changedStacks({ outdir: ctx.outdir, manifest: ctx.manifest, root: REPO_ROOT }, baseOut ? base : undefined);
        if (baseOut && !base) console.error(`warning: no base synth in ${baseOut}; planning every stack`);
      }
      const waves = buildWaves(ctx.manifest, ctx.infos, changes.changed, deployment);
      const write = flagValue(args, "write");
      if (write) writeJson(write, { waves, changes } satisfies MatrixFile);
      setOutputs(waveOutputs(waves));
      for (const [stack, reason] of Object.entries(changes.reasons)) console.error(`${stack}: ${reason}`);
      return;
    }
    case "plan": {
      const ctx = context(noSynth, []);
      const stack = ctx.infos.get(single(rest, "ci plan <stack>"));
      if (!stack) throw new OpsError(`Unknown stack ${rest[0]}. Known stacks: ${[...ctx.infos.keys()].sort().join(", ")}`);
      const skipReason = flagValue(args, "skip-reason");
      const run = skipReason ? () => ({ status: 1, output: "" }) : processRunner(requireTerraform());
      const result = ciPlan({ stack, stacks: ctx.infos, locksDir: LOCKS_DIR, resultsDir: results, run, skipReason, keepPlan: args.flags.has("keep-plan"), lock: !args.flags.has("no-lock") });
      appendSummary(stackSummary(result, readFileSync(join(results, stack.name, PLAN_TEXT), "utf8")));
      console.log(`${stack.name}: ${result.status}: ${result.summary}${result.reason ? ` (${result.reason})` : ""}`);
      if (result.status === "failed" || (args.flags.has("strict") && result.status !== "changes" && result.status !== "no-changes")) throw new OpsError(`Plan of ${stack.name} is ${result.status}`);
      return;
    }
    case "changes": {
      const ctx = context(noSynth, []);
      const wave = flagValue(args, "wave");
      if (!wave) throw new OpsError("ci changes needs --wave '<matrix entries JSON>' (the wave's stacks)");
      const waveStacks = (JSON.parse(wave) as MatrixEntry[]).map((e) => e.stack);
      const changed = stacksToApply(results, waveStacks);
      const gate = applyGate(gateFindings(changed), waveStacks, parseAllowList(flagValue(args, "allow-destroy")));
      for (const entry of gate.unused) console.warn(`::warning::allow-destroy names ${entry}, which this wave's plan does not destroy or replace`);
      if (gate.unapproved.length > 0) {
        const list = gate.unapproved.join(",");
        appendSummary(`### 🛑 Plan gate

These stateful resources would be destroyed or replaced:

${gate.unapproved.map((a) => `- \`${a}\``).join("\n")}

If that is intended, run the workflow again with the input \`allow-destroy\` set to:

\`\`\`text
${list}
\`\`\`
`);
        throw new OpsError(`Plan gate: not applying; these stateful resources would be destroyed or replaced: ${list}. To allow it, run the apply again with allow-destroy: ${list}`);
      }
      const fingerprints = new Map(changed.map((r) => [r.stack, r.fingerprint ?? ""]));
      const entries = buildWaves(ctx.manifest, ctx.infos, changed.map((r) => r.stack), flagValue(args, "deployment")).flat().map((e) => ({ ...e, fingerprint: fingerprints.get(e.stack) }));
      setOutputs({ stacks: JSON.stringify(entries) });
      appendSummary(changed.length === 0 ? "No stack of this wave has changes; nothing to approve." : `Waiting for approval to apply: ${changed.map((r) => `\`${r.stack}\` (${r.summary})`).join(", ")}`);
      return;
    }
    case "apply": {
      const ctx = context(noSynth, []);
      const stack = ctx.infos.get(single(rest, "ci apply <stack> --plan <file>"));
      if (!stack) throw new OpsError(`Unknown stack ${rest[0]}`);
      ciApply(stack, resolve(flagValue(args, "plan") ?? join(results, stack.name, "tfplan")), LOCKS_DIR, processRunner(requireTerraform()), flagValue(args, "fingerprint") || undefined);
      appendSummary(`### ✅ Applied \`${stack.name}\``);
      return;
    }
    case "report":
      return report(args, results);
    case "drift": {
      const ctx = context(noSynth, []);
      const drifts = driftByDeployment(readPlanned(results), ctx.infos, ctx.deployments.map((d) => d.name));
      const env = process.env;
      const runUrl = env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
      const api = apiFromEnv();
      if (!api) throw new OpsError("ci drift needs GITHUB_TOKEN and GITHUB_REPOSITORY (it opens and closes issues)");
      const actions = await syncDriftIssues(api, drifts, runUrl);
      appendSummary(["### Drift", "", "| deployment | drifted | plan failed | issue |", "|---|---|---|---|", ...drifts.map((d, i) => `| ${d.deployment} | ${d.drifted.map((p) => p.result.stack).join(", ") || "—"} | ${d.failed.map((p) => p.result.stack).join(", ") || "—"} | ${actions[i].action}${actions[i].number ? ` #${actions[i].number}` : ""} |`)].join("\n"));
      const failed = drifts.flatMap((d) => d.failed.map((p) => p.result.stack));
      if (failed.length > 0) throw new OpsError(`Drift unknown: the plan failed for ${[...new Set(failed)].join(", ")}`);
      return;
    }
    case "validate-matrix": {
      const ctx = context(noSynth, []);
      const groups = validateGroups(ctx.outdir, ctx.manifest);
      setOutputs({ groups: JSON.stringify(groups) });
      for (const g of groups) console.error(`${g.providers}: ${g.stacks}`);
      return;
    }
    case "validate": {
      const ctx = context(noSynth, []);
      const unknown = rest.filter((n) => !ctx.infos.has(n));
      if (rest.length === 0 || unknown.length > 0) throw new OpsError(`Usage: npm run ops -- ci validate <stack...>${unknown.length ? `; unknown: ${unknown.join(", ")}` : ""}`);
      const outcome = ciValidate(rest.map((n) => ctx.infos.get(n)!), LOCKS_DIR, processRunner(requireTerraform()));
      const failed = outcome.filter((r) => !r.ok);
      appendSummary([`### terraform validate: ${outcome.length - failed.length} of ${outcome.length} valid`, "", ...outcome.map((r) => `- ${r.ok ? "✅" : "❌"} \`${r.stack}\``)].join("\n"));
      if (failed.length > 0) throw new OpsError(`terraform validate failed for ${failed.map((r) => r.stack).join(", ")}`);
      return;
    }
    case "checkov-input": {
      const ctx = context(noSynth, []);
      const skips = readCheckovSkips(flagValue(args, "skips") ?? join(REPO_ROOT, ".github", "security", "checkov-skips.yaml"));
      const groups = prepareCheckovInput(ctx.outdir, ctx.manifest, skips, resolve(flagValue(args, "dest") ?? "checkov-input"));
      for (const g of groups) console.log(`${g.dir}: ${g.stacks.length} stacks, skipping ${g.skipChecks.join(", ") || "nothing"}`);
      return;
    }
    default:
      throw new OpsError("Usage: npm run ops -- ci matrix | plan <stack> | changes | apply <stack> | report | checkov-input | validate-matrix | validate <stack...> | drift");
  }
}

/** Job summary of one stack's plan job (step summaries allow 1 MiB; keep well under). */
function stackSummary(result: PlanResult, text: string): string {
  const limit = 500_000;
  const shown = text.length > limit ? `${text.slice(0, limit)}\n… cut; the full plan is in the artifact plan-${result.stack}` : text;
  return `### ${result.stack}: ${result.status}\n\n${result.summary}${result.reason ? `\n\n${result.reason}` : ""}\n\n<details><summary>plan output</summary>\n\n\`\`\`\`text\n${shown}\n\`\`\`\`\n</details>\n`;
}

function single(words: readonly string[], usage: string): string {
  if (words.length !== 1) throw new OpsError(`Usage: npm run ops -- ${usage}`);
  return words[0];
}

function writeJson(file: string, value: unknown): void {
  mkdirSync(dirname(resolve(file)), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}
