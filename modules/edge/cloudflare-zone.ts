import { Zone } from "@cdktf/provider-cloudflare/lib/zone";
import { ZoneSetting } from "@cdktf/provider-cloudflare/lib/zone-setting";
import { Construct } from "constructs";

/** Props of a Cloudflare zone. */
export interface CloudflareZoneProps {
  readonly name: string;
  /** An existing zone, referenced rather than created. */
  readonly zoneId?: string;
  /** Account to create the zone in (when `zoneId` is unset). */
  readonly accountId?: string;
  /** `prevent_destroy` on a created zone: deleting it drops every record and rule. */
  readonly protect: boolean;
}

/**
 * Settings every zone gets: Full (strict) SSL (Cloudflare validates the
 * origin's certificate), TLS 1.2 minimum and 1.3 on towards viewers, HTTP
 * redirected to HTTPS. `value` is dynamic in provider v5: a plain string
 * goes through the binding's map type with a cast (next-layers facts, A.0).
 */
export const ZONE_SETTINGS: Readonly<Record<string, string>> = {
  ssl: "strict",
  min_tls_version: "1.2",
  tls_1_3: "on",
  always_use_https: "on",
};

/** A Cloudflare zone (created in an account, or an existing one by id) with {@link ZONE_SETTINGS}. */
export class CloudflareZone extends Construct {
  readonly zoneId: string;

  constructor(scope: Construct, id: string, props: CloudflareZoneProps) {
    super(scope, id);
    this.zoneId = props.zoneId ?? new Zone(this, "Zone", {
      name: props.name, type: "full", account: { id: props.accountId! }, lifecycle: { preventDestroy: props.protect },
    }).id;
    for (const [settingId, value] of Object.entries(ZONE_SETTINGS)) {
      new ZoneSetting(this, settingId, { zoneId: this.zoneId, settingId, value: value as unknown as Record<string, unknown> });
    }
  }
}
