import { fail, pass, skip, unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { isUnresolved, literal, show } from "../../engine/values";

/** Policy names offering only TLS 1.2 and later (TLS13-1-2*, TLS13-1-3*, TLS-1-2*, FS-1-2*). */
const TLS12_PLUS = /^ELBSecurityPolicy-(TLS13-1-[23]|TLS-1-2|FS-1-2)-/;

/** HTTPS and TLS listeners refuse TLS 1.0 and 1.1. */
export const ElbTlsPolicy: ResourceRule = {
  id: "ELB.TlsPolicy",
  scope: "resource",
  description: "HTTPS/TLS listeners set ssl_policy to a TLS 1.2+ policy (e.g. ELBSecurityPolicy-TLS13-1-2-2021-06); the default ELBSecurityPolicy-2016-08 still allows TLS 1.0.",
  why: "TLS 1.0/1.1 are deprecated (RFC 8996) with known weaknesses; PCI DSS and most customers' questionnaires forbid them.",
  resourceTypes: ["aws_lb_listener", "aws_alb_listener"],
  check(listener) {
    const protocol = literal(listener.attributes.protocol);
    if (protocol !== "HTTPS" && protocol !== "TLS") return skip(`${protocol ?? "unset"} listener has no TLS`);
    const policy = listener.attributes.ssl_policy;
    if (isUnresolved(policy)) return unknown(`ssl_policy is ${show(policy)}`);
    return typeof policy === "string" && TLS12_PLUS.test(policy) ? pass() : fail(`ssl_policy is ${show(policy ?? "ELBSecurityPolicy-2016-08 (default)")}`);
  },
};
