import { copyFileSync, existsSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { LOCK_TIMEOUT } from "./terraform";
import type { StackInfo } from "./workspace";

/** What can be done to a stack. */
export type Action = "plan" | "apply" | "destroy";

/**
 * One step of working on a stack: a file to put in place before Terraform
 * runs, or a Terraform command. The same list is executed by the scripts and
 * the workflows and printed by dry runs, so what is shown is what runs.
 */
export interface Step {
  /** One line for humans: the command line, or what the file operation does. */
  readonly describe: string;
  /** Arguments to `terraform`, when the step is a Terraform command. */
  readonly terraform?: readonly string[];
  /** The file operation, when the step is one. */
  readonly prepare?: () => void;
}

/** Options of the Terraform command steps. */
export interface StepOptions {
  /** Skip Terraform's interactive approval (apply, destroy). @default false: Terraform asks */
  readonly autoApprove?: boolean;
  /** Plan: write the plan to this file (in the stack directory) and exit 2 when it has changes. */
  readonly planOut?: string;
  /** Apply: apply this saved plan file (in the stack directory) instead of planning again. */
  readonly savedPlan?: string;
  /** Plan: take the state lock (waiting up to LOCK_TIMEOUT for it). @default true; false plans with `-lock=false` */
  readonly lock?: boolean;
}

/** The lock file committed for a stack, if any: `locks/<stack>/.terraform.lock.hcl`. */
export function lockFileOf(stack: Pick<StackInfo, "name">, locksDir: string): string | undefined {
  const file = join(locksDir, stack.name, ".terraform.lock.hcl");
  return existsSync(file) ? file : undefined;
}

/**
 * Files a stack's directory needs before `terraform init`: its committed
 * provider lock file, and for a state stack the backend override that points
 * it at the bucket it created (cdktf.out is regenerated on every synth, so
 * the override is written every time).
 */
export function prepareSteps(stack: StackInfo, locksDir: string): Step[] {
  const steps: Step[] = [];
  const lock = lockFileOf(stack, locksDir);
  if (lock) {
    steps.push({ describe: `copy ${show(lock)} to ${show(stack.dir)}/`, prepare: () => copyFileSync(lock, join(stack.dir, ".terraform.lock.hcl")) });
  }
  const backend = stack.stateBackend;
  if (backend) {
    steps.push({
      describe: `write ${show(join(stack.dir, "backend_override.tf.json"))} (state in s3://${backend.bucket}/${backend.ownKey})`,
      prepare: () => writeFileSync(join(stack.dir, "backend_override.tf.json"), `${JSON.stringify(backendOverride(stack), null, 2)}\n`),
    });
  }
  return steps;
}

/** The `backend_override.tf.json` moving a state stack's own state into its bucket (README "State bootstrap"). */
export function backendOverride(stack: StackInfo): object {
  const b = stack.stateBackend;
  if (!b) throw new Error(`${stack.name} is not a state stack`);
  return { terraform: { backend: { s3: { bucket: b.bucket, key: b.ownKey, region: b.region, encrypt: true, use_lockfile: true, dynamodb_table: b.lockTable } } } };
}

/** `terraform init`, read-only on the lock file when a committed one was copied in. */
export function initStep(stack: StackInfo, locksDir: string, extra: readonly string[] = []): Step {
  const args = [`-chdir=${stack.dir}`, "init", "-input=false", ...(lockFileOf(stack, locksDir) ? ["-lockfile=readonly"] : []), ...extra];
  return terraformStep(args);
}

/** The plan, apply or destroy command for a stack. */
export function actionStep(stack: StackInfo, action: Action, options: StepOptions = {}): Step {
  const chdir = `-chdir=${stack.dir}`;
  const lock = action === "plan" && options.lock === false ? "-lock=false" : `-lock-timeout=${LOCK_TIMEOUT}`;
  // -input=false also refuses Terraform's approval prompt, so only pass it when nobody will be asked.
  const noInput = action === "plan" || options.autoApprove || options.savedPlan ? ["-input=false"] : [];
  if (action === "plan") {
    return terraformStep([chdir, "plan", ...noInput, lock, ...(options.planOut ? ["-detailed-exitcode", `-out=${options.planOut}`] : [])]);
  }
  if (action === "apply" && options.savedPlan) return terraformStep([chdir, "apply", ...noInput, lock, options.savedPlan]);
  return terraformStep([chdir, action, ...noInput, lock, ...(options.autoApprove ? ["-auto-approve"] : [])]);
}

/** Every step to plan, apply or destroy one stack: prepare files, init, act. */
export function stackSteps(stack: StackInfo, action: Action, locksDir: string, options: StepOptions = {}): Step[] {
  return [...prepareSteps(stack, locksDir), initStep(stack, locksDir), actionStep(stack, action, options)];
}

/** A Terraform command step. */
export function terraformStep(args: readonly string[]): Step {
  return { describe: `terraform ${args.map(show).join(" ")}`, terraform: args };
}

/** Shows paths relative to the current directory, so printed commands can be pasted. */
function show(text: string): string {
  const cwd = process.cwd();
  return text.replace(/(^|=)(\/[^ ]*)/g, (_m, prefix: string, path: string) => `${prefix}${path.startsWith(cwd) ? relative(cwd, path) || "." : path}`);
}
