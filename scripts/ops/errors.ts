/**
 * An error meant for the operator: the CLI prints only its message (no stack
 * trace) and exits with `exitCode`.
 */
export class OpsError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = "OpsError";
    this.exitCode = exitCode;
  }
}
