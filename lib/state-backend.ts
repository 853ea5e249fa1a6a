import type { AccountRef } from "../config/deployment";

/** Where an account's Terraform state lives in one region. */
export interface StateBackendLocation {
  /** Name of the bootstrap stack that creates the bucket and the lock table. */
  readonly stackName: string;
  readonly bucket: string;
  readonly lockTable: string;
  /** Alias (without `alias/`) of the key encrypting bucket and table. */
  readonly keyAlias: string;
  readonly region: string;
  /** Key of the bootstrap stack's own state once migrated into its bucket. */
  readonly ownKey: string;
  /**
   * Bucket receiving the S3 server access logs of every bucket in this
   * account and region (S3 delivers only within a region); created by the
   * bootstrap stack, named here so the stacks applied after it need no output.
   */
  readonly accessLogBucket: string;
}

/**
 * One state backend per account and region. The bucket name carries the
 * account id when known (bucket names are global).
 */
export function stateBackendFor(account: AccountRef, region: string): StateBackendLocation {
  const idPart = account.id ? `-${account.id}` : "";
  return {
    stackName: `${account.name}-${region}-state`,
    bucket: `${account.name}${idPart}-${region}-tfstate`,
    lockTable: `${account.name}-${region}-tflock`,
    keyAlias: `${account.name}-${region}-tfstate`,
    region,
    ownKey: `_bootstrap/${account.name}/${region}.tfstate`,
    accessLogBucket: `${account.name}${idPart}-${region}-access-logs`,
  };
}

/** State key of a layer stack: `<system>/<env>/<layer>.tfstate`. */
export function layerStateKey(system: string, environment: string, layer: string): string {
  return `${system}/${environment}/${layer}.tfstate`;
}
