import { describe, expect, it } from "vitest";
import { byAttr, onlyRef, resources, stack, upstreamEntry } from "../support/synth";

const prod = () => stack("webhooks-prod-edge");
const dev = () => stack("webhooks-dev-edge");
const ruleset = (s: ReturnType<typeof stack>, phase: string) => byAttr(s, "cloudflare_ruleset", "phase", phase);

describe("webhooks Cloudflare zone (seed 001, v5 schema)", () => {
  it("creates the zone in the account the workflow names and sets SSL strict, TLS 1.2 minimum, TLS 1.3 and always HTTPS", () => {
    const zone = Object.values(resources(prod(), "cloudflare_zone"))[0];
    expect(zone).toMatchObject({ name: "webhooks-relay.com", type: "full", account: { id: "${var.cloudflare_account_id}" }, lifecycle: { prevent_destroy: true } });
    const settings = Object.values(resources(prod(), "cloudflare_zone_setting")).map((x) => [x.setting_id, x.value, x.zone_id]).sort();
    const zoneId = onlyRef(prod(), "cloudflare_zone", "id");
    expect(settings).toEqual([["always_use_https", "on", zoneId], ["min_tls_version", "1.2", zoneId], ["ssl", "strict", zoneId], ["tls_1_3", "on", zoneId]]);
  });

  it("blocks every method but POST, runs the managed ruleset on Pro, and limits 600 requests a minute per IP and data center", () => {
    expect(ruleset(prod(), "http_request_firewall_custom").rules).toEqual([{
      ref: "block_other_methods", description: "Only POST reach hooks.webhooks-relay.com", action: "block",
      expression: 'http.host eq "hooks.webhooks-relay.com" and not http.request.method in {"POST"}',
    }]);
    expect(ruleset(prod(), "http_request_firewall_managed").rules).toMatchObject([{ action: "execute", expression: "true", action_parameters: { id: "efb7b8c949ac4650a09736fc376e9aee" } }]);
    expect(ruleset(prod(), "http_ratelimit").rules).toMatchObject([{
      action: "block", expression: 'http.host eq "hooks.webhooks-relay.com"',
      ratelimit: { characteristics: ["cf.colo.id", "ip.src"], period: 60, requests_per_period: 600, mitigation_timeout: 60 },
    }]);
    expect(Object.values(resources(dev(), "cloudflare_ruleset")).map((r) => r.phase)).not.toContain("http_request_firewall_managed");
    expect(ruleset(dev(), "http_ratelimit").rules).toMatchObject([{ ratelimit: { period: 10, requests_per_period: 100, mitigation_timeout: 10 } }]);
  });

  it("adds the receiver's own secret as X-Origin-Verify late, read from compute's secret (no second secret), never a literal", () => {
    const header = ruleset(prod(), "http_request_late_transform").rules as Record<string, unknown>[];
    expect(header).toEqual([{
      ref: "origin_verify_header", description: "Adds X-Origin-Verify, which the origin checks", action: "rewrite", expression: 'http.host eq "hooks.webhooks-relay.com"',
      action_parameters: { headers: { "X-Origin-Verify": { operation: "set", value: "${jsondecode(data.aws_secretsmanager_secret_version.CloudflareOriginSecret.secret_string).value}" } } },
    }]);
    expect(prod().data!.aws_secretsmanager_secret_version.CloudflareOriginSecret.secret_id).toBe(upstreamEntry("webhooks-prod-compute", "function_secret_arns", "EdgeSecret"));
    expect(resources(prod(), "aws_secretsmanager_secret")).toEqual({});
    expect(resources(prod(), "random_password")).toEqual({});
    expect(prod().output!.origin_secret_arns.value).toEqual({ Cloudflare: upstreamEntry("webhooks-prod-compute", "function_secret_arns", "EdgeSecret") });
    expect(prod().output!.cloudflare_zone_id.value).toBe(onlyRef(prod(), "cloudflare_zone", "id"));
  });

  it("proxies hooks.webhooks-relay.com to the receiver's function URL host and rewrites the Host header to it (only the Host, not the SNI)", () => {
    const urlHost = upstreamEntry("webhooks-prod-compute", "function_url_hosts", "WebhookReceiver");
    expect(Object.values(resources(prod(), "cloudflare_dns_record"))).toEqual([expect.objectContaining({
      zone_id: onlyRef(prod(), "cloudflare_zone", "id"), name: "hooks.webhooks-relay.com", type: "CNAME", content: urlHost, proxied: true, ttl: 1,
    })]);
    expect(ruleset(prod(), "http_request_origin")).toMatchObject({ kind: "zone", zone_id: onlyRef(prod(), "cloudflare_zone", "id") });
    expect(ruleset(prod(), "http_request_origin").rules).toEqual([{
      ref: "origin_host_header", description: "Requests for hooks.webhooks-relay.com carry the origin's own Host",
      expression: 'http.host eq "hooks.webhooks-relay.com"', action: "route", action_parameters: { host_header: urlHost },
    }]);
  });
});

/** The two sides of the endpoint (issue 16 point 2): what Cloudflare sends is exactly what the receiver checks. */
describe.each(["prod", "dev"])("webhooks-%s endpoint: Cloudflare and the receiver agree", (env) => {
  const edge = () => stack(`webhooks-${env}-edge`);
  const compute = () => stack(`webhooks-${env}-compute`);
  const receiver = () => (byAttr(compute(), "aws_lambda_function", "function_name", "WebhookReceiver").environment as { variables: Record<string, string> }).variables;

  it("routes the one host the receiver accepts", () => {
    const host = receiver().ALLOWED_DOMAIN;
    expect(host).toBe(env === "prod" ? "hooks.webhooks-relay.com" : "hooks.webhooks-relay-dev.com");
    expect(Object.values(resources(edge(), "cloudflare_dns_record")).map((r) => r.name)).toEqual([host]);
    for (const r of Object.values(resources(edge(), "cloudflare_ruleset"))) {
      for (const rule of r.rules as { expression: string }[]) if (rule.expression !== "true") expect(rule.expression).toMatch(new RegExp(`^http\\.host eq "${host.replace(/\./g, "\\.")}"`));
    }
  });

  it("injects the header the receiver checks, with the value of the secret the receiver reads", () => {
    const headers = (ruleset(edge(), "http_request_late_transform").rules as { action_parameters: { headers: Record<string, unknown> } }[])[0].action_parameters.headers;
    expect(Object.keys(headers)).toEqual([receiver().EDGE_SECRET_HEADER]);
    // The receiver reads EDGE_SECRET_ARN; compute publishes that same secret as function_secret_arns.EdgeSecret, which the edge reads.
    expect(compute().output!.function_secret_arns.value).toMatchObject({ EdgeSecret: receiver().EDGE_SECRET_ARN });
    expect(edge().data!.aws_secretsmanager_secret_version.CloudflareOriginSecret.secret_id).toBe(upstreamEntry(`webhooks-${env}-compute`, "function_secret_arns", "EdgeSecret"));
  });

});
