/**
 * The AWS names a data store derives from its identifier, in one place: the
 * data modules create them and the data layer's resolver registers them in
 * the name registry (config/names.ts), so the two cannot drift apart.
 */

/** Subnet group, parameter group, security group and final snapshot of a store. */
export function storeNames(identifier: string) {
  return {
    subnetGroup: `${identifier}-subnets`,
    parameterGroup: `${identifier}-params`,
    securityGroup: `${identifier}-sg`,
    finalSnapshot: `${identifier}-final`,
  };
}

/** The logs each engine exports to CloudWatch. */
export const EXPORTED_LOGS = {
  "aurora-postgresql": ["postgresql"],
  postgres: ["postgresql", "upgrade"],
  mysql: ["error", "slowquery"],
  mariadb: ["error", "slowquery"],
  neptune: ["audit", "slowquery"],
} as const;

/** Where each kind of store exports its logs: the log group prefix RDS, Neptune and ElastiCache write under. */
export const logGroupPrefix = {
  auroraCluster: (identifier: string) => `/aws/rds/cluster/${identifier}`,
  rdsInstance: (identifier: string) => `/aws/rds/instance/${identifier}`,
  neptuneCluster: (identifier: string) => `/aws/neptune/${identifier}`,
  redisSlowLog: (replicationGroupId: string) => `/elasticache/${replicationGroupId}/slow-log`,
};
