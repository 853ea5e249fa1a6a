import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { parse } from "yaml";
import { matchesStack, prepareCheckovInput, readCheckovSkips } from "../../scripts/ops/ci/checkov";
import { requirementsFromPipfileLock } from "../../scripts/security/pipfile-requirements";
import { CHECKOV, type StackJson, TRIVY } from "./scanner-checks";
import { copyOfSynth, realManifest, ROOT, tempDir, workflow } from "./support";

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

describe("skips match what the scanners would report (scanner-checks.ts)", () => {
  const json = (stack: string) => JSON.parse(readFileSync(join(inject("synthDir"), "stacks", stack, "cdk.tf.json"), "utf8")) as StackJson;
  const firing = (check: (j: StackJson) => string[]) => stackNames().filter((s) => check(json(s)).length > 0).sort();
  const skips = () => readCheckovSkips(join(SECURITY, "checkov-skips.yaml"));
  const skipped = (id: string, stack: string) => skips().some((s) => s.id === id && s.stacks.some((p) => matchesStack(p, stack)));


  it("skips a Checkov check only on stacks where it fails", () => {
    for (const s of skips()) {
      const check = CHECKOV[s.id];
      expect(check, `${s.id}: add its logic to test/delivery/scanner-checks.ts`).toBeDefined();
      const matched = stackNames().filter((n) => s.stacks.some((p) => matchesStack(p, n)));
      for (const stack of matched) expect(check(json(stack)), `${s.id} is skipped on ${stack}, where it passes`).not.toEqual([]);
    }
  });

  it("leaves no Checkov finding uncovered by a skip", () => {
    for (const [id, check] of Object.entries(CHECKOV)) {
      expect(firing(check).filter((stack) => !skipped(id, stack)), id).toEqual([]);
    }
  });

  it("ignores a Trivy check only at or above the scan's severity, only on stacks where it fires, and covers every such finding", () => {
    const scan = workflow("security-scan.yml").doc.jobs.trivy.steps.find((s: { uses?: string }) => String(s.uses).startsWith("aquasecurity/trivy-action@"));
    const severities = String(scan.with.severity).split(",");
    const doc = parse(readFileSync(join(SECURITY, "trivyignore.yaml"), "utf8")) as { misconfigurations: { id: string; paths: string[] }[] };
    const ignored = (id: string, stack: string) => doc.misconfigurations.some((e) => e.id === id && e.paths.some((g) => globMatches(g, `${stack}/cdk.tf.json`)));
    for (const entry of doc.misconfigurations) {
      const known = TRIVY[entry.id];
      expect(known, `${entry.id}: add its logic to test/delivery/scanner-checks.ts`).toBeDefined();
      expect(severities, `${entry.id} is ${known.severity}: the scan never fails on it, so ignoring it is dead`).toContain(known.severity);
      for (const stack of stackNames().filter((n) => entry.paths.some((g) => globMatches(g, `${n}/cdk.tf.json`)))) {
        expect(known.check(json(stack)), `${entry.id} is ignored on ${stack}, where it does not fire`).not.toEqual([]);
      }
    }
    for (const [id, { severity, check }] of Object.entries(TRIVY)) {
      if (!severities.includes(severity)) continue;
      expect(firing(check).filter((stack) => !ignored(id, stack)), id).toEqual([]);
    }
  });

  it("gives TFLint's default-parameter-group rule nothing to find: every Redis group has its own parameter group", () => {
    // tflint-ruleset-aws aws_elasticache_replication_group_default_parameter_group (on by default).
    const groups = stackNames().flatMap((s) => Object.values(json(s).resource?.aws_elasticache_replication_group ?? {}));
    expect(groups.length).toBeGreaterThan(0);
    for (const r of groups) expect(String(r.parameter_group_name)).toMatch(/^\$\{aws_elasticache_parameter_group\.\w+\.name\}$/);
  });
});

describe("scanner pinning", () => {
  const scan = () => workflow("security-scan.yml");

  it("installs Checkov's dependencies only by exact version and hash, from Checkov's own lock of the pinned release", () => {
    const install = scan().doc.jobs.checkov.steps.find((s: { name?: string }) => s.name === "Install Checkov").run as string;
    const version = /checkov==(\d+\.\d+\.\d+)/.exec(install)![1];
    expect(install).toContain("pip install --disable-pip-version-check --no-deps --require-hashes -r .github/security/checkov-requirements.txt");
    expect(install).toContain(`pip install --disable-pip-version-check --no-deps checkov==${version}`);
    expect(install).toContain("python -m pip check");
    const text = readFileSync(join(SECURITY, "checkov-requirements.txt"), "utf8");
    expect(text).toContain(`from the Pipfile.lock of Checkov ${version}.`);
    const requirements = text.split("\n").filter((l) => /^[A-Za-z]/.test(l));
    expect(requirements.length).toBeGreaterThan(50);
    for (const line of requirements) expect(line, line).toMatch(/^[A-Za-z0-9._-]+==[^ ;]+( ; .+)? \\$/);
    // Every requirement carries at least one sha256 hash.
    const blocks = text.split(/\n(?=[A-Za-z])/).filter((b) => /^[A-Za-z]/.test(b));
    for (const block of blocks) expect(block, block.split("\n")[0]).toMatch(/--hash=sha256:[0-9a-f]{64}/);
    expect(requirements.map((l) => l.split("==")[0])).toEqual(expect.arrayContaining(["bc-python-hcl2", "bc-detect-secrets", "boto3", "networkx", "rustworkx"]));
  });

  it("generates the requirements from a Pipfile.lock, refusing an unpinned or unhashed package", () => {
    const lock = { default: { "b-pkg": { version: "==2.0", hashes: ["sha256:bb", "sha256:cc"] }, "a-pkg": { version: "==1.0", markers: "python_version < '3.11'", hashes: ["sha256:aa"] } } };
    expect(requirementsFromPipfileLock(lock, "test")).toBe([
      "# Generated by scripts/security/pipfile-requirements.ts from test.",
      "# Install with: pip install --require-hashes --no-deps -r <this file>. Do not edit by hand.",
      "a-pkg==1.0 ; python_version < '3.11' \\",
      "    --hash=sha256:aa",
      "b-pkg==2.0 \\",
      "    --hash=sha256:bb \\",
      "    --hash=sha256:cc",
      "",
    ].join("\n"));
    expect(() => requirementsFromPipfileLock({ default: { x: { version: "*", hashes: ["sha256:aa"] } } }, "test")).toThrow("x: a locked package needs an exact version and hashes");
    expect(() => requirementsFromPipfileLock({ default: { x: { version: "==1" } } }, "test")).toThrow("x: a locked package needs an exact version and hashes");
  });

  it("scans with the checks embedded in the pinned Trivy binary, without a cached or downloaded bundle", () => {
    const trivy = scan().doc.jobs.trivy.steps.find((s: { uses?: string }) => String(s.uses).startsWith("aquasecurity/trivy-action@"));
    expect(trivy.with).toMatchObject({ version: expect.stringMatching(/^v\d+\.\d+\.\d+$/), "trivy-config": ".github/security/trivy.yaml", cache: "false" });
    expect(parse(readFileSync(join(SECURITY, "trivy.yaml"), "utf8"))).toEqual({ rego: { "skip-check-update": true } });
  });
});
