/**
 * `npm run bench`: synthesizes every deployment exactly as `npm run synth`
 * does (its package.json script, run by a shell with node_modules/.bin on the
 * PATH, as npm runs it) and the minimal cdktf app in bench/baseline as such an
 * app usually runs (`tsx main.ts`), alternately and each in fresh processes,
 * so both see the same machine load. Reports per app the median wall time,
 * the peak memory, the stacks and resources written, the median wall time per
 * resource, and the ratio of per-resource cost, ours / baseline, over
 * back-to-back pairs of runs.
 * Usage: npm run bench [-- <runs of each>]   (default 7)
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

const runs = Number(process.argv[2] ?? 7);
if (!Number.isInteger(runs) || runs < 1) throw new Error("Usage: npm run bench [-- <runs of each, >= 1>]");
const root = join(__dirname, "..");
const work = mkdtempSync(join(tmpdir(), "platform-bench-"));
const rusageFile = join(work, "rusage.jsonl");
const { scripts } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };

/** An app measured: how to run it, where it writes, what each run took. */
interface BenchApp {
  readonly name: string;
  readonly command: string;
  readonly cwd: string;
  readonly outdir: string;
  readonly wallMs: number[];
  readonly maxRssMb: number[];
}
const benchApp = (name: string, command: string, cwd: string): BenchApp => ({ name, command, cwd, outdir: join(work, name), wallMs: [], maxRssMb: [] });
const apps = [benchApp("ours", scripts.synth, root), benchApp("baseline", "tsx main.ts", join(root, "bench", "baseline"))];

/** Runs one synth of an app, recording its wall time and the peak memory of its largest node process. */
function synthOnce(app: BenchApp): void {
  rmSync(rusageFile, { force: true });
  const started = process.hrtime.bigint();
  const result = spawnSync(app.command, {
    shell: true,
    cwd: app.cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      PATH: [join(root, "node_modules", ".bin"), process.env.PATH].join(delimiter),
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${JSON.stringify(join(__dirname, "rusage-on-exit.cjs"))}`,
      BENCH_RUSAGE_FILE: rusageFile,
      CDKTF_OUTDIR: app.outdir,
      DEPLOYMENTS: "",
    },
  });
  app.wallMs.push(Number(process.hrtime.bigint() - started) / 1e6);
  if (result.status !== 0) throw new Error(`${app.name} synth (${app.command}) failed:\n${result.stderr}`);
  const rssKb = readFileSync(rusageFile, "utf8").trim().split("\n").map((line) => (JSON.parse(line) as { maxRssKb: number }).maxRssKb);
  app.maxRssMb.push(Math.max(...rssKb) / 1024);
}

/** Stacks and resources in a cdktf.out, read from its manifest. */
function countOutput(outdir: string): { stacks: number; resources: number } {
  const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as { stacks: Record<string, { synthesizedStackPath: string }> };
  const stacks = Object.values(manifest.stacks);
  const resources = stacks.reduce((sum, s) => {
    const json = JSON.parse(readFileSync(join(outdir, s.synthesizedStackPath), "utf8")) as { resource?: Record<string, object> };
    return sum + Object.values(json.resource ?? {}).reduce((n, byId) => n + Object.keys(byId).length, 0);
  }, 0);
  return { stacks: stacks.length, resources };
}

for (let i = 0; i < runs; i++) apps.forEach(synthOnce);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rows = apps.map((app) => {
  const wall = median(app.wallMs);
  const { stacks, resources } = countOutput(app.outdir);
  return { app, wall, stacks, resources, msPerResource: wall / resources };
});
rmSync(work, { recursive: true, force: true });

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const table = [
  ["", "command", "median wall", "min-max", "peak RSS", "stacks", "resources", "ms/resource"],
  ...rows.map((r) => [
    r.app.name,
    r.app.command,
    `${seconds(r.wall)} s`,
    `${seconds(Math.min(...r.app.wallMs))}-${seconds(Math.max(...r.app.wallMs))} s`,
    `${Math.max(...r.app.maxRssMb).toFixed(0)} MB`,
    String(r.stacks),
    String(r.resources),
    r.msPerResource.toFixed(2),
  ]),
];
const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
console.log(`${runs} runs of each, alternating; peak RSS: the largest node process of any run`);
for (const row of table) console.log(row.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  "));
// Each run of ours is paired with the baseline run right after it, so a burst of load on this shared machine skews one pair, not the ratio.
const ratios = apps[0].wallMs.map((ms, i) => ms / rows[0].resources / (apps[1].wallMs[i] / rows[1].resources)).sort((a, b) => a - b);
console.log(`per-resource cost, ours / baseline: ${median(ratios).toFixed(2)} (median of ${runs} back-to-back pairs; range ${ratios[0].toFixed(2)}-${ratios[ratios.length - 1].toFixed(2)})`);
