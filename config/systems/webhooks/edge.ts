import type { Environment } from "../../presets";
import type { EdgeInput } from "../types";

/**
 * Cloudflare in front of the webhook receiver's function URL (seed 001):
 * the seed names no domain or thresholds, so these are choices. Production
 * is on the Pro plan (Cloudflare Managed Ruleset, 60 s rate windows): 600
 * requests a minute per client IP and data center, then blocked for a
 * minute; dev stays on Free (10 s windows only). The proxied record and the
 * origin rule need compute's function URL (docs/edge.md, Phase 2 wiring).
 */
export function edge(env: Environment): EdgeInput {
  const name = env === "prod" ? "webhooks-relay.com" : `webhooks-relay-${env}.com`;
  return {
    cloudflare: env === "prod"
      ? { zone: { name }, plan: "pro", endpoint: `hooks.${name}`, rateLimit: { requestsPerPeriod: 600, periodSeconds: 60, mitigationTimeoutSeconds: 60 } }
      : { zone: { name }, plan: "free", endpoint: `hooks.${name}`, rateLimit: { requestsPerPeriod: 100, periodSeconds: 10, mitigationTimeoutSeconds: 10 } },
  };
}
