import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { actionStep, initStep, prepareSteps, terraformStep } from "../steps";
import type { TerraformRunner } from "../terraform";
import type { StackInfo } from "../workspace";

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
}

/** File names inside `<results>/<stack>/`. */
export const RESULT_FILE = "result.json";
export const PLAN_TEXT = "plan.txt";
export const PLAN_FILE = "tfplan";

/** Options of {@link ciPlan}. */
export interface CiPlanOptions {
  readonly stack: StackInfo;
  readonly locksDir: string;
  /** Results go to `<resultsDir>/<stack>/`. */
  readonly resultsDir: string;
  readonly run: TerraformRunner;
  /** Record the stack as skipped, with this reason, instead of planning (e.g. no plan role configured). */
  readonly skipReason?: string;
  /** Keep the binary plan next to the result, for the apply job. @default false: it may hold sensitive values */
  readonly keepPlan?: boolean;
}

// A consumer of remote state whose producer was never applied fails one of these ways.
const MISSING_UPSTREAM = [
  /Unable to find remote state/,
  /No stored state was found for the given workspace/,
  /terraform_remote_state[\s\S]*(Unsupported attribute|object with no attributes|does not have an attribute named)/,
  /(Unsupported attribute|does not have an attribute named)[\s\S]*terraform_remote_state/,
];
// The account's state bucket does not exist yet: the state stack was never bootstrapped.
const NO_STATE_BUCKET = [/S3 bucket "[^"]*" does not exist/, /NoSuchBucket/];

/**
 * Plans one stack the way the pull-request and apply workflows do: copy the
 * committed lock file and the state-stack backend override in, init, plan
 * with `-detailed-exitcode`, render the plan. A plan that cannot read an
 * upstream stack's outputs because that stack was never applied, or whose
 * account was never bootstrapped, is `provisional`, not `failed`: nothing is
 * wrong with the change, the order of applies just has not reached it yet.
 */
export function ciPlan(options: CiPlanOptions): PlanResult {
  const { stack, run } = options;
  const out = join(options.resultsDir, stack.name);
  mkdirSync(out, { recursive: true });
  const base = { stack: stack.name, deployment: stack.deployment, region: stack.region, kind: stack.kind };
  const finish = (result: PlanResult, text: string): PlanResult => {
    writeFileSync(join(out, PLAN_TEXT), text);
    writeFileSync(join(out, RESULT_FILE), `${JSON.stringify(result, null, 2)}\n`);
    return result;
  };
  if (options.skipReason) return finish({ ...base, status: "skipped", summary: "not planned", reason: options.skipReason }, `${options.skipReason}\n`);

  for (const step of prepareSteps(stack, options.locksDir)) step.prepare?.();
  const init = run(initStep(stack, options.locksDir, ["-no-color"]).terraform!, { capture: true });
  if (init.status !== 0) return finish({ ...base, ...classifyFailure(init.output, stack, "init") }, init.output);

  const plan = run([...actionStep(stack, "plan", { planOut: PLAN_FILE }).terraform!, "-no-color"], { capture: true });
  if (plan.status !== 0 && plan.status !== 2) return finish({ ...base, ...classifyFailure(plan.output, stack, "plan") }, plan.output);

  const show = run(terraformStep([`-chdir=${stack.dir}`, "show", "-no-color", PLAN_FILE]).terraform!, { capture: true });
  const text = show.status === 0 ? show.output : plan.output;
  if (options.keepPlan) copyFileSync(join(stack.dir, PLAN_FILE), join(out, PLAN_FILE));
  const status = plan.status === 2 ? "changes" : "no-changes";
  return finish({ ...base, status, summary: planSummaryLine(text) ?? planSummaryLine(plan.output) ?? (status === "changes" ? "Changes planned" : "No changes.") }, text);
}

/** Sorts a failed init or plan into provisional (upstream not applied, account not bootstrapped) or failed. */
export function classifyFailure(output: string, stack: Pick<StackInfo, "dependencies" | "deployment" | "account">, phase: "init" | "plan"): Pick<PlanResult, "status" | "summary" | "reason"> {
  if (NO_STATE_BUCKET.some((p) => p.test(output))) {
    return {
      status: "provisional",
      summary: "state backend not bootstrapped yet",
      reason: `the state bucket of account ${stack.account} does not exist: bootstrap it once with \`npm run ops -- bootstrap ${stack.deployment}\``,
    };
  }
  if (phase === "plan" && MISSING_UPSTREAM.some((p) => p.test(output))) {
    // Each contract read is a remote state named after the stack it reads from (stacks/contracts.ts).
    const read = [...new Set([...output.matchAll(/data\.terraform_remote_state\.([A-Za-z0-9-]+)/g)].map((m) => m[1]))].sort();
    const upstream = read.length > 0 ? read : stack.dependencies;
    return {
      status: "provisional",
      summary: "upstream outputs missing",
      reason: `reads outputs that ${upstream.join(", ") || "its upstream stacks"} ${upstream.length === 1 ? "does" : "do"} not have yet (never applied, or the outputs are added in this change); it plans for real once ${upstream.length === 1 ? "that stack is" : "they are"} applied`,
    };
  }
  const hint = /lock file|dependency lock/i.test(output) ? " The committed provider lock file does not match: run the provider-locks workflow." : "";
  return { status: "failed", summary: `terraform ${phase} failed`, reason: `${firstError(output) ?? `terraform ${phase} exited non-zero`}${hint}` };
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
