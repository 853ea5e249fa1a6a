import { PLAN_FILE } from "../ci/plan";
import type { MatrixEntry } from "../ci/matrix";
import { actionStep, initStep, prepareSteps, terraformStep } from "../steps";
import { APPLY_ROLE_VARIABLE, type StackInfo } from "../workspace";

/**
 * What the pull-request workflow runs for these waves: per stack, the
 * credentials it assumes and the commands of its plan job.
 */
export function describePlanWorkflow(waves: readonly MatrixEntry[][], infos: ReadonlyMap<string, StackInfo>, locksDir: string): string {
  if (waves.length === 0) return "pull-request workflow: no stack changed, no plan job runs";
  const lines = [`pull-request workflow: ${waves.flat().length} plan job(s) in ${waves.length} wave(s)`];
  waves.forEach((wave, i) => {
    lines.push("", `wave ${i + 1} (after wave ${i || "-"})`);
    for (const entry of wave) lines.push(...planJob(entry, infos.get(entry.stack)!, locksDir, false));
  });
  return lines.join("\n");
}

/**
 * What the apply workflow runs for a deployment: wave by wave, a plan job
 * per stack, then (only for stacks whose plan has changes) an apply job that
 * waits for approval on the deployment's environment and applies that plan.
 */
export function describeApplyWorkflow(deployment: string, waves: readonly MatrixEntry[][], infos: ReadonlyMap<string, StackInfo>, locksDir: string): string {
  const lines = [`apply workflow for ${deployment}: ${waves.flat().length} stack(s) in ${waves.length} wave(s); concurrency group apply-${deployment} (queued, never cancelled)`];
  waves.forEach((wave, i) => {
    lines.push("", `wave ${i + 1}`);
    for (const entry of wave) {
      const stack = infos.get(entry.stack)!;
      lines.push(...planJob(entry, stack, locksDir, true));
      lines.push(`  apply ${entry.stack}, only if its plan has changes:`);
      lines.push(`    wait for approval: environment "${deployment}" (required reviewers read the plan above)`);
      lines.push(`    assume vars.${APPLY_ROLE_VARIABLE} of environment "${deployment}" in ${entry.region} (OIDC)`);
      for (const step of [...prepareSteps(stack, locksDir), initStep(stack, locksDir), actionStep(stack, "apply", { savedPlan: PLAN_FILE })]) lines.push(`    ${step.describe}`);
    }
  });
  return lines.join("\n");
}

function planJob(entry: MatrixEntry, stack: StackInfo, locksDir: string, keepPlan: boolean): string[] {
  const steps = [
    ...prepareSteps(stack, locksDir),
    initStep(stack, locksDir, ["-no-color"]),
    // Pull-request plans take no state lock; the plan an apply approves does.
    { describe: `${actionStep(stack, "plan", { planOut: PLAN_FILE, lock: keepPlan }).describe} -no-color` },
    terraformStep([`-chdir=${stack.dir}`, "show", "-no-color", PLAN_FILE]),
    { describe: `${terraformStep([`-chdir=${stack.dir}`, "show", "-json", PLAN_FILE]).describe} (not echoed; read for the plan gate, kept in the stack directory)` },
  ];
  return [
    `  plan ${entry.stack}`,
    `    assume vars.${entry.roleVariable} in ${entry.region} (OIDC; ${keepPlan ? "the run fails when it is unset" : "skipped with a note when unset"})`,
    ...steps.map((s) => `    ${s.describe}`),
    `    record result.json + plan.txt${keepPlan ? ` + ${PLAN_FILE}` : ""} as artifact plan-${entry.stack}`,
  ];
}
