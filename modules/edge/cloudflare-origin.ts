import { DnsRecord } from "@cdktf/provider-cloudflare/lib/dns-record";
import { Ruleset } from "@cdktf/provider-cloudflare/lib/ruleset";
import { Construct } from "constructs";

/** Props of the route from a Cloudflare hostname to an origin that routes on its own host name. */
export interface CloudflareOriginProps {
  readonly zoneId: string;
  /** Public host name (in the zone) viewers use. */
  readonly hostname: string;
  /** The origin's host (a Lambda function URL's `<id>.lambda-url.<region>.on.aws`): a contract value. */
  readonly originHost: string;
}

/**
 * A proxied CNAME from the public host name to the origin, and the origin
 * rule rewriting the Host header to the origin's own host: a function URL
 * answers 403 to any other Host (next-layers facts, B.8). Only the Host is
 * rewritten, not the SNI: Cloudflare sets the SNI to the new Host itself.
 */
export class CloudflareOrigin extends Construct {
  constructor(scope: Construct, id: string, props: CloudflareOriginProps) {
    super(scope, id);
    // Proxied records take the automatic TTL (1); the CNAME is flattened at Cloudflare and never answered to clients.
    new DnsRecord(this, "Record", {
      zoneId: props.zoneId, name: props.hostname, type: "CNAME", content: props.originHost, proxied: true, ttl: 1,
      comment: "Public endpoint, proxied to the origin's host",
    });
    new Ruleset(this, "OriginRule", {
      zoneId: props.zoneId, kind: "zone", name: "Origin rules", phase: "http_request_origin",
      rules: [{
        ref: "origin_host_header", description: `Requests for ${props.hostname} carry the origin's own Host`,
        expression: `http.host eq "${props.hostname}"`, action: "route",
        actionParameters: { hostHeader: props.originHost },
      }],
    });
  }
}
