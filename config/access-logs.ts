/**
 * Retention of S3 server access logs, per account: the access-log bucket is
 * shared by every deployment of an account and region, so the account's
 * environments decide, not a deployment's.
 */

import { ACCOUNTS } from "./accounts";

/** Days access-log objects are kept: a year where production runs or audit data lives, 90 days elsewhere. */
export const ACCESS_LOG_RETENTION_DAYS = { production: 365, nonProduction: 90 } as const;

/**
 * Retention for an account's access-log buckets. Accounts outside the
 * workload registry (config/accounts.ts) are the organization's own
 * (management, logs, monitoring) and keep the production retention.
 */
export function accessLogRetentionDays(account: string): number {
  const registered = ACCOUNTS.find((a) => a.name === account);
  return !registered || registered.environments.includes("prod") ? ACCESS_LOG_RETENTION_DAYS.production : ACCESS_LOG_RETENTION_DAYS.nonProduction;
}
