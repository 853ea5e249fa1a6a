import type { Environment } from "../../presets";
import type { EdgeInput } from "../types";
import { webhookHost, webhookZone } from "./endpoint";

/**
 * Cloudflare in front of the webhook receiver's function URL (seed 001):
 * the seed names no domain or thresholds, so these are choices. Production
 * is on the Pro plan (Cloudflare Managed Ruleset, 60 s rate windows): 600
 * requests a minute per client IP and data center, then blocked for a
 * minute; dev stays on Free (10 s windows only). The endpoint is the
 * WebhookReceiver's function URL: the record, Host header and secret header
 * follow its `url` settings (./endpoint.ts, ./functions.ts).
 */
export function edge(env: Environment): EdgeInput {
  const endpoint = { zone: { name: webhookZone(env) }, endpoint: webhookHost(env), origin: "WebhookReceiver" };
  return {
    cloudflare: env === "prod"
      ? { ...endpoint, plan: "pro", rateLimit: { requestsPerPeriod: 600, periodSeconds: 60, mitigationTimeoutSeconds: 60 } }
      : { ...endpoint, plan: "free", rateLimit: { requestsPerPeriod: 100, periodSeconds: 10, mitigationTimeoutSeconds: 10 } },
  };
}
