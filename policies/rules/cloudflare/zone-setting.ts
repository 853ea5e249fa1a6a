import { fail, pass, unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { isUnresolved, show } from "../../engine/values";

/**
 * A rule requiring a zone setting (Cloudflare provider v5 `cloudflare_zone_setting`,
 * `setting_id` + `value`) on every `cloudflare_zone` of the stack.
 */
function zoneSettingRule(id: string, description: string, why: string, settingId: string, accepted: readonly string[]): ResourceRule {
  return {
    id, scope: "resource", description, why, resourceTypes: ["cloudflare_zone"],
    check(zone, stack) {
      const setting = stack.referencing(zone, "cloudflare_zone_setting", "zone_id")
        .find((s) => s.attributes.setting_id === settingId);
      if (!setting) return fail(`no cloudflare_zone_setting "${settingId}" refers to this zone (the zone default applies)`);
      const value = setting.attributes.value;
      if (isUnresolved(value)) return unknown(`${settingId} is ${show(value)}`);
      return typeof value === "string" && accepted.includes(value) ? pass() : fail(`${settingId} is ${show(value)}; expected ${accepted.join(" or ")}`);
    },
  };
}

export const CloudflareStrictSsl = zoneSettingRule(
  "Cloudflare.StrictSsl",
  "Every cloudflare_zone sets ssl = strict (Full (strict): Cloudflare validates the origin certificate).",
  "Flexible or Full SSL lets anyone between Cloudflare and the origin read or alter traffic, since the origin's certificate is never checked.",
  "ssl", ["strict"],
);

export const CloudflareMinTls12 = zoneSettingRule(
  "Cloudflare.MinTls12",
  "Every cloudflare_zone sets min_tls_version to 1.2 or 1.3.",
  "TLS 1.0 and 1.1 are deprecated (RFC 8996) and fail PCI DSS; clients still on them must not reach the API.",
  "min_tls_version", ["1.2", "1.3"],
);

export const CloudflareAlwaysHttps = zoneSettingRule(
  "Cloudflare.AlwaysHttps",
  "Every cloudflare_zone sets always_use_https = on.",
  "Plain-HTTP requests otherwise reach the proxy and are answered in clear text, cookies and tokens included.",
  "always_use_https", ["on"],
);

export const CloudflareTls13 = zoneSettingRule(
  "Cloudflare.Tls13",
  "Every cloudflare_zone sets tls_1_3 = on (or zrt, TLS 1.3 with 0-RTT).",
  "Without TLS 1.3 every client negotiates 1.2 at best: an extra round trip per handshake and no forward secrecy by construction.",
  "tls_1_3", ["on", "zrt"],
);
