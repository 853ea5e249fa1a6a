import type {
  AuroraParsed, DynamodbParsed, MediaBucketParsed, NeptuneParsed, RdsParsed, RedisParsed,
} from "./data-schema";
import type { Environment, NatMode } from "./presets";
import type { InterfaceEndpointService, SystemId } from "./schema";

/** The AWS account a deployment lands in. */
export interface AccountRef {
  /** Label for the account; deployments sharing it share one state backend. */
  readonly name: string;
  /** Account id; when set the provider refuses to run against any other account. @default unpinned */
  readonly id?: string;
}

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

/** Settings every relational or graph store resolves from its deployment. */
interface Protected {
  /** Deletion protection, final snapshot and `prevent_destroy`. */
  readonly deletionProtection: boolean;
}

export type AuroraSettings = AuroraParsed & Protected & {
  readonly readers: number;
  readonly backupRetentionDays: number;
  readonly credentialsSecretName: string;
};
export type RdsSettings = RdsParsed & Protected & {
  readonly port: number;
  readonly multiAz: boolean;
  readonly backupRetentionDays: number;
  readonly credentialsSecretName: string;
};
export type NeptuneSettings = NeptuneParsed & Protected & {
  readonly readers: number;
  readonly backupRetentionDays: number;
};
export type RedisSettings = RedisParsed & Protected & {
  readonly nodes: number;
  readonly multiAz: boolean;
  readonly authTokenSecretName: string;
};
export type DynamodbSettings = DynamodbParsed & Protected;
export type MediaBucketSettings = MediaBucketParsed & Protected;

/** Resolved data stores of a deployment. */
export interface DataSettings {
  readonly kms: { readonly multiRegion: boolean };
  readonly aurora: readonly AuroraSettings[];
  readonly rds: readonly RdsSettings[];
  readonly neptune: readonly NeptuneSettings[];
  readonly redis: readonly RedisSettings[];
  readonly dynamodb: readonly DynamodbSettings[];
  readonly mediaBuckets: readonly MediaBucketSettings[];
}

/**
 * A validated deployment: one system in one environment, preset defaults
 * applied. Stacks and modules only ever see this shape.
 */
export interface Deployment {
  /** `<system>-<environment>`, the prefix of every stack and resource name. */
  readonly name: string;
  readonly system: SystemId;
  readonly environment: Environment;
  readonly region: string;
  readonly account: AccountRef;
  readonly network: NetworkSettings;
  readonly data: DataSettings;
  readonly multiAz: boolean;
  readonly deletionProtection: boolean;
  readonly logRetentionDays: number;
  readonly backupRetentionDays: number;
}
