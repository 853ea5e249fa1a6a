import { Ruleset } from "@cdktf/provider-cloudflare/lib/ruleset";
import { Construct } from "constructs";
import { between, check, matches, validateProps } from "../validate";

/** The Cloudflare Managed Ruleset's id (executed on Pro plans and above). */
export const CLOUDFLARE_MANAGED_RULESET_ID = "efb7b8c949ac4650a09736fc376e9aee";

/** Props of an endpoint's Cloudflare protection. */
export interface CloudflareProtectionProps {
  readonly zoneId: string;
  /** Host name of the protected endpoint; every rule matches on it. */
  readonly hostname: string;
  /** Methods the endpoint answers; others are blocked. */
  readonly allowedMethods: readonly string[];
  readonly rateLimit: { readonly requestsPerPeriod: number; readonly periodSeconds: number; readonly mitigationTimeoutSeconds: number };
  /** Execute the Cloudflare Managed Ruleset (not on the Free plan). */
  readonly managedRuleset: boolean;
  /** Header Cloudflare adds towards the origin, with the secret value the origin checks. */
  readonly originHeader: { readonly name: string; readonly value: string };
}

/**
 * The zone's entry-point rulesets for one endpoint: WAF custom rules (only
 * the allowed methods reach it), the Cloudflare Managed Ruleset where the
 * plan has it, a rate limit per client IP and data center, and a late
 * transform adding the secret header the origin checks (set after every
 * other rule, so a client cannot supply it: `set` overwrites).
 */
export class CloudflareProtection extends Construct {
  constructor(scope: Construct, id: string, props: CloudflareProtectionProps) {
    super(scope, id);
    const r = props.rateLimit;
    validateProps(this, [
      check("rateLimit.requestsPerPeriod", r.requestsPerPeriod, between(1, 1_000_000, "Cloudflare requests per period")),
      check("originHeader.name", props.originHeader.name, matches(/^[A-Za-z0-9-]{1,64}$/, "must be an HTTP header name")),
    ]);
    const host = `http.host eq "${props.hostname}"`;
    const zone = { zoneId: props.zoneId, kind: "zone" };
    new Ruleset(this, "Firewall", {
      ...zone, name: "Custom WAF rules", phase: "http_request_firewall_custom",
      rules: [{
        ref: "block_other_methods", description: `Only ${props.allowedMethods.join(", ")} reach ${props.hostname}`,
        expression: `${host} and not http.request.method in {${props.allowedMethods.map((m) => `"${m}"`).join(" ")}}`,
        action: "block",
      }],
    });
    if (props.managedRuleset) {
      new Ruleset(this, "Managed", {
        ...zone, name: "Managed WAF rules", phase: "http_request_firewall_managed",
        rules: [{ ref: "cloudflare_managed", description: "Cloudflare Managed Ruleset", expression: "true", action: "execute", actionParameters: { id: CLOUDFLARE_MANAGED_RULESET_ID } }],
      });
    }
    new Ruleset(this, "RateLimit", {
      ...zone, name: "Rate limits", phase: "http_ratelimit",
      rules: [{
        ref: "rate_limit_per_ip", description: `${r.requestsPerPeriod} requests per ${r.periodSeconds} s per client IP`,
        expression: host, action: "block",
        ratelimit: { characteristics: ["cf.colo.id", "ip.src"], period: r.periodSeconds, requestsPerPeriod: r.requestsPerPeriod, mitigationTimeout: r.mitigationTimeoutSeconds },
      }],
    });
    new Ruleset(this, "OriginHeader", {
      ...zone, name: "Origin verification header", phase: "http_request_late_transform",
      rules: [{
        ref: "origin_verify_header", description: `Adds ${props.originHeader.name}, which the origin checks`,
        expression: host, action: "rewrite",
        actionParameters: { headers: { [props.originHeader.name]: { operation: "set", value: props.originHeader.value } } },
      }],
    });
  }
}
