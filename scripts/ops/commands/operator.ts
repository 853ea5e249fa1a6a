import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Deployment } from "../../../config/deployment";
import { applyOrder, deploymentStacks, type StackManifest } from "../../../lib/apply-order";
import { flagValue, type ParsedArgs } from "../args";
import { changedStacks } from "../ci/changed";
import { lockGroups, refreshLocks } from "../ci/locks";
import { buildWaves } from "../ci/matrix";
import { OpsError } from "../errors";
import type { Action } from "../steps";
import { pinnedTerraformVersion, processRunner, requireTerraform, warnOnVersionDrift } from "../terraform";
import { describeStacks, findDeployment, loadDeployments, LOCKS_DIR, readManifest, type StackInfo, synth } from "../workspace";
import { bootstrapPlan, executeBootstrap } from "./bootstrap";
import { formatListing, listDeployments } from "./list";
import { executeRun, formatRun, runPlan } from "./run";
import { describeApplyWorkflow, describePlanWorkflow } from "./workflow";

/** Synth output and what the scripts derive from it. */
interface Context {
  readonly outdir: string;
  readonly deployments: Deployment[];
  readonly manifest: StackManifest;
  readonly infos: Map<string, StackInfo>;
}

/**
 * Runs an operator command; false when `command` is not one. Commands that
 * run Terraform check for the binary first, before synthesizing anything.
 */
export function runOperator(command: string, rest: readonly string[], args: ParsedArgs): boolean {
  const dryRun = args.flags.has("dry-run");
  const autoApprove = args.flags.has("auto-approve");
  const terraform = () => {
    const binary = requireTerraform();
    warnOnVersionDrift(binary);
    return processRunner(binary);
  };
  switch (command) {
    case "list": {
      const ctx = context(args, rest);
      const chosen = rest.length > 0 ? rest.map((n) => findDeployment(ctx.deployments, n)) : ctx.deployments;
      const listings = listDeployments(ctx.manifest, ctx.infos, chosen);
      console.log(args.flags.has("json") ? JSON.stringify(listings, null, 2) : formatListing(listings, ctx.infos, pinnedTerraformVersion()));
      return true;
    }
    case "plan":
    case "apply":
    case "destroy": {
      const name = single(rest, `${command} <deployment>`);
      const run = dryRun ? undefined : terraform();
      const ctx = context(args, [name]);
      const request = { deployment: findDeployment(ctx.deployments, name), action: command as Action, stack: flagValue(args, "stack"), autoApprove, locksDir: LOCKS_DIR };
      const plans = runPlan(ctx.manifest, ctx.infos, request);
      console.log(formatRun(ctx.manifest, request, plans));
      if (run) executeRun(request.action, plans, run);
      return true;
    }
    case "bootstrap": {
      const name = single(rest, "bootstrap <deployment>");
      const run = dryRun ? undefined : terraform();
      const ctx = context(args, [name]);
      const stack = ctx.infos.get(deploymentStacks(ctx.manifest, findDeployment(ctx.deployments, name))[0])!;
      const plan = bootstrapPlan(stack, autoApprove);
      console.log([`bootstrap ${stack.name} (account ${stack.account}, ${stack.region})`, "check:", ...plan.check.map((s) => `  ${s.describe}`), "  (stops here if init succeeds: already bootstrapped)", "create:", ...plan.create.map((s) => `  ${s.describe}`)].join("\n"));
      if (run) executeBootstrap(stack, plan, run);
      return true;
    }
    case "locks": {
      const run = dryRun ? undefined : terraform();
      const ctx = context(args, []);
      const scratch = mkdtempSync(join(tmpdir(), "provider-locks-"));
      try {
        const groups = lockGroups(ctx.outdir, ctx.manifest, scratch);
        for (const g of groups) console.log(`${g.lockStep.describe}\n  -> locks/<stack>/.terraform.lock.hcl for ${g.stacks.join(", ")}`);
        if (run) {
          const { written, removed } = refreshLocks(groups, ctx.manifest, LOCKS_DIR, run);
          console.log(`Wrote ${written.length} lock files${removed.length ? `; removed locks of deleted stacks: ${removed.join(", ")}` : ""}`);
        }
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
      return true;
    }
    case "workflow": {
      const [which, ...names] = rest;
      if (which === "plan") {
        const ctx = context(args, []);
        const baseOut = flagValue(args, "base-outdir");
        const changes = changedStacks({ outdir: ctx.outdir, manifest: ctx.manifest, root: process.cwd() }, baseOut ? { outdir: baseOut, manifest: readManifest(baseOut), root: flagValue(args, "base-root") ?? process.cwd() } : undefined);
        console.log(describePlanWorkflow(buildWaves(ctx.manifest, ctx.infos, changes.changed), ctx.infos, LOCKS_DIR));
        return true;
      }
      if (which === "apply") {
        const name = single(names, "workflow apply <deployment>");
        const ctx = context(args, [name]);
        const own = deploymentStacks(ctx.manifest, findDeployment(ctx.deployments, name));
        const only = flagValue(args, "stack");
        if (only && !own.includes(only)) throw new OpsError(`Stack ${only} is not part of ${name}. Its stacks: ${applyOrder(ctx.manifest, own).join(", ")}`);
        console.log(describeApplyWorkflow(name, buildWaves(ctx.manifest, ctx.infos, only ? [only] : own, name), ctx.infos, LOCKS_DIR));
        return true;
      }
      throw new OpsError("Usage: workflow plan | workflow apply <deployment> [--stack <name>]");
    }
    default:
      return false;
  }
}

/** Synthesizes `names` (all when empty) unless --no-synth, then reads and describes the output. */
export function context(args: ParsedArgs, names: readonly string[]): Context {
  const outdir = resolve(flagValue(args, "outdir") ?? "cdktf.out");
  const deployments = loadDeployments();
  for (const n of names) findDeployment(deployments, n);
  if (!args.flags.has("no-synth")) synth(names, outdir);
  const manifest = readManifest(outdir);
  return { outdir, deployments, manifest, infos: describeStacks(manifest, deployments, outdir) };
}

function single(words: readonly string[], usage: string): string {
  if (words.length !== 1) throw new OpsError(`Usage: npm run ops -- ${usage}`);
  return words[0];
}
