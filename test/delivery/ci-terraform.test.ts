import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ciApply, stacksToApply } from "../../scripts/ops/ci/apply";
import { LOCK_PLATFORMS, lockGroups, refreshLocks } from "../../scripts/ops/ci/locks";
import { ciPlan, classifyFailure, planSummaryLine, readResult } from "../../scripts/ops/ci/plan";
import { parsePlanJson, planFingerprint } from "../../scripts/ops/ci/plan-json";
import { bootstrapPlan, executeBootstrap } from "../../scripts/ops/commands/bootstrap";
import { OpsError } from "../../scripts/ops/errors";
import { initStep } from "../../scripts/ops/steps";
import { processRunner, type RunResult, type TerraformRunner } from "../../scripts/ops/terraform";
import { MISSING_OUTPUT } from "./terraform-errors";
import { copyOfSynth, tempDir } from "./support";

/** A stand-in for Terraform: answers by subcommand and records every call. */
function fakeTerraform(answers: Partial<Record<string, RunResult | ((args: readonly string[]) => RunResult)>>): TerraformRunner & { calls: string[][] } {
  const calls: string[][] = [];
  const run = ((args: readonly string[]) => {
    calls.push([...args]);
    const sub = args.find((a) => !a.startsWith("-"))!;
    const answer = answers[sub] ?? { status: 0, output: "" };
    return typeof answer === "function" ? answer(args) : answer;
  }) as TerraformRunner & { calls: string[][] };
  run.calls = calls;
  return run;
}

/** `terraform show -json` of a plan creating one VPC in a stack applied before. */
const PLAN_JSON = JSON.stringify({
  format_version: "1.2",
  resource_changes: [{ address: "aws_vpc.Vpc", mode: "managed", type: "aws_vpc", change: { actions: ["create"], before: null, after: { cidr_block: "10.0.0.0/16" } } }],
  prior_state: { values: { root_module: { resources: [{ address: "aws_subnet.A", mode: "managed" }] } } },
});
/** Answers `show` as Terraform does: text, or JSON with -json. */
const show = (text: string, json = PLAN_JSON) => (args: readonly string[]): RunResult => ({ status: 0, output: args.includes("-json") ? json : text });

const PLAN_TEXT = "Terraform will perform the following actions:\n\n  # aws_vpc.Vpc will be created\n\nPlan: 1 to add, 0 to change, 0 to destroy.\n";
const writePlanFile = (args: readonly string[]): RunResult => {
  const dir = args.find((a) => a.startsWith("-chdir="))!.slice("-chdir=".length);
  writeFileSync(join(dir, "tfplan"), "binary plan");
  return { status: 2, output: PLAN_TEXT };
};

describe("ci plan", () => {
  const synth = copyOfSynth();
  const locks = tempDir("locks");
  const results = () => tempDir("results");

  it("copies the committed lock file in, inits read-only on it, plans with a lock timeout and records changes", () => {
    const stack = synth.infos.get("commerce-prod-network")!;
    mkdirSync(join(locks, stack.name), { recursive: true });
    writeFileSync(join(locks, stack.name, ".terraform.lock.hcl"), "# lock\n");
    const run = fakeTerraform({ plan: writePlanFile, show: show(PLAN_TEXT) });
    const out = results();
    const result = ciPlan({ stack, stacks: synth.infos, locksDir: locks, resultsDir: out, run, keepPlan: true });
    expect(result).toEqual({
      stack: stack.name, deployment: "commerce-prod", region: "us-west-2", kind: "layer", gated: true, status: "changes", summary: "Plan: 1 to add, 0 to change, 0 to destroy.",
      stateful: [], fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/), applied: true,
    });
    expect(readFileSync(join(stack.dir, ".terraform.lock.hcl"), "utf8")).toBe("# lock\n");
    expect(run.calls).toEqual([
      [`-chdir=${stack.dir}`, "init", "-input=false", "-lockfile=readonly", "-no-color"],
      [`-chdir=${stack.dir}`, "plan", "-input=false", "-lock-timeout=5m", "-detailed-exitcode", "-out=tfplan", "-no-color"],
      [`-chdir=${stack.dir}`, "show", "-no-color", "tfplan"],
      [`-chdir=${stack.dir}`, "show", "-json", "tfplan"],
    ]);
    expect(readResult(out, stack.name).status).toBe("changes");
    // The JSON plan stays in the stack directory (for Infracost), never in the uploaded results.
    expect(readFileSync(join(stack.dir, "tfplan.json"), "utf8")).toBe(PLAN_JSON);
    expect(existsSync(join(out, stack.name, "tfplan.json"))).toBe(false);
    expect(readFileSync(join(out, stack.name, "plan.txt"), "utf8")).toBe(PLAN_TEXT);
    expect(readFileSync(join(out, stack.name, "tfplan"), "utf8")).toBe("binary plan");
  });

  it("points a state stack at its own bucket before init (backend override), and inits without -lockfile when no lock is committed", () => {
    const stack = synth.infos.get("commerce-nonprod-us-west-2-state")!;
    const run = fakeTerraform({ plan: (a) => ({ ...writePlanFile(a), status: 0, output: "No changes. Your infrastructure matches the configuration.\n" }), show: show("No changes. Your infrastructure matches the configuration.\n") });
    const result = ciPlan({ stack, stacks: synth.infos, locksDir: locks, resultsDir: results(), run });
    expect(result).toMatchObject({ status: "no-changes", summary: "No changes. Your infrastructure matches the configuration.", deployment: "commerce-staging" });
    expect(JSON.parse(readFileSync(join(stack.dir, "backend_override.tf.json"), "utf8"))).toEqual({
      terraform: { backend: { s3: { bucket: "commerce-nonprod-us-west-2-tfstate", key: "_bootstrap/commerce-nonprod/us-west-2.tfstate", region: "us-west-2", encrypt: true, use_lockfile: true, dynamodb_table: "commerce-nonprod-us-west-2-tflock" } } },
    });
    expect(run.calls[0]).toEqual([`-chdir=${stack.dir}`, "init", "-input=false", "-no-color"]);
  });

  it("marks a plan provisional, not failed, when only an upstream stack's declared outputs are missing", () => {
    const stack = synth.infos.get("commerce-prod-data")!;
    const result = ciPlan({ stack, stacks: synth.infos, locksDir: locks, resultsDir: results(), run: fakeTerraform({ plan: { status: 1, output: MISSING_OUTPUT } }) });
    expect(result).toMatchObject({ status: "provisional", summary: "upstream outputs missing" });
    expect(result.reason).toContain("reads outputs that commerce-prod-network does not have yet");
  });

  it("takes no state lock when asked (pull-request and drift plans)", () => {
    const stack = synth.infos.get("commerce-prod-network")!;
    const run = fakeTerraform({ plan: writePlanFile, show: show(PLAN_TEXT) });
    ciPlan({ stack, stacks: synth.infos, locksDir: locks, resultsDir: results(), run, lock: false });
    expect(run.calls[1]).toEqual([`-chdir=${stack.dir}`, "plan", "-input=false", "-lock=false", "-detailed-exitcode", "-out=tfplan", "-no-color"]);
  });

  it("fails a plan whose JSON form cannot be read: the gate could not check it", () => {
    const stack = synth.infos.get("commerce-prod-network")!;
    const result = ciPlan({ stack, stacks: synth.infos, locksDir: locks, resultsDir: results(), run: fakeTerraform({ plan: writePlanFile, show: show(PLAN_TEXT, "not json") }) });
    expect(result).toMatchObject({ status: "failed", summary: "plan not readable as JSON" });
  });

  it("marks a plan provisional when the account's state bucket was never bootstrapped", () => {
    const stack = synth.infos.get("stackflow-prod-network")!;
    const result = ciPlan({ stack, stacks: synth.infos, locksDir: locks, resultsDir: results(), run: fakeTerraform({ init: { status: 1, output: 'Error: Failed to get existing workspaces: S3 bucket "stackflow-prod-373544523367-us-east-1-tfstate" does not exist.\n' } }) });
    expect(result).toMatchObject({ status: "provisional", summary: "state backend not bootstrapped yet" });
    expect(result.reason).toContain("npm run ops -- bootstrap stackflow-prod");
  });

  it("fails on any other error, with Terraform's message and a hint for lock-file mismatches", () => {
    const stack = synth.infos.get("webhooks-dev-network")!;
    const result = ciPlan({ stack, stacks: synth.infos, locksDir: locks, resultsDir: results(), run: fakeTerraform({ plan: { status: 1, output: "Error: creating EC2 VPC: UnauthorizedOperation\n" } }) });
    expect(result).toMatchObject({ status: "failed", summary: "terraform plan failed", reason: "creating EC2 VPC: UnauthorizedOperation" });
    expect(classifyFailure("Error: Inconsistent dependency lock file\n", stack, "init", synth.infos).reason).toContain("run the provider-locks workflow");
    // Missing upstream outputs only excuse a plan, never an init.
    const data = synth.infos.get("commerce-prod-data")!;
    expect(classifyFailure(MISSING_OUTPUT, data, "init", synth.infos).status).toBe("failed");
  });

  it("records a skipped stack without running Terraform", () => {
    const run = fakeTerraform({});
    const result = ciPlan({ stack: synth.infos.get("axonflow-dev-network")!, stacks: synth.infos, locksDir: locks, resultsDir: results(), run, skipReason: "repository variable AWS_PLAN_ROLE_ARN_AXONFLOW_DEV is not set" });
    expect(result).toMatchObject({ status: "skipped", reason: "repository variable AWS_PLAN_ROLE_ARN_AXONFLOW_DEV is not set" });
    expect(run.calls).toEqual([]);
  });

  it("reads Terraform's verdict line", () => {
    expect(planSummaryLine("...\nPlan: 2 to add, 1 to change, 0 to destroy.\n")).toBe("Plan: 2 to add, 1 to change, 0 to destroy.");
    expect(planSummaryLine("No changes. Your infrastructure matches the configuration.")).toBe("No changes. Your infrastructure matches the configuration.");
    expect(planSummaryLine("Changes to Outputs:\n  + vpc_id = (known after apply)")).toBe("Changes to outputs only");
    expect(planSummaryLine("Error: boom")).toBeUndefined();
  });

  it("runs a real binary from PATH and passes its exit codes through (processRunner)", () => {
    const bin = tempDir("fake-terraform");
    writeFileSync(join(bin, "terraform"), '#!/bin/sh\necho "args: $*"\necho "to stderr" >&2\nexit 2\n');
    chmodSync(join(bin, "terraform"), 0o755);
    const result = processRunner(join(bin, "terraform"))(["plan", "-detailed-exitcode"], { capture: true });
    expect(result).toEqual({ status: 2, output: "args: plan -detailed-exitcode\nto stderr\n" });
  });
});

describe("ci changes and ci apply", () => {
  const synth = copyOfSynth();
  const write = (dir: string, stack: string, status: string) => {
    mkdirSync(join(dir, stack), { recursive: true });
    writeFileSync(join(dir, stack, "result.json"), JSON.stringify({ stack, status, summary: status, deployment: "d", region: "r", kind: "layer" }));
  };

  it("applies only the wave's stacks whose plan has changes", () => {
    const dir = tempDir("results");
    write(dir, "a-network", "changes");
    write(dir, "b-network", "no-changes");
    write(dir, "earlier-wave", "changes");
    expect(stacksToApply(dir, ["b-network", "a-network"]).map((r) => r.stack)).toEqual(["a-network"]);
  });

  it("refuses a wave with a provisional or failed plan, or without a result", () => {
    const dir = tempDir("results");
    write(dir, "a-network", "changes");
    write(dir, "b-data", "provisional");
    expect(() => stacksToApply(dir, ["a-network", "b-data"])).toThrow("Not applying: b-data is provisional");
    expect(() => stacksToApply(dir, ["a-network", "c-compute"])).toThrow("Not applying: no plan result for c-compute");
  });

  it("applies the saved plan, after init with the same lock file", () => {
    const stack = synth.infos.get("commerce-prod-network")!;
    const plan = join(tempDir("plan"), "tfplan");
    writeFileSync(plan, "binary plan");
    const run = fakeTerraform({});
    ciApply(stack, plan, tempDir("locks"), run);
    expect(run.calls).toEqual([[`-chdir=${stack.dir}`, "init", "-input=false"], [`-chdir=${stack.dir}`, "apply", "-input=false", "-lock-timeout=5m", "tfplan"]]);
    expect(readFileSync(join(stack.dir, "tfplan"), "utf8")).toBe("binary plan");
    expect(() => ciApply(stack, plan, tempDir("locks"), fakeTerraform({ apply: { status: 1, output: "" } }))).toThrow("terraform apply failed for commerce-prod-network");
  });

  it("re-plans when the saved plan expired before approval, and applies only a plan identical to the approved one", () => {
    const stack = synth.infos.get("commerce-prod-network")!;
    const approved = planFingerprint(parsePlanJson(PLAN_JSON));
    const expired = join(tempDir("plan"), "tfplan"); // never written: the artifact is gone
    const run = fakeTerraform({ plan: writePlanFile, show: show(PLAN_TEXT) });
    ciApply(stack, expired, tempDir("locks"), run, approved);
    expect(run.calls.map((c) => c.slice(1).join(" "))).toEqual([
      "init -input=false",
      "plan -input=false -lock-timeout=5m -detailed-exitcode -out=tfplan -no-color",
      "show -json tfplan",
      "apply -input=false -lock-timeout=5m tfplan",
    ]);
    const drifted = fakeTerraform({ plan: writePlanFile, show: show(PLAN_TEXT, PLAN_JSON.replace("10.0.0.0/16", "10.9.0.0/16")) });
    expect(() => ciApply(stack, expired, tempDir("locks"), drifted, approved)).toThrow("Not applying commerce-prod-network: its saved plan expired and a new plan differs from the approved one.");
    expect(drifted.calls.map((c) => c[1])).not.toContain("apply");
    expect(() => ciApply(stack, expired, tempDir("locks"), fakeTerraform({}))).toThrow("No saved plan at");
  });

  it("inits read-only on a committed lock file", () => {
    const stack = synth.infos.get("commerce-prod-network")!;
    const locks = tempDir("locks");
    expect(initStep(stack, locks).terraform).not.toContain("-lockfile=readonly");
    mkdirSync(join(locks, stack.name));
    writeFileSync(join(locks, stack.name, ".terraform.lock.hcl"), "");
    expect(initStep(stack, locks).terraform).toContain("-lockfile=readonly");
  });
});

describe("bootstrap", () => {
  const synth = copyOfSynth();
  const stack = () => synth.infos.get("webhooks-dev-eu-central-1-state")!;

  it("stops without creating anything when the bucket already exists", () => {
    const plan = bootstrapPlan(stack(), true, tempDir("backups"));
    const run = fakeTerraform({ init: { status: 0, output: "Successfully configured the backend \"s3\"!" } });
    expect(() => executeBootstrap(stack(), plan, run)).toThrow(new OpsError(`webhooks-dev-eu-central-1-state is bootstrapped already: its state is in s3://webhooks-dev-eu-central-1-tfstate/_bootstrap/webhooks-dev/eu-central-1.tfstate. Change it with: npm run ops -- apply webhooks-dev --stack webhooks-dev-eu-central-1-state`));
    expect(run.calls.map((c) => c[1])).toEqual(["init"]);
  });

  it("applies on local state, keeps a copy, writes the override, migrates, then re-plans", () => {
    const backups = tempDir("backups");
    const plan = bootstrapPlan(stack(), true, backups, new Date("2026-01-02T03:04:05.000Z"));
    let inits = 0;
    const run = fakeTerraform({
      init: () => (inits++ === 0 ? { status: 1, output: 'Error: S3 bucket "webhooks-dev-eu-central-1-tfstate" does not exist.' } : { status: 0, output: "" }),
      apply: () => {
        writeFileSync(join(stack().dir, "terraform.webhooks-dev-eu-central-1-state.tfstate"), '{"serial":1}');
        return { status: 0, output: "" };
      },
    });
    executeBootstrap(stack(), plan, run);
    expect(run.calls.map((c) => c.slice(1).join(" "))).toEqual([
      "init -input=false -reconfigure -no-color",
      "init -input=false",
      "apply -input=false -auto-approve -lock-timeout=5m",
      "init -migrate-state -input=false -force-copy",
      "plan -input=false -lock-timeout=5m",
    ]);
    expect(readFileSync(join(backups, "webhooks-dev-eu-central-1-state.2026-01-02T03-04-05-000Z.tfstate"), "utf8")).toBe('{"serial":1}');
    expect(existsSync(join(stack().dir, "backend_override.tf.json"))).toBe(true);
  });

  it("refuses to guess when the check fails for another reason (e.g. credentials)", () => {
    const run = fakeTerraform({ init: { status: 1, output: "Error: No valid credential sources found" } });
    expect(() => executeBootstrap(stack(), bootstrapPlan(stack(), false, tempDir("backups")), run)).toThrow("Could not tell whether webhooks-dev-eu-central-1-state is bootstrapped");
    expect(run.calls).toHaveLength(1);
  });
});

describe("provider locks", () => {
  it("locks each distinct provider set once for four platforms and writes every stack's lock file, removing stale ones", () => {
    const synth = copyOfSynth();
    const scratch = tempDir("scratch");
    const locks = tempDir("locks");
    mkdirSync(join(locks, "deleted-stack"));
    writeFileSync(join(locks, "README.md"), "kept");
    const groups = lockGroups(synth.outdir, synth.manifest, scratch);
    expect(groups.flatMap((g) => g.stacks).sort()).toEqual(Object.keys(synth.manifest.stacks).sort());
    expect(new Set(groups.map((g) => g.workDir)).size).toBe(groups.length);
    expect(groups.length).toBeLessThan(Object.keys(synth.manifest.stacks).length);
    const run = fakeTerraform({
      providers: (args) => {
        const dir = args[0].slice("-chdir=".length);
        expect(Object.keys(JSON.parse(readFileSync(join(dir, "main.tf.json"), "utf8")).terraform)).toEqual(expect.arrayContaining(["required_providers"]));
        writeFileSync(join(dir, ".terraform.lock.hcl"), `# ${dir}\n`);
        return { status: 0, output: "" };
      },
    });
    const { written, removed } = refreshLocks(groups, synth.manifest, locks, run);
    expect(run.calls.map((c) => c.slice(1))).toEqual(groups.map(() => ["providers", "lock", ...LOCK_PLATFORMS.map((p) => `-platform=${p}`)]));
    expect(LOCK_PLATFORMS).toEqual(["linux_amd64", "linux_arm64", "darwin_amd64", "darwin_arm64"]);
    expect(written.sort()).toEqual(Object.keys(synth.manifest.stacks).sort());
    expect(removed).toEqual(["deleted-stack"]);
    expect(existsSync(join(locks, "README.md"))).toBe(true);
    expect(readFileSync(join(locks, "commerce-prod-network", ".terraform.lock.hcl"), "utf8")).toMatch(/^# .*providers-\d+\n$/);
  });
});
