import { z } from "zod";
import type { LayerContext } from "../context";
import { enumOf, intBetween, oneOf } from "../fields";
import { domainName, hostnameUnder } from "./edge-domains";

/**
 * Rate-limiting periods and mitigation timeouts (seconds) each Cloudflare
 * plan accepts (developers.cloudflare.com/waf/rate-limiting-rules, "Availability";
 * re-check when the plan changes): a value outside its plan's list fails at apply.
 */
export const CLOUDFLARE_RATE_LIMITS = {
  free: { periods: [10], timeouts: [10] },
  pro: { periods: [10, 60], timeouts: [10, 60, 3600] },
  business: { periods: [10, 60, 600], timeouts: [10, 60, 600, 3600, 86400] },
  enterprise: { periods: [10, 60, 120, 300, 600, 3600], timeouts: [10, 60, 120, 300, 600, 3600, 86400] },
} as const;

/** A Cloudflare plan of {@link CLOUDFLARE_RATE_LIMITS}. */
export type CloudflarePlan = keyof typeof CLOUDFLARE_RATE_LIMITS;

const PLANS = Object.keys(CLOUDFLARE_RATE_LIMITS) as [CloudflarePlan, ...CloudflarePlan[]];

/** A 32-hex-digit Cloudflare id (zone or account). */
const cloudflareId = z.string().regex(/^[0-9a-f]{32}$/, { error: "must be a Cloudflare id: 32 lowercase hexadecimal digits" });

/** HTTP methods the public endpoint answers; everything else is blocked by a WAF custom rule. */
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** The `edge.cloudflare` section: a zone and the public endpoint Cloudflare proxies (webhooks, seed 001). */
export const cloudflareSchema = z.strictObject({
  /**
   * The zone: an existing one referenced by `zoneId`, or created in
   * `accountId` (@default the `cloudflare_account_id` Terraform variable, which
   * the delivery workflow sets as `TF_VAR_cloudflare_account_id`).
   */
  zone: z.union([
    z.strictObject({ name: domainName, zoneId: cloudflareId }),
    z.strictObject({ name: domainName, accountId: cloudflareId.optional() }),
  ], { error: "must be {name, zoneId} (an existing zone) or {name, accountId?} (create the zone)" }),
  /** The zone's plan: it bounds the rate-limiting periods and whether the Cloudflare Managed Ruleset is available. @default "free" */
  plan: enumOf(PLANS).default("free"),
  /** Host name of the public endpoint, in the zone. */
  endpoint: z.string(),
  /** Methods the endpoint accepts (a webhook receiver: POST). @default ["POST"] */
  allowedMethods: z.array(enumOf(HTTP_METHODS)).min(1).default(["POST"]),
  /** Rate limit per client IP and Cloudflare data center. The seed gives no numbers: 100 requests per 10 s, blocked 10 s. */
  rateLimit: z.strictObject({
    requestsPerPeriod: intBetween(1, 1_000_000, "requests").default(100),
    periodSeconds: z.number().default(10),
    mitigationTimeoutSeconds: z.number().default(10),
  }).default({ requestsPerPeriod: 100, periodSeconds: 10, mitigationTimeoutSeconds: 10 }),
  /**
   * Name of the function of `compute.functions` whose URL is the origin. Its
   * `url` settings are the one source of the endpoint's checks: the record
   * and Host header point at its URL, and the header Cloudflare adds is its
   * `edgeSecretHeader` with the value of its `edgeSecret`.
   */
  origin: z.string(),
});

/** The Cloudflare managed rulesets a plan may execute (the Free Managed Ruleset runs on every zone without a rule). */
export const CLOUDFLARE_MANAGED_RULESET = "efb7b8c949ac4650a09736fc376e9aee";

/** Resolved Cloudflare settings. */
export interface CloudflareSettings {
  readonly zone: { readonly name: string; readonly accountId?: string; readonly zoneId?: string };
  readonly plan: CloudflarePlan;
  readonly endpoint: string;
  readonly allowedMethods: readonly string[];
  readonly rateLimit: { readonly requestsPerPeriod: number; readonly periodSeconds: number; readonly mitigationTimeoutSeconds: number };
  /** The Cloudflare Managed Ruleset is executed (Pro plan and above). */
  readonly managedRuleset: boolean;
  /** The origin function, the header it checks and the compute secret (`compute.secrets` id) holding the value. */
  readonly origin: { readonly function: string; readonly header: string; readonly secret: string };
}

/** Checks the plan's rate-limiting ranges and the endpoint's zone. */
export function resolveCloudflare(c: z.output<typeof cloudflareSchema>, ctx: LayerContext): CloudflareSettings {
  const field = (key: string) => `edge.cloudflare.${key}`;
  const limits = CLOUDFLARE_RATE_LIMITS[c.plan];
  if (!(limits.periods as readonly number[]).includes(c.rateLimit.periodSeconds)) {
    ctx.problem(field("rateLimit.periodSeconds"), c.rateLimit.periodSeconds, `${oneOf(limits.periods)} (seconds, on the ${c.plan} plan)`);
  }
  if (!(limits.timeouts as readonly number[]).includes(c.rateLimit.mitigationTimeoutSeconds)) {
    ctx.problem(field("rateLimit.mitigationTimeoutSeconds"), c.rateLimit.mitigationTimeoutSeconds, `${oneOf(limits.timeouts)} (seconds, on the ${c.plan} plan)`);
  }
  const inZone = hostnameUnder(c.endpoint, c.zone.name, field("endpoint"), ctx);
  const functions = ctx.settingsOf("compute")?.functions ?? [];
  const url = functions.find((f) => f.name === c.origin)?.url;
  if (!url) {
    const withUrl = functions.filter((f) => f.url).map((f) => f.name);
    ctx.problem(field("origin"), c.origin, `must name a function of compute.functions with a url (${withUrl.join(", ") || "none declared"})`);
  } else if (inZone && url.allowedDomain !== c.endpoint) {
    ctx.problem(field("endpoint"), c.endpoint, `must be ${url.allowedDomain}, the only host ${c.origin} accepts (its url.allowedDomain)`);
  }
  return {
    zone: c.zone, plan: c.plan, endpoint: c.endpoint, allowedMethods: c.allowedMethods, rateLimit: c.rateLimit,
    managedRuleset: c.plan !== "free", origin: { function: c.origin, header: url?.edgeSecretHeader ?? "", secret: url?.edgeSecret ?? "" },
  };
}
