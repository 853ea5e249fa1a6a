import type { Environment } from "../../presets";

/**
 * The public webhook endpoint, one source for both sides of it: the edge's
 * Cloudflare zone, record and secret-header rule, and the receiver's Host
 * and header checks (compute). The seed names no domain; the zone is a
 * choice to delegate from the registrar before the first apply.
 */
export const webhookZone = (env: Environment): string => (env === "prod" ? "webhooks-relay.com" : `webhooks-relay-${env}.com`);

/** Host senders post to: Cloudflare's proxied record, and the only Host the receiver accepts. */
export const webhookHost = (env: Environment): string => `hooks.${webhookZone(env)}`;

/** Header Cloudflare sets with the shared secret, and the receiver refuses requests without. */
export const EDGE_SECRET_HEADER = "X-Origin-Verify";
