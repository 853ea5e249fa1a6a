/**
 * Environment presets: the defaults that differ by environment, held once.
 * A deployment file only states where it departs from its preset.
 */

/** How private subnets reach the internet. */
export type NatMode = "none" | "single" | "perAz";

/** Settings an environment preset decides. */
export interface EnvironmentPreset {
  /**
   * NAT gateways: one per AZ keeps egress alive through an AZ outage;
   * one shared gateway halves the cost for environments that can take it.
   */
  readonly nat: NatMode;
  /** Availability zones the VPC spans (2-3). */
  readonly azCount: number;
  /** Databases and caches run Multi-AZ with automatic failover. */
  readonly multiAz: boolean;
  /** Stateful resources refuse deletion (deletion protection, `prevent_destroy`). */
  readonly deletionProtection: boolean;
  /** CloudWatch log retention in days (flow logs and service logs). */
  readonly logRetentionDays: number;
  /** Automated backup retention of databases (1-35 days). */
  readonly backupRetentionDays: number;
}

/** Environments a deployment may declare. */
export const ENVIRONMENTS = ["dev", "staging", "prod"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const PRESETS: Readonly<Record<Environment, EnvironmentPreset>> = {
  dev: { nat: "single", azCount: 2, multiAz: false, deletionProtection: false, logRetentionDays: 30, backupRetentionDays: 7 },
  staging: { nat: "single", azCount: 3, multiAz: true, deletionProtection: true, logRetentionDays: 90, backupRetentionDays: 7 },
  prod: { nat: "perAz", azCount: 3, multiAz: true, deletionProtection: true, logRetentionDays: 365, backupRetentionDays: 14 },
};

/** Retention values CloudWatch Logs accepts (`retention_in_days`). */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;
