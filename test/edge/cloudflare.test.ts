import { describe, expect, it } from "vitest";
import { byAttr, onlyRef, resources, stack } from "../support/synth";

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

  it("adds the secret X-Origin-Verify header late, from a generated secret the receiver reads by ARN", () => {
    expect(ruleset(prod(), "http_request_late_transform").rules).toMatchObject([{
      action: "rewrite", expression: 'http.host eq "hooks.webhooks-relay.com"',
      action_parameters: { headers: { "X-Origin-Verify": { operation: "set", value: onlyRef(prod(), "random_password", "result") } } },
    }]);
    expect(prod().output!.origin_secret_arns.value).toEqual({ Cloudflare: onlyRef(prod(), "aws_secretsmanager_secret", "arn") });
    expect(prod().output!.cloudflare_zone_id.value).toBe(onlyRef(prod(), "cloudflare_zone", "id"));
  });
});
