import type { DataInput } from "../data-schema";
import type { Environment } from "../presets";
import type { DeploymentInput } from "../schema";

/**
 * Webhook pipeline (seed 001): Cloudflare -> Lambda function URL -> RabbitMQ
 * on EC2 -> ECS processors -> RDS MySQL + Redis, all in one region. The seed
 * routes outbound traffic through a NAT gateway, so no interface endpoints
 * beyond CloudWatch Logs (kept off the NAT bill for the chattiest service).
 */
const workloads = [
  { name: "receiver", description: "Webhook receiver Lambda (function URL), publishes to RabbitMQ" },
  { name: "broker", description: "Self-hosted RabbitMQ on EC2, internal only", ingressFrom: [{ workload: "receiver", port: 5671 }, { workload: "processor", port: 5671 }] },
  { name: "processor", description: "ECS request processors consuming from RabbitMQ" },
];

/** MySQL (the seed allows MySQL or MariaDB: `engine` picks) and Redis for caching and transaction locks. */
function data(env: Environment): DataInput {
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

export const webhooks: readonly DeploymentInput[] = [
  {
    system: "webhooks",
    environment: "prod",
    region: "eu-central-1",
    account: { name: "webhooks-prod" },
    network: { cidr: "10.20.0.0/16", interfaceEndpoints: ["logs"], workloads },
    data: data("prod"),
  },
  {
    system: "webhooks",
    environment: "dev",
    region: "eu-central-1",
    account: { name: "webhooks-dev" },
    network: { cidr: "10.21.0.0/20", interfaceEndpoints: ["logs"], workloads },
    data: data("dev"),
  },
];
