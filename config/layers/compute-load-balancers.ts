import { z } from "zod";
import { parseCidr } from "../../lib/cidr";
import type { LayerContext } from "../context";
import { constructId, intBetween, workloadName } from "../fields";

/** A domain name of dot-separated labels, lowercase. */
const domainName = z.string().regex(/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/, {
  error: "must be a lowercase domain name of dot-separated labels, at most 253 characters",
});

/**
 * Where the HTTPS listener's certificate comes from. A public ACM
 * certificate can only be validated for a domain in public DNS (ACM guide,
 * "domain-ownership-validation"): seed 002's `<stack>.<region>.axonflow.internal`
 * needs a private CA.
 * - `privateCa`: ACM issues a private certificate from AWS Private CA, no
 *   validation; `certificateAuthorityArn` names an existing CA, or the
 *   compute stack creates a root CA for the deployment.
 * - `publicDns`: a public certificate for a name under a public hosted zone,
 *   validated by DNS records in that zone.
 */
const certificateSchema = z.discriminatedUnion("source", [
  z.strictObject({
    source: z.literal("privateCa"),
    domainName,
    certificateAuthorityArn: z.string().regex(/^arn:aws[a-z-]*:acm-pca:[a-z0-9-]+:\d{12}:certificate-authority\/[0-9a-f-]{36}$/, {
      error: "must be an AWS Private CA ARN (arn:aws:acm-pca:<region>:<account>:certificate-authority/<id>)",
    }).optional(),
  }),
  z.strictObject({
    source: z.literal("publicDns"),
    domainName,
    hostedZoneId: z.string().regex(/^Z[A-Z0-9]{1,31}$/, { error: "must be a Route 53 hosted zone id (Z...)" }),
  }),
]);

/** An internal application load balancer in front of one service. */
export const loadBalancerSchema = z.strictObject({
  id: constructId,
  /** @default `<system>-<env>-alb` for the first balancer (seed 002's "axonflow-prod-alb"), else `<system>-<env>-<id in kebab case>-alb` */
  name: z.string().optional(),
  /** The network workload whose security group the balancer uses (its listener ports are opened here, see docs/containers.md). */
  workload: workloadName,
  /** The service (compute.ecs.services id) the balancer forwards to. */
  service: z.string(),
  certificate: certificateSchema,
  /**
   * Who may reach the listeners. The balancer is internal, so only the VPC
   * and its peers can route to it at all. @default the VPC's CIDR
   */
  ingressCidrs: z.array(z.string()).optional(),
  idleTimeoutSeconds: intBetween(1, 4000, "seconds").default(60),
  /** Connection draining. @default 300 */
  deregistrationDelaySeconds: intBetween(0, 3600, "seconds").default(300),
  /** @default false (seed 002: "can be enabled post-deployment") */
  deletionProtection: z.boolean().default(false),
  healthCheckPath: z.string().regex(/^\/[A-Za-z0-9._~/-]{0,1023}$/, { error: "must be an absolute URL path" }).default("/health"),
  healthCheckIntervalSeconds: intBetween(5, 300, "seconds").default(30),
});

/** A resolved load balancer. */
export interface LoadBalancerSettings {
  readonly id: string;
  readonly name: string;
  readonly targetGroupName: string;
  readonly workload: string;
  readonly service: string;
  readonly certificate: z.output<typeof certificateSchema>;
  /** Undefined: the VPC's CIDR. */
  readonly ingressCidrs?: readonly string[];
  readonly idleTimeoutSeconds: number;
  readonly deregistrationDelaySeconds: number;
  readonly deletionProtection: boolean;
  readonly healthCheckPath: string;
  readonly healthCheckIntervalSeconds: number;
  readonly accessLogsBucket: string;
  /** Name of the private CA the stack creates; undefined with an existing CA or a public certificate. */
  readonly privateCaName?: string;
}

const kebab = (id: string) => id.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();

/** Checks one load balancer and registers its names. */
export function resolveLoadBalancer(lb: z.output<typeof loadBalancerSchema>, i: number, ctx: LayerContext): LoadBalancerSettings {
  const d = ctx.deployment;
  const field = (key: string) => `compute.ecs.loadBalancers.${i}.${key}`;
  const base = i === 0 ? `${d.name}-alb` : `${d.name}-${kebab(lb.id)}-alb`;
  const name = ctx.name("load-balancer", lb.name ?? base, lb.name === undefined ? field("id") : field("name"), lb.name ?? lb.id);
  const targetGroupName = ctx.name("target-group", `${name}-tg`, lb.name === undefined ? field("id") : field("name"), lb.name ?? lb.id);
  const accessLogsBucket = ctx.name("s3-bucket", `${name}-access-logs`, lb.name === undefined ? field("id") : field("name"), lb.name ?? lb.id);
  ctx.use("workload", lb.workload, field("workload"));
  ctx.use("service", lb.service, field("service"));
  (lb.ingressCidrs ?? []).forEach((cidr, j) => {
    if (!parseCidr(cidr)) ctx.problem(field(`ingressCidrs.${j}`), cidr, "must be an IPv4 network in CIDR notation, e.g. 10.0.0.0/16");
    else if (cidr === "0.0.0.0/0") ctx.problem(field(`ingressCidrs.${j}`), cidr, "must not be the whole internet: the balancer is internal (omit ingressCidrs for the VPC's range)");
  });
  const privateCaName = lb.certificate.source === "privateCa" && !lb.certificate.certificateAuthorityArn ? `${name}-ca` : undefined;
  return {
    id: lb.id, name, targetGroupName, workload: lb.workload, service: lb.service, certificate: lb.certificate, ingressCidrs: lb.ingressCidrs,
    idleTimeoutSeconds: lb.idleTimeoutSeconds, deregistrationDelaySeconds: lb.deregistrationDelaySeconds, deletionProtection: lb.deletionProtection,
    healthCheckPath: lb.healthCheckPath, healthCheckIntervalSeconds: lb.healthCheckIntervalSeconds, accessLogsBucket, privateCaName,
  };
}
