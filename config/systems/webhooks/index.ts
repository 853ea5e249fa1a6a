import type { DeploymentInput } from "../types";
import { containers } from "./containers";
import { data } from "./data";
import { functions } from "./functions";
import { edge } from "./edge";
import { messaging } from "./messaging";
import { network } from "./network";
import { observability } from "./observability";

/**
 * Webhook pipeline (seed 001): Cloudflare -> Lambda function URL -> RabbitMQ
 * on EC2 -> ECS processors -> RDS MySQL + Redis, all in one region.
 * One line per deployment; each layer's values live in this folder's
 * `<layer>.ts`.
 */
export const webhooks: readonly DeploymentInput[] = [
  { system: "webhooks", environment: "prod", region: "eu-central-1", account: "webhooks-prod", network: network("prod"), data: data("prod"), messaging: messaging("prod"), compute: { ...functions("prod"), ...containers("prod") }, edge: edge("prod"), observability: observability("prod") },
  { system: "webhooks", environment: "dev", region: "eu-central-1", account: "webhooks-dev", network: network("dev"), data: data("dev"), messaging: messaging("dev"), compute: { ...functions("dev"), ...containers("dev") }, edge: edge("dev"), observability: observability("dev") },
];
