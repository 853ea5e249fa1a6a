import type { Environment } from "../../presets";
import type { DataInput } from "../types";

/**
 * Data stores of the seed: Aurora PostgreSQL 16 main (database stackflow,
 * 5432, IAM auth, Multi-AZ) and 17 requirements, Neptune 1.4.7 serverless
 * 1-8 NCU with IAM auth on 8182, Redis cache.t4g.micro with TLS and auth
 * token, all under one multi-Region key. Dev runs the same shapes smaller.
 */
export function data(env: Environment): DataInput {
  const prod = env === "prod";
  return {
    kms: { multiRegion: true },
    aurora: [
      {
        id: "Main", identifier: `stackflow-main-${env}`, engineVersion: "16.11",
        instanceClass: prod ? "db.r7g.large" : "db.t4g.medium", databaseName: "stackflow", masterUsername: "stackflow_admin",
        consumers: ["app"], credentialsSecretName: "stackflow/aurora-db-credentials",
      },
      {
        id: "Requirements", identifier: `stackflow-req-${env}`, engineVersion: "17.7",
        instanceClass: prod ? "db.r7g.large" : "db.t4g.medium", databaseName: "requirements", masterUsername: "stackflow_admin",
        consumers: ["app"], credentialsSecretName: "stackflow/aurora-req-db-credentials",
      },
    ],
    neptune: [{
      id: "KnowledgeGraph", identifier: prod ? "stackflow-knowledge-graph" : "stackflow-knowledge-graph-dev",
      engineVersion: "1.4.7.1", minCapacity: 1, maxCapacity: prod ? 8 : 2, consumers: ["app"],
    }],
    redis: [{
      id: "Cache", replicationGroupId: `stackflow-redis-${env}`, engineVersion: "7.1", nodeType: "cache.t4g.micro",
      consumers: ["app"], authTokenSecretName: "stackflow/redis-auth-token",
    }],
  };
}
