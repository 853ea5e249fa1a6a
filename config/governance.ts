/**
 * Account-scoped governance (issue 18): what every account hosting a
 * deployment gets once, however many deployments it hosts: the GitHub
 * Actions OIDC provider, one read-only plan role, one apply role per hosted
 * deployment, and the account baselines. Resolved from the validated
 * deployments and checked before any construct is built
 * ({@link resolveAccountGovernance}); stacks/account-governance-stack.ts
 * builds it. The organization's own settings are in config/organization.ts.
 */

import type { AccountRef, Deployment } from "./deployment";
import { ConfigError, type ConfigProblem } from "./errors";
import type { Environment } from "./presets";
import { REPOSITORY } from "./repository";

/** Settings every account's governance stack shares. */
export interface GovernanceInput {
  /** The GitHub repository whose workflows plan and apply (`owner/name`); named once, in config/repository.ts. */
  readonly repository: string;
  /** Branch the drift plans and applies run from. @default "main" */
  readonly defaultBranch: string;
  /** Name of the read-only plan role, the same in every account. */
  readonly planRoleName: string;
  /** Prefix of each deployment's apply role: `<prefix><deployment>`. */
  readonly applyRolePrefix: string;
  /**
   * Longest session either role grants, in seconds. The workflows request
   * 3600 s (docs/delivery.md), so 3600 is the floor; IAM allows up to 43200.
   */
  readonly maxSessionSeconds: number;
  /** IAM password policy of every account (console users are the exception; CI uses OIDC). */
  readonly passwordPolicy: {
    readonly minimumLength: number;
    readonly maxAgeDays: number;
    readonly reusePrevention: number;
  };
}

/** The values this repository deploys with. */
export const GOVERNANCE: GovernanceInput = {
  repository: REPOSITORY,
  defaultBranch: "main",
  planRoleName: "github-plan",
  applyRolePrefix: "github-apply-",
  maxSessionSeconds: 3600,
  // CIS AWS Foundations 1.8-1.9 and AWS Security Hub IAM.7: 14 characters, 24 remembered, 90 days.
  passwordPolicy: { minimumLength: 14, maxAgeDays: 90, reusePrevention: 24 },
};

/** A deployment an account hosts: it gets its own apply role, trusted by its GitHub environment. */
export interface HostedDeployment {
  readonly name: string;
  readonly environment: Environment;
  readonly region: string;
}

/** Everything one account's governance stack needs. */
export interface AccountGovernance {
  readonly account: AccountRef;
  /**
   * Region the stack (and its state) lives in: the region of the first
   * deployment of the account, in config order. IAM is global; the regional
   * baselines (EBS default encryption, Access Analyzer) are built in every
   * region of {@link regions} through aliased providers.
   */
  readonly homeRegion: string;
  /** Every region the account hosts a deployment in, home region first. */
  readonly regions: readonly string[];
  readonly deployments: readonly HostedDeployment[];
  readonly settings: GovernanceInput;
}

const GITHUB_OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const GITHUB_REPO = /^[A-Za-z0-9._-]{1,100}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const BRANCH = /^(?!\/|.*\/$|.*\.\.|.*\/\/)[A-Za-z0-9._/-]{1,255}$/;

/**
 * Problems of the shared governance settings, as `governance: <field> = <value>: <allowed>`.
 * A repository not in `owner/name` form would make every OIDC trust either
 * broken or, with a wildcard, open to other repositories.
 */
export function governanceInputProblems(input: GovernanceInput): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const problem = (field: string, value: unknown, allowed: string) => problems.push({ deployment: "governance", field, value, allowed });
  const [owner, name, ...rest] = input.repository.split("/");
  if (rest.length > 0 || !GITHUB_OWNER.test(owner ?? "") || !GITHUB_REPO.test(name ?? "") || name === "." || name === "..") {
    problem("repository", input.repository, "must be one GitHub repository as owner/name (owner: 1-39 letters, digits and single hyphens; name: 1-100 letters, digits and ._-; no wildcards)");
  }
  if (!BRANCH.test(input.defaultBranch)) problem("defaultBranch", input.defaultBranch, "must be one branch name of letters, digits and ._/- (no wildcards)");
  if (!ROLE_NAME.test(input.planRoleName)) problem("planRoleName", input.planRoleName, "must be 1-64 letters, digits and +=,.@_- (IAM role names)");
  // Deployment names are at most 23 characters (serverless-saas-staging), so 31 keep <prefix><deployment> within IAM's 64.
  if (!/^[\w+=,.@-]{1,31}$/.test(input.applyRolePrefix)) problem("applyRolePrefix", input.applyRolePrefix, "must be 1-31 letters, digits and +=,.@_- so that <prefix><deployment> fits IAM's 64 characters");
  if (!Number.isInteger(input.maxSessionSeconds) || input.maxSessionSeconds < 3600 || input.maxSessionSeconds > 43200) {
    problem("maxSessionSeconds", input.maxSessionSeconds, "must be a whole number from 3600 (the workflows request one hour) to 43200 (IAM's maximum)");
  }
  const p = input.passwordPolicy;
  if (!Number.isInteger(p.minimumLength) || p.minimumLength < 14 || p.minimumLength > 128) problem("passwordPolicy.minimumLength", p.minimumLength, "must be a whole number from 14 (CIS floor) to 128 (IAM's maximum)");
  if (!Number.isInteger(p.maxAgeDays) || p.maxAgeDays < 1 || p.maxAgeDays > 90) problem("passwordPolicy.maxAgeDays", p.maxAgeDays, "must be a whole number from 1 to 90 (CIS ceiling)");
  if (!Number.isInteger(p.reusePrevention) || p.reusePrevention < 1 || p.reusePrevention > 24) problem("passwordPolicy.reusePrevention", p.reusePrevention, "must be a whole number from 1 to 24 (IAM's maximum)");
  return problems;
}

/**
 * One entry per account hosting at least one deployment, in the order the
 * accounts first appear among the deployments. Throws one ConfigError with
 * every problem of `input`.
 */
export function resolveAccountGovernance(deployments: readonly Deployment[], input: GovernanceInput = GOVERNANCE): AccountGovernance[] {
  const problems = governanceInputProblems(input);
  if (problems.length > 0) throw new ConfigError(problems);
  const byAccount = new Map<string, { account: AccountRef; regions: string[]; deployments: HostedDeployment[] }>();
  for (const d of deployments) {
    const entry = byAccount.get(d.account.name) ?? { account: d.account, regions: [], deployments: [] };
    if (!entry.regions.includes(d.region)) entry.regions.push(d.region);
    entry.deployments.push({ name: d.name, environment: d.environment, region: d.region });
    byAccount.set(d.account.name, entry);
  }
  return [...byAccount.values()].map((e) => ({ ...e, homeRegion: e.regions[0], settings: input }));
}
