import type { NetworkInput } from "../types";

/**
 * Private subnets of two AZs ("AZ1, AZ2") in production. Fargate pulls
 * images and secrets through endpoints so the task path does not depend on
 * the NAT gateway the seed lists as optional. Workloads follow the seed's
 * security-group chain: ALB -> agent on 8080 -> orchestrator on 8081.
 */
export function network(env: "prod" | "dev"): NetworkInput {
  return {
    cidr: env === "prod" ? "10.30.0.0/16" : "10.31.0.0/20",
    azCount: env === "prod" ? 2 : undefined,
    interfaceEndpoints: ["ecr.api", "ecr.dkr", "logs", "secretsmanager"],
    workloads: [
      { name: "alb", description: "Internal application load balancer in front of the agent" },
      { name: "agent", description: "AxonFlow agent ECS tasks", ingressFrom: [{ workload: "alb", port: 8080 }] },
      { name: "orchestrator", description: "AxonFlow orchestrator ECS tasks", ingressFrom: [{ workload: "agent", port: 8081 }] },
    ],
  };
}
