import { spawnSync } from "node:child_process";
import { accessSync, constants, readFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { OpsError } from "./errors";
import { REPO_ROOT } from "./workspace";

/** How long plan/apply/destroy wait for another run's state lock before failing. */
export const LOCK_TIMEOUT = "5m";

/** The Terraform version CI installs (`.github/terraform-version`), e.g. `1.13.5`. */
export function pinnedTerraformVersion(): string {
  return readFileSync(join(REPO_ROOT, ".github", "terraform-version"), "utf8").trim();
}

/** Absolute path of `name` on `PATH`, or undefined. Pure Node, so it works with an empty PATH too. */
export function findOnPath(name: string, path = process.env.PATH ?? ""): string | undefined {
  for (const dir of path.split(delimiter).filter((d) => d.length > 0)) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; keep looking
    }
  }
  return undefined;
}

/**
 * The `terraform` binary to run, or a clear error when there is none: these
 * scripts wrap Terraform and cannot do anything useful without it.
 */
export function requireTerraform(path = process.env.PATH ?? ""): string {
  const found = findOnPath("terraform", path);
  if (found) return found;
  throw new OpsError([
    "terraform was not found on PATH.",
    `Install Terraform ${pinnedTerraformVersion()} (the version CI pins in .github/terraform-version),`,
    "e.g. from https://developer.hashicorp.com/terraform/install or with tfenv/mise, then retry.",
    "Add --dry-run to see the commands without running them.",
  ].join("\n"), 127);
}

/** Warns (does not fail) when the local Terraform differs from the CI pin: plans may then differ. */
export function warnOnVersionDrift(binary: string): void {
  const result = spawnSync(binary, ["version", "-json"], { encoding: "utf8" });
  if (result.status !== 0) return;
  const local = (JSON.parse(result.stdout) as { terraform_version?: string }).terraform_version;
  const pinned = pinnedTerraformVersion();
  if (local && local !== pinned) console.error(`warning: terraform ${local} on PATH, CI uses ${pinned} (.github/terraform-version)`);
}

/** Outcome of one Terraform invocation. */
export interface RunResult {
  readonly status: number;
  /** stdout and stderr, when captured. */
  readonly output: string;
}

/** Runs Terraform; injectable so tests can stand in a fake binary or a function. */
export type TerraformRunner = (args: readonly string[], options?: RunOptions) => RunResult;

/** How to run one Terraform command. */
export interface RunOptions {
  /** Return stdout and stderr instead of streaming them. @default false */
  readonly capture?: boolean;
  /** With `capture`: do not echo the output afterwards (it holds secrets, e.g. `show -json`). @default false */
  readonly quiet?: boolean;
}

/**
 * Runs `binary` with `args`: output streamed to the terminal, or captured
 * (and still echoed afterwards, so CI logs keep it, unless `quiet`) when
 * `capture` is set.
 */
export function processRunner(binary: string): TerraformRunner {
  return (args, options) => {
    if (!options?.capture) {
      const result = spawnSync(binary, args, { stdio: "inherit" });
      return { status: result.status ?? 1, output: "" };
    }
    const result = spawnSync(binary, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
    if (!options.quiet) process.stdout.write(output);
    return { status: result.status ?? 1, output };
  };
}
