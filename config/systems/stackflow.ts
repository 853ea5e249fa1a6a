import type { DataInput } from "../data-schema";
import type { Environment } from "../presets";
import type { DeploymentInput } from "../schema";

/**
 * StackFlow ITSM (seed 000): API Gateway -> Lambda in VPC, Aurora, Neptune,
 * Redis, SQS FIFO. Production runs in account 373544523367, us-east-1, with
 * subnets in us-east-1a and us-east-1b. Lambdas reach AWS APIs through
 * interface endpoints (the seed: "without internet exposure"); the NAT is for
 * external APIs only. Bedrock is called by StackFlowCacheWarmer.
 */
const endpoints = ["secretsmanager", "kms", "sqs", "logs", "sts", "bedrock-runtime"] as const;

/** The seed's "StackFlow application tier SG": every VPC-attached Lambda. */
const workloads = [{ name: "app", description: "StackFlow Lambda functions in the VPC (application tier)" }];

/**
 * Data stores of the seed: Aurora PostgreSQL 16 main (database stackflow,
 * 5432, IAM auth, Multi-AZ) and 17 requirements, Neptune 1.4.7 serverless
 * 1-8 NCU with IAM auth on 8182, Redis cache.t4g.micro with TLS and auth
 * token, all under one multi-Region key. Dev runs the same shapes smaller.
 */
function data(env: Environment): DataInput {
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

export const stackflow: readonly DeploymentInput[] = [
  {
    system: "stackflow",
    environment: "prod",
    region: "us-east-1",
    account: { name: "stackflow-prod", id: "373544523367" },
    network: { cidr: "10.10.0.0/16", azCount: 2, interfaceEndpoints: [...endpoints], workloads },
    data: data("prod"),
  },
  {
    system: "stackflow",
    environment: "dev",
    region: "us-east-1",
    account: { name: "stackflow-dev" },
    network: { cidr: "10.11.0.0/20", interfaceEndpoints: [...endpoints], workloads },
    data: data("dev"),
  },
];
