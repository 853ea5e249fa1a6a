import type { DataInput } from "../data-schema";
import type { Environment } from "../presets";
import type { DeploymentInput } from "../schema";

/**
 * AxonFlow (seed 002): internal ALB -> ECS Fargate agent (8080) ->
 * orchestrator (8081) -> RDS PostgreSQL, in private subnets of two AZs
 * ("AZ1, AZ2"). Fargate pulls images and secrets through endpoints so the
 * task path does not depend on the NAT gateway the seed lists as optional.
 */
const endpoints = ["ecr.api", "ecr.dkr", "logs", "secretsmanager"] as const;

/** The seed's security-group chain: ALB -> agent on 8080 -> orchestrator on 8081. */
const workloads = [
  { name: "alb", description: "Internal application load balancer in front of the agent" },
  { name: "agent", description: "AxonFlow agent ECS tasks", ingressFrom: [{ workload: "alb", port: 8080 }] },
  { name: "orchestrator", description: "AxonFlow orchestrator ECS tasks", ingressFrom: [{ workload: "agent", port: 8081 }] },
];

/**
 * RDS PostgreSQL per the seed: db.t3.medium, 100 GB gp3 at its 3000 IOPS /
 * 125 MB/s baseline, Multi-AZ, 7-day backups 03:00-04:00 UTC, maintenance
 * Sunday 04:00-05:00 UTC, enhanced monitoring every 60 s, Performance
 * Insights 7 days, master user and database "axonflow". The seed's 15.4 is
 * no longer offered for new instances: 15.15 (docs/versions.md).
 */
function data(env: Environment): DataInput {
  const prod = env === "prod";
  return {
    rds: [{
      id: "Main", identifier: `axonflow-${env}-db`, engine: "postgres", engineVersion: "15.15",
      instanceClass: "db.t3.medium", allocatedStorageGib: prod ? 100 : 20, iops: 3000, throughputMibps: 125,
      databaseName: "axonflow", masterUsername: "axonflow", port: 5432,
      backupRetentionDays: 7, backupWindow: "03:00-04:00", maintenanceWindow: "sun:04:00-sun:05:00",
      monitoringIntervalSeconds: 60, performanceInsightsRetentionDays: 7,
      consumers: ["agent", "orchestrator"],
    }],
  };
}

export const axonflow: readonly DeploymentInput[] = [
  {
    system: "axonflow",
    environment: "prod",
    region: "us-east-1",
    account: { name: "axonflow-prod" },
    network: { cidr: "10.30.0.0/16", azCount: 2, interfaceEndpoints: [...endpoints], workloads },
    data: data("prod"),
  },
  {
    system: "axonflow",
    environment: "dev",
    region: "us-east-1",
    account: { name: "axonflow-dev" },
    network: { cidr: "10.31.0.0/20", interfaceEndpoints: [...endpoints], workloads },
    data: data("dev"),
  },
];
