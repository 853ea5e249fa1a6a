import { z } from "zod";
import { parseCidr, isPrivate } from "../lib/cidr";
import { MAX_VPC_PREFIX, MIN_VPC_PREFIX } from "../lib/subnet-plan";
import { dataSchema } from "./data-schema";
import { ENVIRONMENTS, LOG_RETENTION_DAYS } from "./presets";
import { SUPPORTED_REGIONS } from "./regions";

/** The five systems this repository describes. */
export const SYSTEMS = ["stackflow", "webhooks", "axonflow", "serverless-saas", "commerce"] as const;
export type SystemId = (typeof SYSTEMS)[number];

/** AWS services the network layer can reach through interface endpoints. */
export const INTERFACE_ENDPOINT_SERVICES = [
  "bedrock-runtime", "ecr.api", "ecr.dkr", "ec2", "eks", "elasticloadbalancing", "events", "kms", "lambda",
  "logs", "monitoring", "secretsmanager", "sns", "sqs", "ssm", "ssmmessages", "ec2messages", "sts", "xray",
] as const;
export type InterfaceEndpointService = (typeof INTERFACE_ENDPOINT_SERVICES)[number];

const oneOf = (values: readonly (string | number)[]) => `must be one of: ${values.join(", ")}`;

const cidrSchema = z.string().superRefine((text, ctx) => {
  const cidr = parseCidr(text);
  if (!cidr) {
    ctx.addIssue({ code: "custom", message: "must be an IPv4 network in CIDR notation with no host bits set, e.g. 10.0.0.0/16" });
  } else if (cidr.prefix < MIN_VPC_PREFIX || cidr.prefix > MAX_VPC_PREFIX) {
    ctx.addIssue({ code: "custom", message: `prefix must be between /${MIN_VPC_PREFIX} and /${MAX_VPC_PREFIX} (three tiers need room for 3 AZs)` });
  } else if (!isPrivate(cidr)) {
    ctx.addIssue({ code: "custom", message: "must lie inside an RFC 1918 range (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16)" });
  }
});

const workloadName = z.string().regex(/^[a-z][a-z0-9-]{1,30}$/, { error: "must be 2-31 lowercase letters, digits and hyphens, starting with a letter" });

/**
 * A workload's security group, owned by the network layer so that the data
 * layer (whose stores admit workloads) and the compute layer (which runs
 * them) both depend on network and never on each other.
 */
const workloadSchema = z.strictObject({
  name: workloadName,
  description: z.string().min(10, { error: "must say what runs behind the group (10+ characters)" }),
  /** Other workloads allowed in, and on which port. @default none */
  ingressFrom: z.array(z.strictObject({ workload: workloadName, port: z.number().int().min(1).max(65535) })).default([]),
});

/** Schema of one deployment as written in `config/systems/<system>.ts`. */
export const deploymentInputSchema = z.strictObject({
  system: z.enum(SYSTEMS, { error: oneOf(SYSTEMS) }),
  environment: z.enum(ENVIRONMENTS, { error: oneOf(ENVIRONMENTS) }),
  region: z.enum(SUPPORTED_REGIONS as [string, ...string[]], { error: oneOf(SUPPORTED_REGIONS) }),
  account: z.strictObject({
    name: z.string().regex(/^[a-z][a-z0-9-]{1,30}[a-z0-9]$/, {
      error: "must be 3-32 characters of lowercase letters, digits and hyphens, starting with a letter",
    }),
    id: z.string().regex(/^\d{12}$/, { error: "must be a 12-digit AWS account id" }).optional(),
  }),
  network: z.strictObject({
    cidr: cidrSchema,
    azCount: z.number().int({ error: "must be a whole number" }).min(2, { error: "must be between 2 and 3" })
      .max(3, { error: "must be between 2 and 3" }).optional(),
    nat: z.enum(["none", "single", "perAz"], { error: oneOf(["none", "single", "perAz"]) }).optional(),
    interfaceEndpoints: z.array(z.enum(INTERFACE_ENDPOINT_SERVICES, { error: oneOf(INTERFACE_ENDPOINT_SERVICES) }))
      .default([]),
    workloads: z.array(workloadSchema).default([]),
  }),
  multiAz: z.boolean().optional(),
  deletionProtection: z.boolean().optional(),
  backupRetentionDays: z.number().int().min(1, { error: "must be between 1 and 35 days" }).max(35, { error: "must be between 1 and 35 days" }).optional(),
  data: dataSchema.default(dataSchema.parse({})),
  logRetentionDays: z.number().refine((d) => (LOG_RETENTION_DAYS as readonly number[]).includes(d), {
    error: `${oneOf(LOG_RETENTION_DAYS)} (CloudWatch Logs retention values)`,
  }).optional(),
});

/** A deployment as its system file writes it (preset fields optional). */
export type DeploymentInput = z.input<typeof deploymentInputSchema>;
