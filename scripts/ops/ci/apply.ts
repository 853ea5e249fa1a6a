import { copyFileSync, existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { OpsError } from "../errors";
import { actionStep, initStep, prepareSteps } from "../steps";
import type { TerraformRunner } from "../terraform";
import type { StackInfo } from "../workspace";
import { PLAN_FILE, type PlanResult, readResult } from "./plan";

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
 */
export function ciApply(stack: StackInfo, planFile: string, locksDir: string, run: TerraformRunner): void {
  if (!existsSync(planFile)) throw new OpsError(`No saved plan at ${planFile} for ${stack.name}`);
  for (const step of prepareSteps(stack, locksDir)) step.prepare?.();
  copyFileSync(planFile, join(stack.dir, PLAN_FILE));
  if (run(initStep(stack, locksDir).terraform!).status !== 0) throw new OpsError(`terraform init failed for ${stack.name}`);
  if (run(actionStep(stack, "apply", { savedPlan: PLAN_FILE }).terraform!).status !== 0) throw new OpsError(`terraform apply failed for ${stack.name}`);
}
