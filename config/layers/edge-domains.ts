import { z } from "zod";
import type { LayerContext } from "../context";

/** A DNS name: dot-separated labels of letters, digits and inner hyphens (up to 63 each), at most 253 characters, lowercase. */
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** What {@link domainName} accepts, in words. */
export const DOMAIN_RULE = "must be a lowercase domain name: dot-separated labels of letters, digits and inner hyphens (up to 63 characters each), at most 253 characters";

/** A fully qualified lowercase domain name. */
export const domainName = z.string().regex(DOMAIN, { error: DOMAIN_RULE });

/** Reports `host` unless it is a valid name equal to `zone` or under it; returns whether it is. */
export function hostnameUnder(host: string, zone: string, field: string, ctx: LayerContext): boolean {
  if (!DOMAIN.test(host)) {
    ctx.problem(field, host, DOMAIN_RULE);
    return false;
  }
  if (host !== zone && !host.endsWith(`.${zone}`)) {
    ctx.problem(field, host, `must be ${zone} or a name under it (the zone the deployment answers for)`);
    return false;
  }
  return true;
}
