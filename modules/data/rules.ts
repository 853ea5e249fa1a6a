import { type Engine, pinsExactly } from "../../config/engine-versions";
import { between, matches, oneOf, type Rule } from "../validate";

/**
 * RDS, Aurora, Neptune and ElastiCache identifiers: lowercase letters,
 * digits and single hyphens, starting with a letter, not ending with a
 * hyphen; `max` is 63 for databases and 40 for ElastiCache.
 */
export const storeIdentifier = (max: number): Rule<string> => matches(
  new RegExp(`^[a-z](?!.*--)[a-z0-9-]{0,${max - 2}}[a-z0-9]$|^[a-z]$`),
  `must be 1-${max} lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen`,
);

/** Automated backups: at least a day (0 would switch them off), at most the services' 35. */
export const backupRetentionDays = between(1, 35, "automated backup retention in days");

/** Enhanced monitoring intervals RDS and Aurora accept; 0 switches it off. */
export const monitoringIntervalSeconds = oneOf([0, 1, 5, 10, 15, 30, 60], "enhanced monitoring intervals in seconds");

/** Performance Insights retention: 7 days (free tier), whole months of 31 days up to 23, or 731 days (two years). */
export const performanceInsightsRetentionDays: Rule<number> = {
  when: (d) => !(d === 7 || d === 731 || (Number.isInteger(d) && d % 31 === 0 && d >= 31 && d <= 713)),
  allowed: "must be 7 (free tier), a multiple of 31 up to 713 (23 months), or 731 (two years) (Performance Insights retention)",
};

/** Enhanced monitoring needs a role: `monitoringRoleArn` must be set when the interval is above 0. */
export const monitoringRoleFor = (intervalSeconds: number): Rule<string> => ({
  when: (arn) => intervalSeconds > 0 && arn === "",
  allowed: `must be a role ARN when monitoringIntervalSeconds is ${intervalSeconds} (enhanced monitoring publishes through it)`,
});

/**
 * `auto_minor_version_upgrade` under the engine-version policy (docs/versions.md):
 * off for a version config pins exactly, so AWS never moves a database past
 * its config and no plan tries to downgrade it; on for a series (MySQL 8.4,
 * Redis 7.1), where AWS moves only inside the series and the provider shows
 * the series unchanged.
 */
export const autoMinorVersionUpgrade = (engine: Engine, version: string): boolean => !pinsExactly(engine, version);
