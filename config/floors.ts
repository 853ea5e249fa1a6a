import type { AcceptedRisk, DeploymentBase } from "./deployment";

/**
 * Production floors: below these a production deployment loses data or
 * evidence it cannot get back. Going below one needs `acceptedRisks.<risk>`
 * with a reason, so the choice is explicit and visible in review.
 */
export const PRODUCTION_FLOORS = {
  /** Days of automated database backups and cache snapshots. */
  backupRetentionDays: 7,
  /** Days CloudWatch keeps flow, database and service logs. */
  logRetentionDays: 90,
} as const;

/** One floor a store or deployment setting goes below, for {@link belowProductionFloors} and the data layer. */
export interface FloorProblem {
  readonly field: string;
  readonly value: unknown;
  readonly allowed: string;
}

/** `allowed` text for a setting below a floor, naming the risk that would accept it. */
export function floorMessage(floor: string, risk: AcceptedRisk): string {
  return `must be ${floor} in production, or accepted with acceptedRisks.${risk}: "<reason>"`;
}

/**
 * True when `d` is held to the floor of `risk` and has not accepted it:
 * deletion protection in staging and production (staging protects data as
 * production does, so the policy check Terraform.PreventDestroyInProd covers
 * both), retention floors in production.
 */
export const floorApplies = (d: DeploymentBase, risk: AcceptedRisk): boolean =>
  (d.environment === "prod" || (risk === "unprotectedProduction" && d.environment === "staging")) && d.acceptedRisks[risk] === undefined;

/** The deployment-wide settings of a production deployment below its floors. */
export function belowProductionFloors(d: DeploymentBase): FloorProblem[] {
  const problems: FloorProblem[] = [];
  if (!d.deletionProtection && floorApplies(d, "unprotectedProduction")) {
    problems.push({ field: "deletionProtection", value: false, allowed: `must be true in staging and production, or accepted with acceptedRisks.unprotectedProduction: "<reason>"` });
  }
  if (d.backupRetentionDays < PRODUCTION_FLOORS.backupRetentionDays && floorApplies(d, "shortBackupRetention")) {
    problems.push({ field: "backupRetentionDays", value: d.backupRetentionDays, allowed: floorMessage(`at least ${PRODUCTION_FLOORS.backupRetentionDays} days`, "shortBackupRetention") });
  }
  if (d.logRetentionDays < PRODUCTION_FLOORS.logRetentionDays && floorApplies(d, "shortLogRetention")) {
    problems.push({ field: "logRetentionDays", value: d.logRetentionDays, allowed: floorMessage(`at least ${PRODUCTION_FLOORS.logRetentionDays} days`, "shortLogRetention") });
  }
  return problems;
}
