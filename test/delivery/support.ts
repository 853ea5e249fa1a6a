import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { inject } from "vitest";
import { parse } from "yaml";
import type { StackManifest } from "../../lib/apply-order";
import { describeStacks, type StackInfo } from "../../scripts/ops/workspace";
import { DEPLOYMENTS } from "../support/deployments";

/** Repository root. */
export const ROOT = join(__dirname, "..", "..");

/** A parsed workflow file, loosely typed: tests assert on its shape. */
export interface Workflow {
  readonly file: string;
  readonly text: string;
  readonly doc: any;
}

/** Freezes a parsed value all the way down, so a test that edits a shared document fails at once. */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * Parsed documents by file text: the suites ask for the workflows hundreds of
 * times and YAML parsing was most of their time. Keyed by the text read each
 * time, so an edited file is parsed again; frozen because files share them.
 */
const parsed = new Map<string, unknown>();
const parseOnce = (text: string): unknown => {
  if (!parsed.has(text)) parsed.set(text, deepFreeze(parse(text)));
  return parsed.get(text);
};

/** Every workflow under .github/workflows, parsed. */
export function workflows(): Workflow[] {
  const dir = join(ROOT, ".github", "workflows");
  return readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((file) => {
    const text = readFileSync(join(dir, file), "utf8");
    return { file, text, doc: parseOnce(text) };
  });
}

/** One workflow by file name. */
export function workflow(file: string): Workflow {
  const found = workflows().find((w) => w.file === file);
  if (!found) throw new Error(`no workflow ${file}`);
  return found;
}

/** The synthesized manifest shared by the test run. */
export function realManifest(): StackManifest {
  return JSON.parse(readFileSync(join(inject("synthDir"), "manifest.json"), "utf8")) as StackManifest;
}

/**
 * A fresh temporary directory, inside the run's synth folder so the global
 * teardown removes it. Not a per-file hook: test files share this module
 * (vitest `isolate: false`), so a hook here would belong to whichever file
 * imported it first.
 */
export function tempDir(prefix: string): string {
  const scratchRoot = join(dirname(inject("synthDir")), "delivery");
  mkdirSync(scratchRoot, { recursive: true });
  return mkdtempSync(join(scratchRoot, `${prefix}-`));
}

/**
 * A private copy of the synthesized stacks, for tests whose code writes
 * into stack directories (lock files, overrides, plans).
 */
export function copyOfSynth(): { outdir: string; manifest: StackManifest; infos: Map<string, StackInfo> } {
  const outdir = join(tempDir("synth"), "cdktf.out");
  cpSync(inject("synthDir"), outdir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as StackManifest;
  return { outdir, manifest, infos: describeStacks(manifest, DEPLOYMENTS, outdir) };
}
