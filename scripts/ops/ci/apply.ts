import { copyFileSync, existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { OpsError } from "../errors";
import { actionStep, initStep, prepareSteps, terraformStep } from "../steps";
import type { TerraformRunner } from "../terraform";
import type { StackInfo } from "../workspace";
import { PLAN_FILE, type PlanResult, readResult } from "./plan";
import { parsePlanJson, planFingerprint } from "./plan-json";

/**
 * Reads the plan results of one apply wave (`wave`: its stacks) and returns the stacks that have
 * changes, i.e. the ones whose apply job (and approval) is needed. A wave
 * with a failed or provisional plan stops the apply: by the time a wave runs
 * every upstream stack has been applied, so a provisional plan here means
 * something is wrong, not early.
 */
export function stacksToApply(resultsDir: string, wave: readonly string[]): PlanResult[] {
  const present = new Set(readdirSync(resultsDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name));
  const missing = wave.filter((s) => !present.has(s));
  if (missing.length > 0) throw new OpsError(`Not applying: no plan result for ${missing.join(", ")}`);
  // Results of earlier waves are in the same folder (one run, one artifact store); only this wave counts.
  const results = [...wave].sort().map((s) => readResult(resultsDir, s));
  const blocked = results.filter((r) => r.status !== "changes" && r.status !== "no-changes");
  if (blocked.length > 0) {
    throw new OpsError(`Not applying: ${blocked.map((r) => `${r.stack} is ${r.status} (${r.reason ?? r.summary})`).join("; ")}`);
  }
  return results.filter((r) => r.status === "changes");
}

/**
 * Applies the saved plan a reviewer approved: the same lock file and backend
 * override as the plan, `init`, then `terraform apply <plan>`. Terraform
 * refuses a plan whose state changed since it was made, so a stale plan
 * fails instead of applying something nobody reviewed.
 *
 * The saved plan is kept one day, an approval can wait up to thirty. When
 * the plan file is gone and the approved plan's `fingerprint` is known, the
 * stack is planned again and applied only if the new plan has the same
 * fingerprint (the same changes, values included); otherwise nothing is
 * applied and the run must be started again for a fresh review.
 */
export function ciApply(stack: StackInfo, planFile: string, locksDir: string, run: TerraformRunner, fingerprint?: string): void {
  for (const step of prepareSteps(stack, locksDir)) step.prepare?.();
  if (existsSync(planFile)) {
    copyFileSync(planFile, join(stack.dir, PLAN_FILE));
  } else if (!fingerprint) {
    throw new OpsError(`No saved plan at ${planFile} for ${stack.name}`);
  }
  if (run(initStep(stack, locksDir).terraform!).status !== 0) throw new OpsError(`terraform init failed for ${stack.name}`);
  if (!existsSync(planFile)) replanMatching(stack, run, fingerprint!);
  if (run(actionStep(stack, "apply", { savedPlan: PLAN_FILE }).terraform!).status !== 0) throw new OpsError(`terraform apply failed for ${stack.name}`);
}

function replanMatching(stack: StackInfo, run: TerraformRunner, fingerprint: string): void {
  console.log(`The saved plan of ${stack.name} expired; planning again and comparing with the approved plan`);
  const plan = run([...actionStep(stack, "plan", { planOut: PLAN_FILE }).terraform!, "-no-color"], { capture: true });
  if (plan.status !== 0 && plan.status !== 2) throw new OpsError(`terraform plan failed for ${stack.name}`);
  const json = run(terraformStep([`-chdir=${stack.dir}`, "show", "-json", PLAN_FILE]).terraform!, { capture: true, quiet: true });
  if (json.status !== 0 || planFingerprint(parsePlanJson(json.output)) !== fingerprint) {
    throw new OpsError(`Not applying ${stack.name}: its saved plan expired and a new plan differs from the approved one. Run the apply workflow again and review the new plan.`);
  }
}
