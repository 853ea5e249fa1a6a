/**
 * The AWS accounts this repository deploys into, held once. Deployments name
 * an account from here (`account: "commerce-nonprod"`); account- and
 * organization-scoped stacks (state bootstrap today; governance, budgets,
 * OIDC roles next) are built per account from this list, never per
 * deployment.
 */

import type { Environment } from "./presets";

/** Why an account exists; decides which account-scoped stacks it gets. */
export type AccountPurpose = "workloads" | "management" | "logs" | "monitoring";

/** One AWS account. */
export interface AccountInput {
  /** Label used in stack, bucket and table names: 3-32 lowercase letters, digits and hyphens. */
  readonly name: string;
  /** 12-digit account id; when set, every provider into the account refuses any other. @default unpinned */
  readonly id?: string;
  readonly purpose: AccountPurpose;
  /**
   * Environments whose deployments may land here. A dev deployment moved into
   * a production account shares its blast radius, quotas and IAM, so the
   * registry says which environments each account hosts.
   */
  readonly environments: readonly Environment[];
  /** Organizational unit the account belongs to, by name. @default none (a standalone account) */
  readonly ou?: string;
}

/**
 * Only stackflow's production account id is known (seed 000); the others
 * are pinned by adding `id` here once the accounts exist. Commerce keeps dev
 * and staging in one account, as its seed does (AWS_ACCOUNT_ID vs
 * AWS_ACCOUNT_PROD_ID); serverless-saas names its accounts after the seed's
 * organization (production multi-tenant, integration test).
 */
export const ACCOUNTS: readonly AccountInput[] = [
  { name: "stackflow-prod", id: "373544523367", purpose: "workloads", environments: ["prod"] },
  { name: "stackflow-dev", purpose: "workloads", environments: ["dev"] },
  { name: "webhooks-prod", purpose: "workloads", environments: ["prod"] },
  { name: "webhooks-dev", purpose: "workloads", environments: ["dev"] },
  { name: "axonflow-prod", purpose: "workloads", environments: ["prod"] },
  { name: "axonflow-dev", purpose: "workloads", environments: ["dev"] },
  { name: "saas-prod-multi-tenant", purpose: "workloads", ou: "production", environments: ["prod"] },
  { name: "saas-integration-test", purpose: "workloads", ou: "integration", environments: ["dev"] },
  { name: "commerce-prod", purpose: "workloads", environments: ["prod"] },
  { name: "commerce-nonprod", purpose: "workloads", environments: ["dev", "staging"] },
];
