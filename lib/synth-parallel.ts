import { Manifest } from "cdktf";
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import type { Deployment } from "../config/deployment";
import { stateBackendFor } from "./state-backend";

/**
 * Stacks each synth process needs before a second process pays for itself.
 * Measured 2026-11-25 on the 2-core machine, bundled entry, medians of 5-6
 * alternating runs: loading node, cdktf and the bindings takes 0.57 s, a
 * synth costs 0.78 s plus 0.92 ms per resource, at 26.5 resources per stack.
 * Two processes add the parent's load and the merge (0.6 s) and halve the
 * per-resource part, so they win above about 1,340 resources, 50 stacks
 * (at today's 32 stacks: 1.39 s alone against 2.19 s with two). Re-measure
 * when the layers change the resources per stack.
 */
export const MIN_STACKS_PER_WORKER = 25;

/** Stacks a deployment adds: one per layer it uses. */
const stacksOf = (d: Deployment): number => d.layers.length;

/**
 * Deployments split into at most `workers` groups for separate synth
 * processes. Deployments sharing an account stay in one group (its state
 * stacks and its governance stack), so every stack is built by exactly one process; groups
 * are balanced by stack count, largest first, ties by name, so the split is
 * the same on every machine.
 */
export function synthGroups(deployments: readonly Deployment[], workers: number): Deployment[][] {
  const byBackend = new Map<string, Deployment[]>();
  for (const d of deployments) {
    const key = d.account.name;
    byBackend.set(key, [...(byBackend.get(key) ?? []), d]);
  }
  const weight = (units: readonly Deployment[]) => 1 + units.reduce((n, d) => n + stacksOf(d), 0);
  const units = [...byBackend.entries()].sort(([a, x], [b, y]) => weight(y) - weight(x) || (a < b ? -1 : 1)).map(([, u]) => u);
  const groups: Deployment[][] = Array.from({ length: Math.min(workers, units.length) }, () => []);
  for (const unit of units) {
    const lightest = groups.reduce((best, g, i) => (weight(g) < weight(groups[best]) ? i : best), 0);
    groups[lightest].push(...unit);
  }
  const order = new Map(deployments.map((d, i) => [d.name, i]));
  return groups.map((g) => g.sort((a, b) => order.get(a.name)! - order.get(b.name)!));
}

/** How many synth processes pay for these deployments on this machine: 1 below the measured threshold. */
export function workersFor(deployments: readonly Deployment[], cpus = idleCpus()): number {
  const stacks = new Set(deployments.map((d) => stateBackendFor(d.account, d.region).stackName)).size + deployments.reduce((n, d) => n + stacksOf(d), 0);
  return Math.max(1, Math.min(cpus, Math.floor(stacks / MIN_STACKS_PER_WORKER)));
}

/**
 * Cores no other process is using (the last minute's load average, rounded,
 * taken from the cores), at least one. A second synth process only pays on an
 * idle core: on the shared 2-core machine at load 4, 87 stacks took 2.1 s in
 * one process and 2.6-2.9 s in two (2026-11-25), so a busy machine stays
 * sequential. The output is the same either way (test/cli.test.ts).
 */
export function idleCpus(cpus = availableParallelism(), load = loadavg()[0]): number {
  return Math.max(1, Math.min(cpus, Math.round(cpus - load)));
}

/** One part of a parallel synth, as the parent passes it to a child process (`SYNTH_PART=<index>/<count>`). */
export interface SynthPart {
  readonly index: number;
  readonly count: number;
}

/** Reads `SYNTH_PART`; undefined when this process is not a part. */
export function partFromEnv(value: string | undefined): SynthPart | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(value ?? "");
  return match ? { index: Number(match[1]), count: Number(match[2]) } : undefined;
}

/** A child synth process failed; carries what it printed. */
export class SynthPartError extends Error {
  constructor(readonly output: string) {
    super(output.trim());
    this.name = "SynthPartError";
  }
}

/**
 * Synthesizes `deployments` in `workers` child processes, each running this
 * same entry point (`entry`, with the parent's node flags) on one group,
 * then merges their outputs into `outdir`: every stack folder as written,
 * and one manifest written the way cdktf writes it (sorted keys). The result
 * is byte-identical to a sequential synth because stacks share values only
 * through named contracts, never through cdktf's cross-stack references.
 */
export async function synthesizeInParallel(deployments: readonly Deployment[], outdir: string, workers: number, entry: string): Promise<string[]> {
  const groups = synthGroups(deployments, workers);
  const parts = groups.map((_, i) => `${outdir}.part-${i}-${process.pid}`);
  const staging = `${outdir}.staging-${process.pid}`;
  try {
    await Promise.all(groups.map((_, i) => runPart(entry, deployments, { index: i, count: groups.length }, parts[i])));
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    const manifest = new Manifest(readVersion(parts[0]), staging, false);
    for (const part of parts) {
      const partManifest = JSON.parse(readFileSync(join(part, Manifest.fileName), "utf8")) as { stacks: Manifest["stacks"] };
      Object.assign(manifest.stacks, partManifest.stacks);
      for (const name of readdirSync(join(part, Manifest.stacksFolder))) {
        cpSync(join(part, Manifest.stacksFolder, name), join(staging, Manifest.stacksFolder, name), { recursive: true });
      }
    }
    manifest.writeToFile();
    if (existsSync(outdir)) rmSync(outdir, { recursive: true, force: true });
    renameSync(staging, outdir);
    return Object.keys(manifest.stacks).sort();
  } finally {
    for (const dir of [...parts, staging]) rmSync(dir, { recursive: true, force: true });
  }
}

function readVersion(part: string): string {
  return (JSON.parse(readFileSync(join(part, Manifest.fileName), "utf8")) as { version: string }).version;
}

function runPart(entry: string, deployments: readonly Deployment[], part: SynthPart, outdir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, entry], {
      env: { ...process.env, DEPLOYMENTS: deployments.map((d) => d.name).join(","), SYNTH_PART: `${part.index}/${part.count}`, CDKTF_OUTDIR: outdir },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new SynthPartError(stderr || `synth part ${part.index + 1}/${part.count} exited ${code}`))));
  });
}
