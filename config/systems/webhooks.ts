import type { DeploymentInput } from "../schema";

/**
 * Webhook pipeline (seed 001): Cloudflare -> Lambda function URL -> RabbitMQ
 * on EC2 -> ECS processors -> RDS MySQL + Redis, all in one region. The seed
 * routes outbound traffic through a NAT gateway, so no interface endpoints
 * beyond CloudWatch Logs (kept off the NAT bill for the chattiest service).
 */
export const webhooks: readonly DeploymentInput[] = [
  {
    system: "webhooks",
    environment: "prod",
    region: "eu-central-1",
    account: { name: "webhooks-prod" },
    network: { cidr: "10.20.0.0/16", interfaceEndpoints: ["logs"] },
  },
  {
    system: "webhooks",
    environment: "dev",
    region: "eu-central-1",
    account: { name: "webhooks-dev" },
    network: { cidr: "10.21.0.0/20", interfaceEndpoints: ["logs"] },
  },
];
