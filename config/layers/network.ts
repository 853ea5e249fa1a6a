import { z } from "zod";
import { isPrivate, parseCidr } from "../../lib/cidr";
import { MAX_VPC_PREFIX, MIN_VPC_PREFIX } from "../../lib/subnet-plan";
import { defineLayer } from "../context";
import { enumOf, intBetween, oneOf, port, workloadName } from "../fields";
import type { NatMode } from "../presets";
import { REGION_AZS } from "../regions";

/** AWS services the network layer can reach through interface endpoints. */
export const INTERFACE_ENDPOINT_SERVICES = [
  "bedrock-runtime", "ecr.api", "ecr.dkr", "ec2", "eks", "elasticloadbalancing", "events", "kms", "lambda",
  "logs", "monitoring", "secretsmanager", "sns", "sqs", "ssm", "ssmmessages", "ec2messages", "sts", "xray",
] as const;
export type InterfaceEndpointService = (typeof INTERFACE_ENDPOINT_SERVICES)[number];

const cidr = z.string().superRefine((text, ctx) => {
  const parsed = parseCidr(text);
  if (!parsed) {
    ctx.addIssue({ code: "custom", message: "must be an IPv4 network in CIDR notation, without host bits or leading zeros, e.g. 10.0.0.0/16" });
  } else if (parsed.prefix < MIN_VPC_PREFIX || parsed.prefix > MAX_VPC_PREFIX) {
    ctx.addIssue({ code: "custom", message: `prefix must be between /${MIN_VPC_PREFIX} and /${MAX_VPC_PREFIX} (three tiers need room for 3 AZs)` });
  } else if (!isPrivate(parsed)) {
    ctx.addIssue({ code: "custom", message: "must lie inside an RFC 1918 range (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16)" });
  }
});

/**
 * A workload's security group, owned by the network layer so that the data
 * layer (whose stores admit workloads) and the compute layer (which runs
 * them) both depend on network and never on each other.
 */
const workload = z.strictObject({
  name: workloadName,
  /** What runs behind the group; AWS's security-group text rules apply (it is written on the group). */
  description: z.string().regex(/^[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]{10,255}$/, {
    error: "must say what runs behind the group in 10-255 characters of a-z A-Z 0-9, spaces and ._-:/()#,@[]+=&;{}!$* (AWS's security-group text)",
  }),
  /** Other workloads allowed in, and on which port. @default none */
  ingressFrom: z.array(z.strictObject({ workload: workloadName, port: port() })).default([]),
});

/** The `network` section of a deployment. */
export const networkSchema = z.strictObject({
  cidr,
  /** Availability zones the VPC spans. @default the environment preset (dev 2, staging and prod 3) */
  azCount: intBetween(2, 3).optional(),
  /** NAT gateways. @default the environment preset (dev and staging single, prod perAz) */
  nat: enumOf(["none", "single", "perAz"]).optional(),
  interfaceEndpoints: z.array(z.enum(INTERFACE_ENDPOINT_SERVICES, { error: oneOf(INTERFACE_ENDPOINT_SERVICES) })).default([]),
  workloads: z.array(workload).default([]),
});

/** A workload's security group and who may reach it. */
export interface WorkloadSettings {
  readonly name: string;
  readonly description: string;
  readonly ingressFrom: readonly { readonly workload: string; readonly port: number }[];
}

/** Resolved network settings of a deployment. */
export interface NetworkSettings {
  readonly cidr: string;
  /** Availability zone names, in subnet order. */
  readonly azs: readonly string[];
  readonly nat: NatMode;
  readonly interfaceEndpoints: readonly InterfaceEndpointService[];
  readonly workloads: readonly WorkloadSettings[];
}

/**
 * Network layer: applies the AZ and NAT presets, defines the workloads
 * (reference kind `workload`) and checks their ingress references, and
 * registers the names the network stack creates.
 */
export const networkLayer = defineLayer({
  layer: "network",
  schema: networkSchema,
  resolve(n, ctx): NetworkSettings {
    const d = ctx.deployment;
    n.workloads.forEach((w, i) => {
      ctx.define("workload", w.name, `network.workloads.${i}.name`);
      ctx.name("security-group", `${d.name}-${w.name}`, `network.workloads.${i}.name`, w.name);
      w.ingressFrom.forEach((from, j) => ctx.use("workload", from.workload, `network.workloads.${i}.ingressFrom.${j}.workload`));
      const repeated = w.ingressFrom.findIndex((from, j) => w.ingressFrom.findIndex((o) => o.workload === from.workload && o.port === from.port) !== j);
      if (repeated >= 0) ctx.problem(`network.workloads.${i}.ingressFrom.${repeated}`, w.ingressFrom[repeated], "each workload and port may be listed once");
    });
    const duplicates = n.interfaceEndpoints.filter((s, i, all) => all.indexOf(s) !== i);
    if (duplicates.length > 0) ctx.problem("network.interfaceEndpoints", duplicates, "each service may be listed once");
    if (n.interfaceEndpoints.length > 0) ctx.name("security-group", `${d.name}-endpoint-sg`, "network.interfaceEndpoints");
    // Named by the network stack from the deployment name: flow logs (modules/network/flow-logs.ts) and the logs key.
    ctx.name("log-group", `/vpc/${d.name}-flow-logs`, "name", d.name);
    ctx.name("iam-role", `${d.name}-flow-logs-delivery`, "name", d.name);
    ctx.name("kms-alias", `${d.name}-logs`, "name", d.name);
    return {
      cidr: n.cidr,
      azs: REGION_AZS[d.region].slice(0, n.azCount ?? d.preset.azCount),
      nat: n.nat ?? d.preset.nat,
      interfaceEndpoints: [...n.interfaceEndpoints].sort(),
      workloads: n.workloads,
    };
  },
  used: () => true,
});
