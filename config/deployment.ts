import { z } from "zod";
import { backupRetentionDays, enumOf, logRetentionDays, riskReason } from "./fields";
import type { ComputeSettings } from "./layers/compute";
import type { DataSettings } from "./layers/data";
import type { EdgeSettings } from "./layers/edge";
import type { MessagingSettings } from "./layers/messaging";
import type { NetworkSettings } from "./layers/network";
import type { ObservabilitySettings } from "./layers/observability";
import { ENVIRONMENTS, type Environment, type EnvironmentPreset } from "./presets";
import { SUPPORTED_REGIONS } from "./regions";

/** The five systems this repository describes. */
export const SYSTEMS = ["stackflow", "webhooks", "axonflow", "serverless-saas", "commerce"] as const;
export type SystemId = (typeof SYSTEMS)[number];

/**
 * What every deployment states besides its layers: which system, which
 * environment, where (region, and an account of config/accounts.ts), and
 * departures from its environment preset that apply to every layer.
 */
export const deploymentBaseSchema = z.strictObject({
  system: enumOf(SYSTEMS),
  environment: enumOf(ENVIRONMENTS),
  region: enumOf(SUPPORTED_REGIONS as [string, ...string[]]),
  /** Name of an account in config/accounts.ts. */
  account: z.string({ error: "must name an account of config/accounts.ts" }),
  /** Databases and caches run Multi-AZ. @default the environment preset */
  multiAz: z.boolean().optional(),
  /** Deletion protection, final snapshots and `prevent_destroy` on stateful resources. @default the environment preset */
  deletionProtection: z.boolean().optional(),
  /** @default the environment preset (dev and staging 7, prod 14) */
  backupRetentionDays: backupRetentionDays.optional(),
  /** @default the environment preset (dev 30, staging 90, prod 365) */
  logRetentionDays: logRetentionDays.optional(),
  /**
   * Production settings below the floors of config/floors.ts, each accepted
   * with a reason that shows up in review. @default none accepted
   */
  /**
   * Pull-request number of a preview deployment (config/preview.ts): the
   * deployment becomes `<system>-pr-<n>`, with its own names and state keys,
   * on its environment's preset. @default not a preview
   */
  preview: z.int().min(1).max(999_999).optional(),
  acceptedRisks: z.strictObject({
    unprotectedProduction: riskReason.optional(),
    shortBackupRetention: riskReason.optional(),
    shortLogRetention: riskReason.optional(),
  }).optional(),
});

/** The AWS account a deployment lands in, from config/accounts.ts. */
export interface AccountRef {
  /** Label for the account; deployments sharing it share one state backend. */
  readonly name: string;
  /** Account id; when set the provider refuses to run against any other account. @default unpinned */
  readonly id?: string;
}

/** A deployment's identity and environment-wide settings, presets applied: what every layer's resolver reads. */
export interface DeploymentBase {
  /** `<system>-<environment>`, the prefix of every stack and resource name. */
  readonly name: string;
  readonly system: SystemId;
  readonly environment: Environment;
  /**
   * What names the deployment besides its system: the environment, or
   * `pr-<n>` for a preview. The second part of the deployment name, of its
   * state keys, secret names and `environment` tag.
   */
  readonly stage: string;
  readonly region: string;
  readonly account: AccountRef;
  /** The environment preset the deployment departs from. */
  readonly preset: EnvironmentPreset;
  readonly multiAz: boolean;
  readonly deletionProtection: boolean;
  readonly logRetentionDays: number;
  readonly backupRetentionDays: number;
  /** Production floors this deployment goes below on purpose, with the reason (config/floors.ts). */
  readonly acceptedRisks: Readonly<Partial<Record<AcceptedRisk, string>>>;
}

/** Production floors a deployment may go below, with a reason. */
export type AcceptedRisk = "unprotectedProduction" | "shortBackupRetention" | "shortLogRetention";

/**
 * Resolved settings of every layer a deployment may have, by layer. A new
 * layer adds its settings type here and its config to config/layers/index.ts.
 */
export interface LayerSettings {
  readonly network: NetworkSettings;
  readonly data: DataSettings;
  readonly messaging: MessagingSettings;
  readonly compute: ComputeSettings;
  readonly edge: EdgeSettings;
  readonly observability: ObservabilitySettings;
}

/**
 * A validated deployment: one system in one environment, preset defaults
 * applied, every layer resolved. Stacks and modules only ever see this shape.
 */
export interface Deployment extends DeploymentBase, LayerSettings {
  /** The layers this deployment synthesizes a stack for, in apply order. */
  readonly layers: readonly (keyof LayerSettings)[];
}
