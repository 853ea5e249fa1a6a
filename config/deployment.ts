import type { Environment, NatMode } from "./presets";
import type { InterfaceEndpointService, SystemId } from "./schema";

/** The AWS account a deployment lands in. */
export interface AccountRef {
  /** Label for the account; deployments sharing it share one state backend. */
  readonly name: string;
  /** Account id; when set the provider refuses to run against any other account. @default unpinned */
  readonly id?: string;
}

/** Resolved network settings of a deployment. */
export interface NetworkSettings {
  readonly cidr: string;
  /** Availability zone names, in subnet order. */
  readonly azs: readonly string[];
  readonly nat: NatMode;
  readonly interfaceEndpoints: readonly InterfaceEndpointService[];
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
  readonly multiAz: boolean;
  readonly deletionProtection: boolean;
  readonly logRetentionDays: number;
}
