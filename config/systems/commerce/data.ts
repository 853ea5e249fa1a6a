import type { Environment } from "../../presets";
import type { DataInput } from "../types";

/**
 * Aurora PostgreSQL 15 (writer plus a reader endpoint for catalog reads) and
 * Redis for sessions and catalog caching; dev is one small instance each,
 * production spreads a replica into every AZ.
 */
export function data(env: Environment): DataInput {
  const size = { dev: { db: "db.t4g.medium", cache: "cache.t4g.micro", nodes: 1 }, staging: { db: "db.r7g.large", cache: "cache.t4g.medium", nodes: 2 }, prod: { db: "db.r7g.large", cache: "cache.r7g.large", nodes: 3 } }[env];
  return {
    aurora: [{
      id: "Main", identifier: `commerce-${env}-aurora`, engineVersion: "15.15", instanceClass: size.db,
      databaseName: "commerce", masterUsername: "commerce_admin", consumers: ["eks-nodes"],
    }],
    redis: [{
      id: "Sessions", replicationGroupId: `commerce-${env}-redis`, engineVersion: "7.1", nodeType: size.cache,
      nodes: size.nodes, consumers: ["eks-nodes"],
    }],
  };
}
