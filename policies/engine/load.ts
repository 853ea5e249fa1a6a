import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { StackJson, SynthesizedStack } from "./stack-json";

/** cdktf's `manifest.json`, the part the checker reads. */
interface Manifest {
  readonly stacks: Record<string, { readonly synthesizedStackPath: string }>;
}

/** True when `dir` holds a cdktf synth (a `manifest.json`). */
export const isSynthDir = (dir: string): boolean => existsSync(join(dir, "manifest.json"));

/** Reads every stack a synth's manifest lists, sorted by name. */
export function loadSynthDir(dir: string): SynthesizedStack[] {
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Manifest;
  return Object.entries(manifest.stacks)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, entry]) => ({ name, json: JSON.parse(readFileSync(join(dir, entry.synthesizedStackPath), "utf8")) as StackJson }));
}
