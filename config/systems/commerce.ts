import type { DataInput } from "../data-schema";
import type { Environment } from "../presets";
import type { DeploymentInput } from "../schema";

/**
 * E-commerce platform (seed 004): 3-AZ VPC 10.0.0.0/16 in production with a
 * NAT gateway per AZ ("no cross-AZ NAT traffic during an AZ failure"), EKS
 * nodes in private subnets, Aurora and Redis in database subnets with no
 * internet route. The seed keeps dev and staging in one account
 * (AWS_ACCOUNT_ID) and prod in another (AWS_ACCOUNT_PROD_ID).
 */
const endpoints = ["ecr.api", "ecr.dkr", "logs", "secretsmanager", "sts"] as const;

/** The seed: "security group allows only EKS node SG". */
const workloads = [{ name: "eks-nodes", description: "EKS managed node groups (API and web pods)" }];

/**
 * Aurora PostgreSQL 15 (writer plus a reader endpoint for catalog reads) and
 * Redis for sessions and catalog caching; dev is one small instance each,
 * production spreads a replica into every AZ.
 */
function data(env: Environment): DataInput {
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

export const commerce: readonly DeploymentInput[] = [
  {
    system: "commerce",
    environment: "prod",
    region: "us-west-2",
    account: { name: "commerce-prod" },
    network: { cidr: "10.0.0.0/16", interfaceEndpoints: [...endpoints], workloads },
    data: data("prod"),
  },
  {
    system: "commerce",
    environment: "staging",
    region: "us-west-2",
    account: { name: "commerce-nonprod" },
    network: { cidr: "10.1.0.0/16", interfaceEndpoints: [...endpoints], workloads },
    data: data("staging"),
  },
  {
    system: "commerce",
    environment: "dev",
    region: "us-west-2",
    account: { name: "commerce-nonprod" },
    network: { cidr: "10.2.0.0/20", interfaceEndpoints: [...endpoints], workloads },
    data: data("dev"),
  },
];
