import { storeNames } from "../../lib/store-names";

/**
 * What protecting a store against deletion sets, in the argument names the
 * AWS provider uses. One switch so every store protects (or releases) the
 * same things together.
 */
export interface Protection {
  /** `deletion_protection` (RDS, Aurora, Neptune) and `deletion_protection_enabled` (DynamoDB). */
  readonly deletionProtection: boolean;
  /** Skip the final snapshot only when unprotected: a protected store is never deleted without one. */
  readonly skipFinalSnapshot: boolean;
  /** `<identifier>-final` when protected; unset otherwise (the provider then takes none). */
  readonly finalSnapshotIdentifier: string | undefined;
  /** Terraform refuses to plan the resource's destruction when protected. */
  readonly lifecycle: { readonly preventDestroy: boolean };
  /** Days a deleted secret of the store stays restorable: Secrets Manager's maximum when protected, its minimum otherwise. */
  readonly secretRecoveryWindowDays: number;
}

/**
 * The deletion settings of a store: with `protect`, deletion protection, a
 * final snapshot named after `identifier`, `prevent_destroy` and a 30-day
 * secret recovery window; without, none of them and 7 days, so dev stores
 * can be torn down in one apply.
 */
export function protection(protect: boolean, identifier: string): Protection {
  return {
    deletionProtection: protect,
    skipFinalSnapshot: !protect,
    finalSnapshotIdentifier: protect ? storeNames(identifier).finalSnapshot : undefined,
    lifecycle: { preventDestroy: protect },
    secretRecoveryWindowDays: protect ? 30 : 7,
  };
}
