/**
 * Mutation testing (`npm run mutation`, issue 20): makes one careless edit at
 * a time to config values, security documents and wiring (./areas.ts,
 * ./mutants.ts), synthesizes with it, and runs the test suite against it.
 * Reports the kill rate per area. Options:
 *   --area config,security,wiring   areas to mutate (default all three)
 *   --sample N                      N mutants per area, drawn with --seed (default every mutant)
 *   --seed S                        sample seed (default 1)
 *   --file TEXT                     only files whose path contains TEXT
 *   --id TEXT                       only mutants whose id contains TEXT (repeatable; to re-check survivors)
 *   --shard I/N                     only the I-th of N equal parts of the chosen mutants (CI matrix)
 *   --jobs J                        mutants run side by side (default: cores)
 *   --report DIR                    where report.json and report.md go (default .mutation)
 *   --merge DIR                     instead of running: one report of every report.json under DIR (shards)
 *
 * A mutant is killed when synthesis fails (validation rejects it) or a test
 * fails; equivalent when the synthesized JSON is byte-identical to the
 * unmutated output of a config value, or listed with the reason in
 * ./equivalent.json; unreached when an edit of code changes no output and
 * the suite still passes (reported apart: a path no deployment reaches yet,
 * or a check no test covers); survived otherwise. Exits 1 when an area is
 * under the target (90%).
 */
import { build, type Plugin } from "esbuild";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { areaFiles } from "./areas";
import { type Area, applyMutant, type Mutant, mutantsOf } from "./mutants";

const ROOT = resolve(__dirname, "..", "..");
const TARGET = 0.9;
const AREAS: readonly Area[] = ["config", "security", "wiring"];

/** unreached: code whose edit changes no output and fails no test (a path no deployment reaches, or an untested check). */
type Outcome = "killed" | "survived" | "equivalent" | "unreached";
interface Result {
  readonly mutant: Omit<Mutant, "start" | "end">;
  readonly outcome: Outcome;
  /** What killed it, why it is equivalent, or which stacks changed when it survived. */
  readonly detail: string;
  readonly seconds: number;
}

const { values: opts } = parseArgs({
  options: {
    area: { type: "string", default: AREAS.join(",") },
    sample: { type: "string" },
    seed: { type: "string", default: "1" },
    file: { type: "string", default: "" },
    id: { type: "string", multiple: true, default: [] },
    jobs: { type: "string", default: String(availableParallelism()) },
    shard: { type: "string", default: "1/1" },
    report: { type: "string", default: ".mutation" },
    merge: { type: "string" },
  },
});

const areas = opts.area!.split(",").map((a) => {
  if (!AREAS.includes(a as Area)) throw new Error(`--area ${a}: one of ${AREAS.join(", ")}`);
  return a as Area;
});

/** A deterministic shuffle (mulberry32), so a sample is the same for the same seed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Runs a process to its end; resolves with its exit status and output. */
function run(command: string, args: readonly string[], env: Record<string, string> = {}): Promise<{ status: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, [...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.on("error", fail);
    child.on("close", (status) => done({ status, output }));
  });
}

/** esbuild plugin: the mutated text in place of one file on disk. */
const replaceFile = (file: string, contents: string): Plugin => ({
  name: "mutant",
  setup(b) {
    const path = resolve(ROOT, file);
    b.onLoad({ filter: new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`) }, () => ({ contents, loader: "ts" }));
  },
});

/**
 * Synthesizes with the mutant (or none) into `dir`; undefined when synthesis
 * succeeded, else its message. The bundle lives two folders under the
 * repository so node_modules resolve as usual.
 */
async function synth(dir: string, name: string, mutated?: { file: string; text: string }): Promise<string | undefined> {
  const bundle = join(ROOT, ".build", "mutation", `${name}.cjs`);
  await build({
    entryPoints: [join(__dirname, "synth-entry.ts")], outfile: bundle, bundle: true, packages: "external", platform: "node", format: "cjs", keepNames: true, logLevel: "silent",
    plugins: mutated ? [replaceFile(mutated.file, mutated.text)] : [],
  });
  const result = await run(process.execPath, [bundle, join(dir, "out"), join(dir, "examples")]);
  rmSync(bundle, { force: true });
  return result.status === 0 ? undefined : result.output.trim().split("\n")[0] || `exit ${result.status}`;
}

/** Relative paths of every file under `dir`, sorted. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name))).sort();

/** Stacks (or files) whose synthesized JSON differs between two synth folders. */
function changedFiles(a: string, b: string): string[] {
  const [fa, fb] = [filesUnder(a), filesUnder(b)];
  const all = [...new Set([...fa, ...fb])].sort();
  return all.filter((f) => !fa.includes(f) || !fb.includes(f) || !readFileSync(join(a, f)).equals(readFileSync(join(b, f))))
    .map((f) => f.replace(/^(out|examples)\/stacks\/([^/]+)\/cdk\.tf\.json$/, "$1:$2"));
}

/** The first failing test of a vitest JSON report. */
function firstFailure(reportFile: string): string {
  try {
    const report = JSON.parse(readFileSync(reportFile, "utf8")) as { testResults: { name: string; message?: string; assertionResults: { status: string; fullName: string }[] }[] };
    for (const file of report.testResults) {
      const failed = file.assertionResults.find((a) => a.status === "failed");
      if (failed) return `${relative(ROOT, file.name)}: ${failed.fullName}`;
      if (file.message) return `${relative(ROOT, file.name)}: ${file.message.split("\n")[0]}`;
    }
  } catch {
    // No report: vitest itself failed (a mutant that breaks loading the config, say).
  }
  return "test run failed";
}

async function evaluate(m: Mutant, baseline: string, work: string, equivalent: Map<string, string>): Promise<Result> {
  const started = Date.now();
  const { start: _start, end: _end, ...mutant } = m;
  const done = (outcome: Outcome, detail: string): Result => ({ mutant, outcome, detail, seconds: (Date.now() - started) / 1000 });
  const dir = mkdtempSync(join(work, "m-"));
  try {
    const text = applyMutant(readFileSync(join(ROOT, m.file), "utf8"), m);
    const failure = await synth(dir, `${process.pid}-${dir.split("-").pop()}`, { file: m.file, text });
    if (failure !== undefined) return done("killed", `synth fails: ${failure}`);
    const changed = changedFiles(baseline, dir);
    // A config value that changes no output is equivalent. Code (modules, stacks) may change only what
    // no deployment reaches yet, or a check (validation): the suite still runs, its module tests may kill it.
    if (changed.length === 0 && m.area === "config") return done("equivalent", "synthesized output identical");
    if (changed.length > 0 && equivalent.has(m.id)) return done("equivalent", equivalent.get(m.id)!);
    const source = join(dir, "mutant.ts");
    writeFileSync(source, text);
    const report = join(dir, "vitest.json");
    const tests = await run(process.execPath, [join(ROOT, "node_modules", "vitest", "vitest.mjs"), "run", "--config", "scripts/mutation/vitest.config.ts", "--bail=1", "--maxWorkers=1", "--reporter=json", `--outputFile=${report}`], {
      MUTATION_FILE: m.file, MUTATION_SOURCE: source, MUTATION_SYNTH_DIR: join(dir, "out"), MUTATION_EXAMPLES_DIR: join(dir, "examples"),
    });
    if (tests.status !== 0) return done("killed", firstFailure(report));
    if (changed.length === 0) return done("unreached", "synthesized output identical, and the suite passes");
    return done("survived", `changes ${changed.slice(0, 6).join(", ")}${changed.length > 6 ? ` and ${changed.length - 6} more` : ""}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `task` over `items`, at most `jobs` at a time, in order of completion. */
async function pool<T, R>(items: readonly T[], jobs: number, task: (item: T) => Promise<R>, each: (r: R) => void): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const r = await task(items[next++]);
      results.push(r);
      each(r);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker));
  return results;
}

function summary(results: readonly Result[]): { area: Area; mutants: number; killed: number; survived: number; equivalent: number; unreached: number; rate: number }[] {
  return areas.filter((area) => results.some((r) => r.mutant.area === area)).map((area) => {
    const of = results.filter((r) => r.mutant.area === area);
    const count = (o: Outcome) => of.filter((r) => r.outcome === o).length;
    const [killed, survived] = [count("killed"), count("survived")];
    return { area, mutants: of.length, killed, survived, equivalent: count("equivalent"), unreached: count("unreached"), rate: killed + survived === 0 ? 1 : killed / (killed + survived) };
  });
}

function markdown(results: readonly Result[], sampled: string, seconds: number): string {
  const rows = summary(results).map((s) => `| ${s.area} | ${s.mutants} | ${s.killed} | ${s.survived} | ${s.equivalent} | ${s.unreached} | ${(s.rate * 100).toFixed(1)}% |`);
  const survivors = results.filter((r) => r.outcome === "survived").map((r) => `- \`${r.mutant.file}:${r.mutant.line}\` ${r.mutant.operator}: \`${r.mutant.original.replace(/\s+/g, " ").slice(0, 100)}\` -> \`${r.mutant.replacement}\` (${r.detail})\n  id: \`${r.mutant.id}\``);
  const equivalents = results.filter((r) => r.outcome === "equivalent" || r.outcome === "unreached").map((r) => `- \`${r.mutant.file}:${r.mutant.line}\` ${r.mutant.operator}: \`${r.mutant.original.replace(/\s+/g, " ").slice(0, 100)}\` -> \`${r.mutant.replacement}\` (${r.outcome}: ${r.detail})`);
  return [
    `# Mutation report`, "", `${sampled}; ${seconds.toFixed(0)} s.`, "",
    "| area | mutants | killed | survived | equivalent | unreached | kill rate |", "|---|---|---|---|---|---|---|", ...rows, "",
    "Kill rate = killed / (killed + survived). Left out: equivalent (a config value with identical synthesized JSON, or listed in scripts/mutation/equivalent.json) and unreached (code whose edit changes no synthesized JSON and fails no test: a path no deployment or example reaches yet, or an untested check; listed below).", "",
    `## Survivors (${survivors.length})`, "", ...(survivors.length ? survivors : ["None."]), "",
    `## Equivalent and unreached (${equivalents.length})`, "", ...(equivalents.length ? equivalents : ["None."]), "",
  ].join("\n");
}

/** Writes report.json and report.md, prints the report, and (unless a shard: the merge judges) fails the run when an area is under the target. */
function report(results: Result[], sampled: string, seconds: number, judge: boolean): void {
  results.sort((a, b) => a.mutant.id.localeCompare(b.mutant.id));
  const dir = resolve(ROOT, opts.report!);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "report.json"), `${JSON.stringify({ sampled, seconds, summary: summary(results), results }, null, 2)}\n`);
  const md = markdown(results, sampled, seconds);
  writeFileSync(join(dir, "report.md"), md);
  console.log(`\n${md}`);
  if (judge && summary(results).some((s) => s.rate < TARGET)) process.exitCode = 1;
}

/** One report of the shards' reports found under `dir`. */
function merge(dir: string): void {
  const parts = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name === "report.json")
    .map((e) => JSON.parse(readFileSync(join(e.parentPath, e.name), "utf8")) as { sampled: string; seconds: number; results: Result[] });
  if (parts.length === 0) throw new Error(`No report.json under ${dir}`);
  const results = parts.flatMap((p) => p.results);
  report(results, `${results.length} mutants from ${parts.length} shards (${parts[0].sampled.replace(/, shard .*$/, "")} in the first)`, Math.max(...parts.map((p) => p.seconds)), true);
}

async function main(): Promise<void> {
  if (opts.merge !== undefined) return merge(resolve(ROOT, opts.merge));
  const started = Date.now();
  const equivalent = new Map((JSON.parse(readFileSync(join(__dirname, "equivalent.json"), "utf8")) as { mutant: string; reason: string }[]).map((e) => [e.mutant, e.reason]));
  const all = areaFiles(ROOT).filter((f) => areas.includes(f.area) && f.file.includes(opts.file!))
    .flatMap((f) => mutantsOf(f.file, readFileSync(join(ROOT, f.file), "utf8"), f.area, f.statementsOnly)).filter((m) => opts.id!.length === 0 || opts.id!.some((id) => m.id.includes(id)));
  const sample = opts.sample === undefined ? undefined : Number(opts.sample);
  const [shard, shards] = opts.shard!.split("/").map(Number);
  if (!(shards >= 1 && shard >= 1 && shard <= shards)) throw new Error(`--shard ${opts.shard}: I/N with 1 <= I <= N`);
  const chosen = areas.flatMap((area) => {
    const of = all.filter((m) => m.area === area);
    return sample === undefined ? of : shuffled(of, Number(opts.seed)).slice(0, sample);
  }).filter((_, i) => i % shards === shard - 1);
  const sampled = areas.map((a) => `${a}: ${chosen.filter((m) => m.area === a).length} of ${all.filter((m) => m.area === a).length} mutants`).join(", ")
    + (sample === undefined ? "" : ` (sample, seed ${opts.seed})`) + (shards > 1 ? `, shard ${shard}/${shards}` : "");
  console.log(`Mutation testing: ${sampled}`);

  const work = mkdtempSync(join(tmpdir(), "mutation-"));
  mkdirSync(join(ROOT, ".build", "mutation"), { recursive: true });
  try {
    const baseline = join(work, "baseline");
    mkdirSync(baseline);
    const failure = await synth(baseline, `${process.pid}-baseline`);
    if (failure !== undefined) throw new Error(`The unmutated sources do not synthesize: ${failure}`);
    let n = 0;
    const results = await pool(chosen, Number(opts.jobs), (m) => evaluate(m, baseline, work, equivalent), (r) => {
      console.log(`[${++n}/${chosen.length}] ${r.outcome.padEnd(10)} ${r.mutant.file}:${r.mutant.line} ${r.mutant.operator} ${r.mutant.original.replace(/\s+/g, " ").slice(0, 60)} -> ${r.mutant.replacement} (${r.detail}; ${r.seconds.toFixed(1)} s)`);
    });
    report(results, sampled, (Date.now() - started) / 1000, shards === 1);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
