import type { DeploymentInput } from "../schema";

/**
 * AxonFlow (seed 002): internal ALB -> ECS Fargate agent (8080) ->
 * orchestrator (8081) -> RDS PostgreSQL, in private subnets of two AZs
 * ("AZ1, AZ2"). Fargate pulls images and secrets through endpoints so the
 * task path does not depend on the NAT gateway the seed lists as optional.
 */
const endpoints = ["ecr.api", "ecr.dkr", "logs", "secretsmanager"] as const;

export const axonflow: readonly DeploymentInput[] = [
  {
    system: "axonflow",
    environment: "prod",
    region: "us-east-1",
    account: { name: "axonflow-prod" },
    network: { cidr: "10.30.0.0/16", azCount: 2, interfaceEndpoints: [...endpoints] },
  },
  {
    system: "axonflow",
    environment: "dev",
    region: "us-east-1",
    account: { name: "axonflow-dev" },
    network: { cidr: "10.31.0.0/20", interfaceEndpoints: [...endpoints] },
  },
];
