import type { DeploymentInput } from "../types";
import { data } from "./data";
import { edge } from "./edge";
import { messaging } from "./messaging";
import { network } from "./network";

/**
 * Webhook pipeline (seed 001): Cloudflare -> Lambda function URL -> RabbitMQ
 * on EC2 -> ECS processors -> RDS MySQL + Redis, all in one region.
 * One line per deployment; each layer's values live in this folder's
 * `<layer>.ts`.
 */
export const webhooks: readonly DeploymentInput[] = [
  { system: "webhooks", environment: "prod", region: "eu-central-1", account: "webhooks-prod", network: network("prod"), data: data("prod"), messaging: messaging("prod"), edge: edge("prod") },
  { system: "webhooks", environment: "dev", region: "eu-central-1", account: "webhooks-dev", network: network("dev"), data: data("dev"), messaging: messaging("dev"), edge: edge("dev") },
];
