import type { StackContext } from "../../engine/stack-context";
import type { ResourceView } from "../../engine/types";
import { blocks, flag, list, literal, num } from "../../engine/values";

/** Sources meaning "anywhere on the internet". */
export const WORLD = ["0.0.0.0/0", "::/0"];

/** One ingress permission, whichever of the four Terraform shapes declared it. */
export interface Ingress {
  /** `tcp`, `udp`, `icmp`, or `all` for `-1`. */
  readonly protocol: string;
  readonly fromPort: number;
  readonly toPort: number;
  /** Literal CIDR sources (IPv4 and IPv6). */
  readonly cidrs: readonly string[];
  readonly description: unknown;
  /** Where it is declared, e.g. `ingress[0]` of a group, or the rule resource itself. */
  readonly label: string;
  /** The security group it opens (resource in this stack), when known. */
  readonly group: ResourceView | undefined;
}

const PROTOCOLS: Record<string, string> = { "-1": "all", all: "all", "6": "tcp", "17": "udp", "1": "icmp" };

/** Ingress permissions of a security group or security group rule resource. */
export function ingressOf(resource: ResourceView, stack: StackContext): Ingress[] {
  const a = resource.attributes;
  const protocolOf = (value: unknown) => PROTOCOLS[String(value).toLowerCase()] ?? String(value).toLowerCase();
  const port = (value: unknown, fallback: number) => { const n = num(value); return typeof n === "number" ? n : fallback; };
  const cidrs = (...values: unknown[]) => values.flatMap((v) => { const l = list(v); return l === "unknown" ? [] : l.map(String); });
  switch (resource.type) {
    case "aws_security_group":
    case "aws_default_security_group":
      return blocks(a.ingress).map((rule, index) => {
        const protocol = protocolOf(rule.protocol);
        return {
          protocol, fromPort: protocol === "all" ? 0 : port(rule.from_port, 0), toPort: protocol === "all" ? 65535 : port(rule.to_port, 65535),
          cidrs: cidrs(rule.cidr_blocks, rule.ipv6_cidr_blocks), description: rule.description,
          label: `ingress[${index}]`, group: resource,
        };
      });
    case "aws_security_group_rule":
      if (a.type !== "ingress") return [];
      return [ruleIngress(resource, stack, protocolOf(a.protocol), a, cidrs(a.cidr_blocks, a.ipv6_cidr_blocks), port)];
    case "aws_vpc_security_group_ingress_rule":
      return [ruleIngress(resource, stack, protocolOf(a.ip_protocol), a, cidrs(a.cidr_ipv4, a.cidr_ipv6), port)];
    default:
      return [];
  }
}

function ruleIngress(resource: ResourceView, stack: StackContext, protocol: string, a: Readonly<Record<string, unknown>>,
  sources: string[], port: (value: unknown, fallback: number) => number): Ingress {
  return {
    protocol, fromPort: protocol === "all" ? 0 : port(a.from_port, 0), toPort: protocol === "all" ? 65535 : port(a.to_port, 65535),
    cidrs: sources, description: a.description, label: resource.address,
    group: stack.referencedBy(a.security_group_id).find((r) => r.type === "aws_security_group"),
  };
}

/** True when the permission admits `port` over TCP (or every protocol). */
export const coversTcpPort = (i: Ingress, port: number): boolean =>
  (i.protocol === "all" || i.protocol === "tcp") && i.fromPort <= port && port <= i.toPort;

/** True when the permission is open to the whole internet. */
export const fromWorld = (i: Ingress): boolean => i.cidrs.some((c) => WORLD.includes(c));

/** Internet-facing load balancers of the stack that use `group`. */
export function internetFacingLoadBalancers(group: ResourceView, stack: StackContext): ResourceView[] {
  return [...stack.resources("aws_lb"), ...stack.resources("aws_alb")].filter((lb) =>
    flag(lb.attributes.internal) !== true && stack.referencedBy(lb.attributes.security_groups).some((r) => r.address === group.address));
}

/** A literal description, if any. */
export const descriptionOf = (value: unknown): string | undefined => literal(value)?.trim() || undefined;
