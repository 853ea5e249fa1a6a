import type { DeploymentInput } from "../types";
import { containers } from "./containers";
import { data } from "./data";
import { network } from "./network";

/**
 * AxonFlow (seed 002): internal ALB -> ECS Fargate agent (8080) ->
 * orchestrator (8081) -> RDS PostgreSQL.
 * One line per deployment; each layer's values live in this folder's
 * `<layer>.ts`.
 */
export const axonflow: readonly DeploymentInput[] = [
  { system: "axonflow", environment: "prod", region: "us-east-1", account: "axonflow-prod", network: network("prod"), data: data("prod"), compute: containers("prod") },
  { system: "axonflow", environment: "dev", region: "us-east-1", account: "axonflow-dev", network: network("dev"), data: data("dev"), compute: containers("dev") },
];
