import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { matchesStack, prepareCheckovInput, readCheckovSkips } from "../../scripts/ops/ci/checkov";
import { copyOfSynth, realManifest, ROOT, tempDir } from "./support";

const SECURITY = join(ROOT, ".github", "security");
const stackNames = () => Object.keys(realManifest().stacks);

/** A reason must say something: a sentence, not a placeholder. */
const isReal = (reason: unknown) => typeof reason === "string" && reason.trim().length >= 40 && reason.trim().split(/\s+/).length >= 8;

/** Trivy's `paths` globs (doublestar): `**` spans folders, `*` stays within one. */
const globMatches = (glob: string, path: string) =>
  new RegExp(`^${glob.split("**/").map((part) => part.split("*").map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join("[^/]*")).join("(?:.*/)?")}$`).test(path);

describe("Checkov skip list", () => {
  it("gives every skip a check id, the stacks it covers and a real reason; every pattern still matches a stack", () => {
    const skips = readCheckovSkips(join(SECURITY, "checkov-skips.yaml"));
    expect(skips.length).toBeGreaterThan(0);
    for (const s of skips) {
      expect(isReal(s.reason), `${s.id}: ${s.reason}`).toBe(true);
      for (const pattern of s.stacks) expect(stackNames().some((n) => matchesStack(pattern, n)), `${s.id}: ${pattern} matches no stack`).toBe(true);
    }
  });

  it("rejects an entry without a reason or with a malformed id", () => {
    const file = join(tempDir("skips"), "skips.yaml");
    writeFileSync(file, "skips:\n  - id: CKV_AWS_1\n    stacks: ['*']\n    reason: no\n  - id: AWS-1\n    stacks: []\n    reason: because this check does not apply here at all\n");
    expect(() => readCheckovSkips(file)).toThrow(/skips\[0\]\.reason: explain why[\s\S]*skips\[1\]\.id = "AWS-1"[\s\S]*skips\[1\]\.stacks/);
  });

  it("scans copies without terraform.required_version (Checkov crash), grouped by skipped checks", () => {
    const synth = copyOfSynth();
    const skips = readCheckovSkips(join(SECURITY, "checkov-skips.yaml"));
    const groups = prepareCheckovInput(synth.outdir, synth.manifest, skips, join(tempDir("checkov"), "input"));
    expect(groups.flatMap((g) => g.stacks).sort()).toEqual(Object.keys(synth.manifest.stacks).sort());
    for (const g of groups) {
      expect(readFileSync(join(g.dir, "skip-checks.txt"), "utf8")).toBe(g.skipChecks.join(","));
      for (const stack of g.stacks) {
        const scanned = JSON.parse(readFileSync(join(g.dir, stack, "cdk.tf.json"), "utf8"));
        const original = JSON.parse(readFileSync(join(synth.outdir, "stacks", stack, "cdk.tf.json"), "utf8"));
        expect(original.terraform.required_version).toMatch(/^>= \d/);
        expect(scanned.terraform.required_version).toBeUndefined();
        expect(scanned.resource).toEqual(original.resource);
        expect(g.skipChecks).toEqual([...new Set(skips.filter((s) => s.stacks.some((p) => matchesStack(p, stack))).map((s) => s.id))].sort());
      }
    }
    const production = groups.find((g) => g.stacks.includes("commerce-prod-data"))!;
    expect(production.skipChecks).not.toContain("CKV_AWS_338"); // prod keeps a year of logs: never skipped
  });
});

describe("Trivy ignore file", () => {
  it("gives every ignored finding an AVD id, stack paths that exist and a statement", () => {
    const doc = parse(readFileSync(join(SECURITY, "trivyignore.yaml"), "utf8")) as Record<string, { id: string; paths?: string[]; statement?: string }[]>;
    expect(Object.keys(doc)).toEqual(["misconfigurations"]);
    const files = stackNames().map((n) => `${n}/cdk.tf.json`);
    for (const entry of doc.misconfigurations) {
      expect(entry.id).toMatch(/^AVD-AWS-\d{4}$/);
      expect(isReal(entry.statement), entry.id).toBe(true);
      expect(entry.paths?.length, `${entry.id} must be scoped to stacks`).toBeGreaterThan(0);
      for (const glob of entry.paths!) expect(files.some((f) => globMatches(glob, f)), `${entry.id}: ${glob}`).toBe(true);
    }
  });
});

describe("TFLint config", () => {
  it("enables the AWS ruleset at a pinned version and explains any rule it turns off", () => {
    const text = readFileSync(join(SECURITY, "tflint.hcl"), "utf8");
    expect(text).toMatch(/plugin "aws" \{\n\s+enabled = true\n\s+version = "\d+\.\d+\.\d+"\n\s+source {2}= "github\.com\/terraform-linters\/tflint-ruleset-aws"\n\}/);
    const lines = text.split("\n");
    lines.forEach((line, i) => {
      if (/^rule "/.test(line) && /enabled\s*=\s*false/.test(lines.slice(i, i + 4).join("\n"))) expect(lines[i - 1], `reason above ${line}`).toMatch(/^#\s*\S.{20,}/);
    });
  });
});
