import type { Deployment } from "../config/deployment";

/**
 * The name of a resource a deployment owns: `<system>-<env>-<purpose>`,
 * e.g. `commerce-prod-flow-logs`. Names a seed fixes come from config instead.
 */
export function resourceName(deployment: Pick<Deployment, "name">, purpose: string): string {
  return `${deployment.name}-${purpose}`;
}

/**
 * `eks-nodes` -> `EksNodes`, `ecr.dkr` -> `EcrDkr`, `slowquery` -> `Slowquery`:
 * construct ids (and so Terraform addresses) derived from config names.
 */
export function pascalCase(name: string): string {
  return name.split(/[.-]/).map((part) => part[0].toUpperCase() + part.slice(1)).join("");
}
