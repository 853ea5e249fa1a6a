import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { OpsError } from "../errors";
import { actionStep, initStep, prepareSteps, terraformStep } from "../steps";
import type { TerraformRunner } from "../terraform";
import type { StackInfo } from "../workspace";
import { diagnostics, type StackOutputs, waitsFor } from "./diagnostics";
import { isGated } from "./gate";
import { hasAppliedResources, parsePlanJson, planFingerprint, type StatefulChange, statefulChanges } from "./plan-json";

/** How a stack's plan came out. */
export type PlanStatus = "changes" | "no-changes" | "provisional" | "failed" | "skipped";

/** What a plan job records for the report and the apply job: `<results>/<stack>/result.json`. */
export interface PlanResult {
  readonly stack: string;
  readonly deployment: string;
  readonly region: string;
  readonly kind: "state" | "layer";
  readonly status: PlanStatus;
  /** One line: Terraform's "Plan: ..." line, "No changes.", or what went wrong. */
  readonly summary: string;
  /** Why a plan is provisional, failed or skipped. */
  readonly reason?: string;
  /** Whether the plan gate protects this stack (staging, prod, state stacks). */
  readonly gated?: boolean;
  /** Stateful resources the plan deletes or replaces (addresses only, never values). */
  readonly stateful?: readonly StatefulChange[];
  /** {@link planFingerprint} of the plan, to re-plan and compare when the saved plan expired. */
  readonly fingerprint?: string;
  /** Whether the stack's state held resources before this plan (false: never applied). */
  readonly applied?: boolean;
}

/** File names inside `<results>/<stack>/`. */
export const RESULT_FILE = "result.json";
export const PLAN_TEXT = "plan.txt";
export const PLAN_FILE = "tfplan";
/**
 * The JSON plan, written into the stack's directory for Infracost and never
 * into the results folder: `terraform show -json` prints sensitive values
 * in clear text, and the results folder is uploaded as an artifact.
 */
export const PLAN_JSON = "tfplan.json";

/** Options of {@link ciPlan}. */
export interface CiPlanOptions {
  readonly stack: StackInfo;
  /** Every stack of the synth, to tell a producer's declared outputs (provisional plans). */
  readonly stacks: ReadonlyMap<string, StackOutputs>;
  readonly locksDir: string;
  /** Results go to `<resultsDir>/<stack>/`. */
  readonly resultsDir: string;
  readonly run: TerraformRunner;
  /** Record the stack as skipped, with this reason, instead of planning (e.g. no plan role configured). */
  readonly skipReason?: string;
  /** Keep the binary plan next to the result, for the apply job. @default false: it may hold sensitive values */
  readonly keepPlan?: boolean;
  /**
   * Take the state lock while planning. @default true. Pull-request and drift
   * plans pass false: they apply nothing, and a lock left by a cancelled run
   * would block the next apply.
   */
  readonly lock?: boolean;
}

// The account's state bucket does not exist yet: the state stack was never bootstrapped.
const NO_STATE_BUCKET = [/S3 bucket "[^"]*" does not exist/, /NoSuchBucket/];

/**
 * Plans one stack the way the pull-request, apply and drift workflows do:
 * copy the committed lock file and the state-stack backend override in,
 * init, plan with `-detailed-exitcode`, render the plan as text and read it
 * as JSON (stateful resources destroyed, fingerprint, whether the stack was
 * applied before). A plan that only misses outputs of a producer stack not
 * applied yet, or whose account was never bootstrapped, is `provisional`,
 * not `failed`: nothing is wrong with the change, the order of applies just
 * has not reached it yet.
 */
export function ciPlan(options: CiPlanOptions): PlanResult {
  const { stack, run } = options;
  const out = join(options.resultsDir, stack.name);
  mkdirSync(out, { recursive: true });
  const base = { stack: stack.name, deployment: stack.deployment, region: stack.region, kind: stack.kind, gated: isGated(stack) };
  const finish = (result: PlanResult, text: string): PlanResult => {
    writeFileSync(join(out, PLAN_TEXT), text);
    writeFileSync(join(out, RESULT_FILE), `${JSON.stringify(result, null, 2)}\n`);
    return result;
  };
  if (options.skipReason) return finish({ ...base, status: "skipped", summary: "not planned", reason: options.skipReason }, `${options.skipReason}\n`);

  for (const step of prepareSteps(stack, options.locksDir)) step.prepare?.();
  const init = run(initStep(stack, options.locksDir, ["-no-color"]).terraform!, { capture: true });
  if (init.status !== 0) return finish({ ...base, ...classifyFailure(init.output, stack, "init", options.stacks) }, init.output);

  const plan = run([...actionStep(stack, "plan", { planOut: PLAN_FILE, lock: options.lock }).terraform!, "-no-color"], { capture: true });
  if (plan.status !== 0 && plan.status !== 2) return finish({ ...base, ...classifyFailure(plan.output, stack, "plan", options.stacks) }, plan.output);

  const show = run(terraformStep([`-chdir=${stack.dir}`, "show", "-no-color", PLAN_FILE]).terraform!, { capture: true });
  const text = show.status === 0 ? show.output : plan.output;
  // Never echoed: the JSON form holds sensitive values in clear text.
  const json = run(terraformStep([`-chdir=${stack.dir}`, "show", "-json", PLAN_FILE]).terraform!, { capture: true, quiet: true });
  let facts: Pick<PlanResult, "stateful" | "fingerprint" | "applied">;
  try {
    if (json.status !== 0) throw new OpsError("terraform show -json failed");
    const parsed = parsePlanJson(json.output);
    writeFileSync(join(stack.dir, PLAN_JSON), json.output);
    facts = { stateful: statefulChanges(parsed), fingerprint: planFingerprint(parsed), applied: hasAppliedResources(parsed) };
  } catch (error) {
    // Without the JSON plan the gate cannot tell what is destroyed: never let that pass.
    return finish({ ...base, status: "failed", summary: "plan not readable as JSON", reason: `${(error as Error).message}; the plan gate cannot check it` }, text);
  }
  if (options.keepPlan) copyFileSync(join(stack.dir, PLAN_FILE), join(out, PLAN_FILE));
  const status = plan.status === 2 ? "changes" : "no-changes";
  return finish({ ...base, status, summary: planSummaryLine(text) ?? planSummaryLine(plan.output) ?? (status === "changes" ? "Changes planned" : "No changes."), ...facts }, text);
}

/**
 * Sorts a failed init or plan into provisional (account not bootstrapped;
 * every error a missing output of an upstream stack not applied yet, see
 * {@link waitsFor}) or failed.
 */
export function classifyFailure(output: string, stack: Pick<StackInfo, "dependencies" | "deployment" | "account">, phase: "init" | "plan", stacks: ReadonlyMap<string, StackOutputs>): Pick<PlanResult, "status" | "summary" | "reason"> {
  if (NO_STATE_BUCKET.some((p) => p.test(output))) {
    return {
      status: "provisional",
      summary: "state backend not bootstrapped yet",
      reason: `the state bucket of account ${stack.account} does not exist: bootstrap it once with \`npm run ops -- bootstrap ${stack.deployment}\``,
    };
  }
  const errors = diagnostics(output).filter((d) => d.severity === "Error");
  const upstream = errors.map((d) => waitsFor(d, stack, stacks));
  if (phase === "plan" && errors.length > 0 && upstream.every((u) => u !== undefined)) {
    const read = [...new Set(upstream as string[])].sort();
    return {
      status: "provisional",
      summary: "upstream outputs missing",
      reason: `reads outputs that ${read.join(", ")} ${read.length === 1 ? "does" : "do"} not have yet (never applied, or the outputs are added in this change); it plans for real once ${read.length === 1 ? "that stack is" : "they are"} applied`,
    };
  }
  const hint = /lock file|dependency lock/i.test(output) ? " The committed provider lock file does not match: run the provider-locks workflow." : "";
  return { status: "failed", summary: `terraform ${phase} failed`, reason: `${errors[0]?.summary ?? firstError(output) ?? `terraform ${phase} exited non-zero`}${hint}` };
}

/** Terraform's one-line verdict: "Plan: 1 to add, ...", "No changes. ...", or undefined. */
export function planSummaryLine(text: string): string | undefined {
  const plan = /^Plan: .*$/m.exec(text) ?? /^No changes\..*$/m.exec(text);
  if (plan) return plan[0].trim();
  return /^Changes to Outputs:/m.test(text) ? "Changes to outputs only" : undefined;
}

/** Reads a stack's recorded result. */
export function readResult(resultsDir: string, stack: string): PlanResult {
  return JSON.parse(readFileSync(join(resultsDir, stack, RESULT_FILE), "utf8")) as PlanResult;
}

function firstError(output: string): string | undefined {
  const match = /Error: (.+)/.exec(output);
  return match ? match[1].trim() : undefined;
}
