import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { stack, stackNames } from "./support/synth";

/**
 * Terraform's JSON syntax takes static addresses, not interpolations, in
 * `depends_on` and the lifecycle lists; cdktf renders a resource given to
 * `replace_triggered_by` as "${...}", which `terraform plan` refuses.
 */
const ADDRESS_LISTS = ["depends_on", "lifecycle.replace_triggered_by", "lifecycle.ignore_changes"] as const;

const at = (block: Record<string, unknown>, path: string): unknown =>
  path.split(".").reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], block);

/** Without providers installed, `terraform validate` still parses the whole configuration; this is the only error it may report. */
const MISSING_PROVIDER = "Missing required provider";
const terraform = spawnSync("terraform", ["version"], { stdio: "ignore" }).status === 0;

function validate(dir: string): Promise<{ summary: string; detail: string }[]> {
  return new Promise((resolve, reject) => {
    const child = spawn("terraform", [`-chdir=${dir}`, "validate", "-json", "-no-color"], { env: { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null" } });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("close", () => resolve((JSON.parse(out) as { diagnostics: { summary: string; detail: string }[] }).diagnostics));
  });
}

describe("Terraform JSON syntax of every stack", () => {
  it("address and attribute lists hold plain names, never interpolations", () => {
    for (const name of stackNames()) {
      for (const [type, byId] of Object.entries(stack(name).resource ?? {})) {
        for (const [id, block] of Object.entries(byId)) {
          for (const path of ADDRESS_LISTS) {
            for (const entry of (at(block, path) as string[] | undefined) ?? []) expect(entry, `${name} ${type}.${id} ${path}`).not.toContain("${");
          }
        }
      }
    }
  });

  it.skipIf(!terraform)("terraform validate parses every stack (only missing providers reported, offline)", async () => {
    const names = stackNames();
    const results = new Map<string, { summary: string; detail: string }[]>();
    // Many at a time: each run is a short process, mostly waiting on start-up.
    for (let i = 0; i < names.length; i += 16) {
      const batch = names.slice(i, i + 16);
      const found = await Promise.all(batch.map((n) => validate(join(inject("synthDir"), "stacks", n))));
      batch.forEach((n, j) => results.set(n, found[j]));
    }
    for (const [name, diagnostics] of results) {
      expect(diagnostics.filter((d) => d.summary !== MISSING_PROVIDER).map((d) => `${d.summary}: ${d.detail}`), name).toEqual([]);
    }
  });
});
