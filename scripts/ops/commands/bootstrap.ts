import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { OpsError } from "../errors";
import { backendOverride, type Step, terraformStep } from "../steps";
import { LOCK_TIMEOUT, type TerraformRunner } from "../terraform";
import { REPO_ROOT, type StackInfo } from "../workspace";

/** The bootstrap of one account and region, step by step (README "State bootstrap"). */
export interface BootstrapPlan {
  /** Checks that the backend does not exist yet, so a second bootstrap never creates a duplicate key. */
  readonly check: readonly Step[];
  /** Creates bucket, table and key on local state, keeps a copy of that state, then migrates it into the bucket. */
  readonly create: readonly Step[];
}

/**
 * Steps to bootstrap `stack` (a state stack):
 * 1. check: point the stack at its own bucket and `init`; if that works the
 *    account is bootstrapped already and nothing else runs;
 * 2. create: drop the override, `init` + `apply` on local state, copy the
 *    local state to `backupDir` (default `bootstrap-backups/`, git-ignored
 *    as `*.tfstate`), write the override, and
 *    `init -migrate-state` to move the state into the bucket; a final plan
 *    should show no changes.
 */
export function bootstrapPlan(stack: StackInfo, autoApprove: boolean, backupDir = join(REPO_ROOT, "bootstrap-backups"), now = new Date()): BootstrapPlan {
  const b = stack.stateBackend;
  if (!b) throw new OpsError(`${stack.name} is not a state stack`);
  const chdir = `-chdir=${stack.dir}`;
  const override = join(stack.dir, "backend_override.tf.json");
  const localState = join(stack.dir, `terraform.${stack.name}.tfstate`);
  const backup = join(backupDir, `${stack.name}.${now.toISOString().replace(/[:.]/g, "-")}.tfstate`);
  const writeOverride: Step = { describe: `write ${override} (s3://${b.bucket}/${b.ownKey})`, prepare: () => writeFileSync(override, `${JSON.stringify(backendOverride(stack), null, 2)}\n`) };
  return {
    check: [writeOverride, terraformStep([chdir, "init", "-input=false", "-reconfigure", "-no-color"])],
    create: [
      { describe: `remove ${override} and ${join(stack.dir, ".terraform")} (start on local state)`, prepare: () => { rmSync(override, { force: true }); rmSync(join(stack.dir, ".terraform"), { recursive: true, force: true }); } },
      terraformStep([chdir, "init", "-input=false"]),
      terraformStep([chdir, "apply", ...(autoApprove ? ["-input=false", "-auto-approve"] : []), `-lock-timeout=${LOCK_TIMEOUT}`]),
      { describe: `copy ${localState} to ${backup} (git-ignored; keep it until the migrated state is verified)`, prepare: () => { mkdirSync(backupDir, { recursive: true }); copyFileSync(localState, backup); } },
      writeOverride,
      terraformStep([chdir, "init", "-migrate-state", ...(autoApprove ? ["-input=false", "-force-copy"] : [])]),
      terraformStep([chdir, "plan", "-input=false", `-lock-timeout=${LOCK_TIMEOUT}`]),
    ],
  };
}

/**
 * Runs the bootstrap. When the check shows the bucket already exists the
 * run stops with an explanation instead of applying again: a fresh apply on
 * empty local state would try to create a second key and fail on the
 * existing bucket.
 */
export function executeBootstrap(stack: StackInfo, plan: BootstrapPlan, run: TerraformRunner): void {
  plan.check[0].prepare?.();
  const check = run(plan.check[1].terraform!, { capture: true });
  if (check.status === 0) {
    throw new OpsError(`${stack.name} is bootstrapped already: its state is in s3://${stack.stateBackend!.bucket}/${stack.stateBackend!.ownKey}. Change it with: npm run ops -- apply ${stack.deployment} --stack ${stack.name}`);
  }
  if (!/S3 bucket "[^"]*" does not exist|NoSuchBucket/.test(check.output)) {
    throw new OpsError(`Could not tell whether ${stack.name} is bootstrapped (init failed for another reason, often credentials for account ${stack.account}); nothing was created`);
  }
  for (const step of plan.create) {
    console.log(`--- ${step.describe}`);
    if (step.prepare) {
      step.prepare();
      continue;
    }
    if (run(step.terraform!).status !== 0) throw new OpsError(`${step.describe} failed. ${existsSync(join(stack.dir, `terraform.${stack.name}.tfstate`)) ? "Local state is in the stack directory; copy it somewhere safe before the next synth replaces cdktf.out." : ""}`);
  }
}
