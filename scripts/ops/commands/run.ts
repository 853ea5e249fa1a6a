import { applyWaves, deploymentStacks, destroyOrder, externalDependencies, type StackManifest } from "../../../lib/apply-order";
import { OpsError } from "../errors";
import { type Action, type Step, stackSteps } from "../steps";
import type { TerraformRunner } from "../terraform";
import type { StackInfo } from "../workspace";

/** A stack and the steps that act on it, in the order they run. */
export interface StackPlan {
  readonly stack: string;
  readonly wave: number;
  readonly steps: readonly Step[];
}

/** What `plan`, `apply` or `destroy` of a deployment (or one of its stacks) will do. */
export interface RunRequest {
  readonly deployment: { readonly name: string; readonly account: { readonly name: string; readonly id?: string }; readonly region: string };
  readonly action: Action;
  /** Only this stack; its upstream stacks are assumed applied. */
  readonly stack?: string;
  readonly autoApprove?: boolean;
  readonly locksDir: string;
}

/**
 * The stacks to act on, in order, with their steps: apply order for plan and
 * apply, reverse for destroy. A whole-deployment destroy leaves the state
 * stack alone: other deployments may keep state in it and its bucket, table
 * and key are `prevent_destroy`; name it with `--stack` to try anyway.
 */
export function runPlan(manifest: StackManifest, infos: ReadonlyMap<string, StackInfo>, request: RunRequest): StackPlan[] {
  const own = deploymentStacks(manifest, request.deployment);
  if (request.stack && !own.includes(request.stack)) {
    throw new OpsError(`Stack ${request.stack} is not part of ${request.deployment.name}. Its stacks: ${own.join(", ")}`);
  }
  const selected = request.stack ? [request.stack] : request.action === "destroy" ? own.filter((s) => infos.get(s)?.kind !== "state") : own;
  const waves = applyWaves(manifest, own);
  const waveOf = (s: string) => waves.findIndex((w) => w.includes(s)) + 1;
  const ordered = request.action === "destroy" ? destroyOrder(manifest, selected) : selected;
  return ordered.map((name) => ({ stack: name, wave: waveOf(name), steps: stackSteps(infos.get(name)!, request.action, request.locksDir, { autoApprove: request.autoApprove }) }));
}

/** Prints what {@link executeRun} would do. */
export function formatRun(manifest: StackManifest, request: RunRequest, plans: readonly StackPlan[]): string {
  const lines = [`${request.action} ${request.deployment.name}${request.stack ? ` (only ${request.stack})` : ""}: ${plans.length} stack${plans.length === 1 ? "" : "s"}, ${request.action === "destroy" ? "reverse dependency order" : "dependency order"}`];
  const external = externalDependencies(manifest, plans.map((p) => p.stack));
  if (external.length > 0) lines.push(`${request.action === "destroy" ? "Left in place (shared state backend, prevent_destroy)" : "Assumes already applied"}: ${external.join(", ")}`);
  plans.forEach((p, i) => {
    lines.push("", `[${i + 1}/${plans.length}] ${p.stack} (wave ${p.wave})`);
    for (const step of p.steps) lines.push(`  ${step.describe}`);
  });
  return lines.join("\n");
}

/**
 * Runs the steps stack by stack. Apply and destroy stop at the first
 * failure (later stacks depend on it); plan carries on, since plans change
 * nothing, and fails at the end listing the stacks that did not plan.
 */
export function executeRun(action: Action, plans: readonly StackPlan[], run: TerraformRunner): void {
  const failed: string[] = [];
  plans.forEach((p, i) => {
    console.log(`\n=== [${i + 1}/${plans.length}] ${action} ${p.stack} (wave ${p.wave})`);
    for (const step of p.steps) {
      if (step.prepare) {
        console.log(`--- ${step.describe}`);
        step.prepare();
        continue;
      }
      console.log(`--- ${step.describe}`);
      if (run(step.terraform!).status === 0) continue;
      if (action !== "plan") throw new OpsError(`${step.describe} failed; stopped before the remaining ${plans.length - i - 1} stack(s), which depend on ${p.stack}`);
      failed.push(p.stack);
      break;
    }
  });
  if (failed.length > 0) throw new OpsError(`Plan failed for: ${failed.join(", ")} (a stack reading outputs of one not applied yet cannot plan until it is)`);
}
