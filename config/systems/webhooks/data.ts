import type { Environment } from "../../presets";
import type { DataInput } from "../types";

/** MySQL (the seed allows MySQL or MariaDB: `engine` picks) and Redis for caching and transaction locks. */
export function data(env: Environment): DataInput {
  const prod = env === "prod";
  return {
    rds: [{
      id: "Main", identifier: `webhooks-${env}-db`, engine: "mysql", engineVersion: "8.4",
      instanceClass: prod ? "db.m7g.large" : "db.t4g.medium", allocatedStorageGib: prod ? 100 : 20,
      databaseName: "webhooks", masterUsername: "webhooks_admin", consumers: ["processor"],
    }],
    redis: [{
      id: "Locks", replicationGroupId: `webhooks-redis-${env}`, engineVersion: "7.1",
      nodeType: prod ? "cache.t4g.medium" : "cache.t4g.micro", consumers: ["processor"],
    }],
  };
}
