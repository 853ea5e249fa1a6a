import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ciValidate, validateGroups } from "../../scripts/ops/ci/validate";
import type { RunResult, TerraformRunner } from "../../scripts/ops/terraform";
import { copyOfSynth, tempDir, workflow } from "./support";

type Job = Record<string, any>;
const stepsOf = (job: Job): any[] => (job.steps ?? []) as any[];

function fakeTerraform(answer: (args: readonly string[]) => RunResult): TerraformRunner & { calls: string[][] } {
  const calls: string[][] = [];
  const run = ((args: readonly string[]) => {
    calls.push([...args]);
    return answer(args);
  }) as TerraformRunner & { calls: string[][] };
  run.calls = calls;
  return run;
}

describe("credential-less validation", () => {
  const synth = copyOfSynth();

  it("builds the matrix from the manifest: one job per provider set, every stack exactly once", () => {
    const groups = validateGroups(synth.outdir, synth.manifest);
    const stacks = groups.flatMap((g) => g.stacks.split(" "));
    expect(stacks.sort()).toEqual(Object.keys(synth.manifest.stacks).sort());
    expect(groups.map((g) => g.providers)).toEqual(["aws 6.25.0", "aws 6.25.0 + random 3.7.2", "aws 6.25.0 + cloudflare 5.14.0", "aws 6.25.0 + random 3.7.2 + tls 4.1.0"]);
    expect(new Set(groups.map((g) => g.cacheKey)).size).toBe(groups.length);
    for (const g of groups) {
      const blocks = g.stacks.split(" ").map((s) => JSON.stringify(JSON.parse(readFileSync(join(synth.outdir, "stacks", s, "cdk.tf.json"), "utf8")).terraform.required_providers));
      expect(new Set(blocks).size, g.providers).toBe(1);
    }
  });

  it("inits every stack without a backend on its committed lock file, validates it, and reports all failures", () => {
    const locks = tempDir("locks");
    const [a, b] = [synth.infos.get("commerce-prod-network")!, synth.infos.get("commerce-prod-us-west-2-state")!];
    mkdirSync(join(locks, a.name));
    writeFileSync(join(locks, a.name, ".terraform.lock.hcl"), "# lock\n");
    const run = fakeTerraform((args) => (args[1] === "validate" && args[0].endsWith(b.name) ? { status: 1, output: "Error: Missing required argument\n" } : { status: 0, output: "" }));
    const results = ciValidate([a, b], locks, run);
    expect(results).toEqual([{ stack: a.name, ok: true, output: "" }, { stack: b.name, ok: false, output: "Error: Missing required argument\n" }]);
    expect(run.calls).toEqual([
      [`-chdir=${a.dir}`, "init", "-input=false", "-lockfile=readonly", "-backend=false", "-no-color"],
      [`-chdir=${a.dir}`, "validate", "-no-color"],
      [`-chdir=${b.dir}`, "init", "-input=false", "-backend=false", "-no-color"],
      [`-chdir=${b.dir}`, "validate", "-no-color"],
    ]);
    expect(readFileSync(join(a.dir, ".terraform.lock.hcl"), "utf8")).toBe("# lock\n");
    // No backend override: a state stack validates without its bucket.
    expect(existsSync(join(b.dir, "backend_override.tf.json"))).toBe(false);
  });

  it("runs on every pull request and on main, without credentials, with a shared plugin cache per provider set", () => {
    const w = workflow("validate.yml");
    expect(Object.keys(w.doc.on).sort()).toEqual(["pull_request", "push"]);
    expect(w.doc.on.pull_request).toEqual({ branches: ["main"] });
    expect(w.text).not.toMatch(/id-token|aws-actions|secrets\.|vars\./);
    for (const job of Object.values(w.doc.jobs) as Job[]) expect(job.permissions).toBeUndefined();
    expect(w.doc.permissions).toEqual({ contents: "read" });
    const validate = w.doc.jobs.validate;
    expect(validate.strategy.matrix.include).toBe("${{ fromJSON(needs.synth.outputs.groups) }}");
    expect(stepsOf(w.doc.jobs.synth).find((s) => s.id === "groups").run).toBe("npm run --silent ops -- ci validate-matrix");
    expect(validate.env.TF_PLUGIN_CACHE_DIR).toBe("${{ github.workspace }}/.terraform-plugins");
    const cache = stepsOf(validate).find((s) => String(s.uses).startsWith("actions/cache@"));
    expect(cache.with.path).toBe(".terraform-plugins");
    expect(cache.with.key).toContain("${{ matrix.cacheKey }}");
    expect(cache.with.key).toContain("${{ hashFiles('locks/**/.terraform.lock.hcl') }}");
    expect(stepsOf(validate).at(-1).run).toContain('npm run --silent ops -- ci validate "${stacks[@]}"');
  });

  it("reports under one stable check name that fails unless every group validated", () => {
    const result = workflow("validate.yml").doc.jobs.result;
    expect(result).toMatchObject({ name: "terraform validate", needs: ["synth", "validate"], if: "${{ always() }}" });
    const run = stepsOf(result)[0].run as string;
    expect(run).toContain('if [ "$SYNTH" != "success" ] || [ "$VALIDATE" != "success" ]; then');
    expect(run).toContain("exit 1");
  });
});
