import type { Environment } from "../../presets";
import type { FunctionsInput } from "../types";
import { EDGE_SECRET_HEADER, webhookHost } from "./endpoint";

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
      // "Domain validation within the function code": the Host and header the edge's Cloudflare rules send (./endpoint.ts).
      url: { allowedDomain: webhookHost(env), edgeSecretHeader: EDGE_SECRET_HEADER, edgeSecret: "EdgeSecret" },
    }],
  };
}
