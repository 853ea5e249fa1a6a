import type { Deployment } from "../config/deployment";

/** Thrown when a requested deployment name is not configured. */
export class UnknownDeploymentError extends Error {
  constructor(unknown: readonly string[], known: readonly string[]) {
    super(`Unknown deployment${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}. Known deployments: ${known.join(", ")}`);
    this.name = "UnknownDeploymentError";
  }
}

/**
 * Parses a selector such as `commerce-prod,stackflow-dev` (from the
 * DEPLOYMENTS environment variable or command-line arguments).
 * Empty means every deployment.
 */
export function parseSelector(parts: readonly (string | undefined)[]): string[] {
  return parts.flatMap((p) => (p ?? "").split(/[\s,]+/)).filter((name) => name.length > 0);
}

/** The deployments named, in configuration order; all when `names` is empty. */
export function selectDeployments(all: readonly Deployment[], names: readonly string[]): Deployment[] {
  if (names.length === 0) return [...all];
  const known = all.map((d) => d.name);
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0) throw new UnknownDeploymentError(unknown, known);
  return all.filter((d) => names.includes(d.name));
}
