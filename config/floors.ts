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

/** True when `d` is production and has not accepted `risk`. */
export const floorApplies = (d: DeploymentBase, risk: AcceptedRisk): boolean => d.environment === "prod" && d.acceptedRisks[risk] === undefined;

/** The deployment-wide settings of a production deployment below its floors. */
export function belowProductionFloors(d: DeploymentBase): FloorProblem[] {
  const problems: FloorProblem[] = [];
  if (!d.deletionProtection && floorApplies(d, "unprotectedProduction")) {
    problems.push({ field: "deletionProtection", value: false, allowed: floorMessage("true", "unprotectedProduction") });
  }
  if (d.backupRetentionDays < PRODUCTION_FLOORS.backupRetentionDays && floorApplies(d, "shortBackupRetention")) {
    problems.push({ field: "backupRetentionDays", value: d.backupRetentionDays, allowed: floorMessage(`at least ${PRODUCTION_FLOORS.backupRetentionDays} days`, "shortBackupRetention") });
  }
  if (d.logRetentionDays < PRODUCTION_FLOORS.logRetentionDays && floorApplies(d, "shortLogRetention")) {
    problems.push({ field: "logRetentionDays", value: d.logRetentionDays, allowed: floorMessage(`at least ${PRODUCTION_FLOORS.logRetentionDays} days`, "shortLogRetention") });
  }
  return problems;
}
