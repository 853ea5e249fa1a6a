import type { Environment } from "../../presets";
import type { FunctionsInput } from "../types";

/**
 * Host the receiver accepts webhooks for. The seed names no domain
 * ("Domain validation within the function code"): this is the chosen
 * value, which the edge layer's Cloudflare record must match.
 */
export const webhookHost = (env: Environment): string => (env === "prod" ? "hooks.webhooks-pipeline.com" : `hooks.${env}.webhooks-pipeline.com`);

/**
 * The seed's "Webservice Lambda + HTTPS Function Endpoint": the receiver,
 * behind Cloudflare with a function URL (auth NONE). Its code checks the
 * Host against the allowed domain and the edge's shared-secret header
 * against the generated secret, then publishes to RabbitMQ on 5671 from
 * the receiver workload, with the broker's application credentials. The
 * seed gives no size: 512 MB on arm64, 30 s (a webhook sender waits on
 * the response), concurrency capped in prod so a flood cannot drain the
 * account's pool.
 */
export function functions(env: Environment): FunctionsInput {
  return {
    secrets: [{
      id: "EdgeSecret", name: "webhooks/edge-shared-secret", generated: true,
      description: "Value Cloudflare injects in the edge-secret header; the receiver refuses requests without it",
    }],
    functions: [{
      name: "WebhookReceiver", description: "Webhook receiver behind Cloudflare; validates and forwards to RabbitMQ",
      runtime: "nodejs22.x", architecture: "arm64", memoryMb: 512, timeoutSeconds: 30,
      reservedConcurrency: env === "prod" ? 100 : undefined,
      workload: "receiver", alias: "live",
      access: { brokerCredentials: true },
      url: { allowedDomain: webhookHost(env), edgeSecretHeader: "X-Edge-Secret", edgeSecret: "EdgeSecret" },
    }],
  };
}
