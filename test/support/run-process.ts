import { spawn } from "node:child_process";
import { inject } from "vitest";

/** What a finished process printed and how it exited. */
export interface ProcessResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Where a process runs and its environment: `env` is added to this process's, or replaces it with `inheritEnv: false`. */
export interface RunOptions {
  readonly cwd: string;
  readonly env?: Record<string, string | undefined>;
  readonly inheritEnv?: boolean;
}

/**
 * Runs node with `args` in a fresh process. Asynchronous, so tests that
 * start several (under `describe.concurrent`) run them side by side.
 */
export function runNode(args: readonly string[], options: RunOptions): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const env = options.inheritEnv === false ? options.env : { ...process.env, ...options.env };
    const child = spawn(process.execPath, [...args], { cwd: options.cwd, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/**
 * Runs the operator CLI (scripts/ops/cli.ts) in a fresh process, from the
 * bundle the global setup built of the same sources. One suite still starts it
 * through tsx, as `npm run ops` does (test/delivery/ops-cli.test.ts).
 */
export function runOps(args: readonly string[], options: RunOptions): Promise<ProcessResult> {
  return runNode([inject("opsCli"), ...args], options);
}
