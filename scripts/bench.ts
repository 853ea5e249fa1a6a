/**
 * `npm run bench`: synthesizes every deployment in a fresh process (exactly
 * as `npm run synth` does) several times and reports the median wall time,
 * the peak memory, and the stack and resource counts of the output.
 * Usage: npm run bench [-- <runs>]   (default 5 runs)
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const runs = Number(process.argv[2] ?? 5);
const root = join(__dirname, "..");
const work = mkdtempSync(join(tmpdir(), "platform-bench-"));
const outdir = join(work, "cdktf.out");
const rusageFile = join(work, "rusage.json");

const samples: { wallMs: number; maxRssMb: number }[] = [];
for (let i = 0; i < runs; i++) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ["--require", join(__dirname, "rusage-on-exit.cjs"), "--import", "tsx", "main.ts"], {
    cwd: root,
    env: { ...process.env, CDKTF_OUTDIR: outdir, DEPLOYMENTS: "", BENCH_RUSAGE_FILE: rusageFile },
    encoding: "utf8",
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`synth failed:\n${result.stderr}`);
  const { maxRssKb } = JSON.parse(readFileSync(rusageFile, "utf8")) as { maxRssKb: number };
  samples.push({ wallMs, maxRssMb: maxRssKb / 1024 });
}

const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as { stacks: Record<string, { synthesizedStackPath: string }> };
const stacks = Object.values(manifest.stacks);
const resources = stacks.reduce((sum, s) => {
  const json = JSON.parse(readFileSync(join(outdir, s.synthesizedStackPath), "utf8")) as { resource?: Record<string, object> };
  return sum + Object.values(json.resource ?? {}).reduce((n, byId) => n + Object.keys(byId).length, 0);
}, 0);
rmSync(work, { recursive: true, force: true });

const wall = samples.map((s) => s.wallMs).sort((a, b) => a - b);
const median = wall[Math.floor(wall.length / 2)];
const peak = Math.max(...samples.map((s) => s.maxRssMb));
console.log(`runs:            ${runs}`);
console.log(`median wall:     ${(median / 1000).toFixed(2)} s  (min ${(wall[0] / 1000).toFixed(2)} s, max ${(wall[wall.length - 1] / 1000).toFixed(2)} s)`);
console.log(`peak memory:     ${peak.toFixed(0)} MB`);
console.log(`stacks:          ${stacks.length}`);
console.log(`resources:       ${resources}`);
