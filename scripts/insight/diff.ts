/**
 * `npm run diff -- <base-ref>`: synthesizes the base commit (in a temporary
 * git worktree sharing this checkout's node_modules) and the working tree,
 * and prints the resource-level diff as Markdown. Exits 0 whatever the diff
 * says: it informs a review, the plan gate decides.
 * `npm run diff -- --base-dir <cdktf.out> --head-dir <cdktf.out>` compares
 * two synths already made (what CI does).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadSynthDir } from "../../policies/engine/load";
import { diffSynths } from "./diff-model";
import { diffMarkdown } from "./diff-report";
import { synthDir } from "./synth-dir";

const root = resolve(__dirname, "..", "..");
const args = process.argv.slice(2);
const flagValue = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

/** Synthesizes `ref` in a throw-away worktree; returns its cdktf.out. */
function synthAt(ref: string): string {
  const work = mkdtempSync(join(tmpdir(), "insight-base-"));
  const tree = join(work, "tree");
  const out = join(work, "cdktf.out");
  execFileSync("git", ["worktree", "add", "--detach", tree, ref], { cwd: root, stdio: "ignore" });
  try {
    symlinkSync(join(root, "node_modules"), join(tree, "node_modules"));
    execFileSync("node", ["scripts/synth.mjs"], { cwd: tree, env: { ...process.env, CDKTF_OUTDIR: out }, stdio: ["ignore", "ignore", "inherit"] });
  } finally {
    execFileSync("git", ["worktree", "remove", "--force", tree], { cwd: root, stdio: "ignore" });
  }
  return out;
}

const baseRef = args.find((a, i) => !a.startsWith("--") && !["--base-dir", "--head-dir"].includes(args[i - 1]));
const baseDir = flagValue("--base-dir") ?? (baseRef ? synthAt(baseRef) : undefined);
if (!baseDir) {
  console.error("usage: npm run diff -- <base-ref> | --base-dir <cdktf.out> [--head-dir <cdktf.out>]");
  process.exit(2);
}
const headDir = synthDir(flagValue("--head-dir"));
process.stdout.write(diffMarkdown(diffSynths(loadSynthDir(baseDir), loadSynthDir(headDir))));
if (!flagValue("--base-dir")) rmSync(resolve(baseDir, ".."), { recursive: true, force: true });
