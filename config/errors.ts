/** One problem found in the configuration of one deployment. */
export interface ConfigProblem {
  /** Deployment name, or `deployments[i]` when the name itself is unreadable. */
  readonly deployment: string;
  /** Dotted field path, e.g. `network.cidr`. */
  readonly field: string;
  readonly value: unknown;
  /** What is allowed. */
  readonly allowed: string;
}

/** Formats a problem as `<deployment>: <field> = <value>: <allowed>`; NaN and infinities print as themselves, not as JSON's null. */
export function formatProblem(p: ConfigProblem): string {
  const value = p.value === undefined ? "(missing)"
    : JSON.stringify(p.value, (_key, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? `<${v}>` : v)).replace(/"<(NaN|-?Infinity)>"/g, "$1");
  return `${p.deployment}: ${p.field} = ${value}: ${p.allowed}`;
}

/** Thrown before any construct is built; carries every problem at once. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(
      `Invalid deployment configuration (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n` +
        problems.map((p) => `  - ${formatProblem(p)}`).join("\n"),
    );
    this.name = "ConfigError";
  }
}
