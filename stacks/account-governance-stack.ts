import { DataAwsKmsAlias } from "@cdktf/provider-aws/lib/data-aws-kms-alias";
import { S3Backend, TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import type { AccountGovernance } from "../config/governance";
import { MANAGED_BY } from "../config/repository";
import { stateBackendFor } from "../lib/state-backend";
import { AccessAnalyzer } from "../modules/governance/access-analyzer";
import { AccountPublicAccessBlock } from "../modules/governance/account-public-access-block";
import { ApplyBoundary } from "../modules/governance/apply-boundary";
import { EbsDefaultEncryption } from "../modules/governance/ebs-default-encryption";
import { GithubDeployRole } from "../modules/governance/github-deploy-role";
import { GithubOidcProvider } from "../modules/governance/github-oidc-provider";
import { PasswordPolicy } from "../modules/governance/password-policy";
import { planStateAccess } from "../modules/governance/plan-state-access";
import type { PlatformStack } from "./platform-stack";
import { ScopeStack } from "./scope-stack";

/** Props of the governance stack of one account. */
export interface AccountGovernanceStackProps {
  readonly governance: AccountGovernance;
  /** The state stack of the account's home region, which holds this stack's state; applied first. */
  readonly stateStack: PlatformStack;
}

/** State key of an account-scoped governance stack (system names never start with `_`, so no layer stack shares it). */
export const accountGovernanceStateKey = (account: string): string => `_account/${account}/governance.tfstate`;

/**
 * What every account hosting a deployment gets once (`<account>-<home
 * region>-governance`): GitHub's OIDC provider, the read-only plan role,
 * one apply role per hosted deployment behind a permissions boundary, and
 * the baselines (S3 public access block and password policy for the
 * account; EBS default encryption and Access Analyzer in every region it
 * hosts). Its outputs are what the delivery workflows' variables take
 * (docs/delivery.md). It creates the roles CI runs with, so an administrator
 * applies it (docs/governance.md).
 */
export class AccountGovernanceStack extends ScopeStack {
  constructor(scope: Construct, props: AccountGovernanceStackProps) {
    const g = props.governance;
    super(scope, "governance", { kind: "account", account: g.account, region: g.homeRegion });
    const home = stateBackendFor(g.account, g.homeRegion);
    new S3Backend(this, { bucket: home.bucket, key: accountGovernanceStateKey(g.account.name), region: home.region, encrypt: true, dynamodbTable: home.lockTable });
    this.addOverride("terraform.backend.s3.use_lockfile", true);
    this.addDependency(props.stateStack);

    const s = g.settings;
    const repo = `repo:${s.repository}`;
    // The stack's own provider in its home region; an aliased one in every other region the account hosts.
    const providerIn = (region: string) => (region === g.homeRegion ? undefined : this.providerFor({ region }));
    const oidc = new GithubOidcProvider(this, "GithubOidc");
    const state = g.regions.map((region) => {
      const backend = stateBackendFor(g.account, region);
      const key = new DataAwsKmsAlias(this, `StateKey-${region}`, { provider: providerIn(region), name: `alias/${backend.keyAlias}` });
      return { region, bucket: backend.bucket, lockTable: backend.lockTable, keyArn: key.targetKeyArn };
    });

    const plan = new GithubDeployRole(this, "PlanRole", {
      name: s.planRoleName,
      description: "Read-only plans of this repository's pull requests, default branch and plan environments",
      oidcProviderArn: oidc.arn,
      access: "plan",
      subjects: [`${repo}:pull_request`, `${repo}:ref:refs/heads/${s.defaultBranch}`, ...g.deployments.map((d) => `${repo}:environment:${d.name}-plan`)],
      maxSessionSeconds: s.maxSessionSeconds,
      managedPolicyArns: { ReadOnly: `arn:${this.partition}:iam::aws:policy/ReadOnlyAccess` },
      inlinePolicy: { name: "terraform-plan-state", statements: planStateAccess(state, this.accountId, this.partition, MANAGED_BY) },
    });
    const boundary = new ApplyBoundary(this, "ApplyBoundary", {
      name: `${s.applyRolePrefix}boundary`,
      accountId: this.accountId,
      partition: this.partition,
      protectedRoleNames: [s.planRoleName, `${s.applyRolePrefix}*`],
      oidcProviderArn: oidc.arn,
      state,
    });
    const applyRoles: Record<string, string> = {};
    for (const d of g.deployments) {
      applyRoles[d.name] = new GithubDeployRole(this, `ApplyRole-${d.name}`, {
        name: `${s.applyRolePrefix}${d.name}`,
        description: `Applies ${d.name}, only from its GitHub environment (required reviewers, ${s.defaultBranch} only)`,
        oidcProviderArn: oidc.arn,
        access: "apply",
        subjects: [`${repo}:environment:${d.name}`],
        maxSessionSeconds: s.maxSessionSeconds,
        // The stacks create IAM roles, keys and networks of every kind; the boundary, not this policy, sets the limit.
        managedPolicyArns: { Administrator: `arn:${this.partition}:iam::aws:policy/AdministratorAccess` },
        permissionsBoundaryArn: boundary.arn,
      }).roleArn;
    }

    new AccountPublicAccessBlock(this, "S3PublicAccessBlock");
    new PasswordPolicy(this, "PasswordPolicy", s.passwordPolicy);
    for (const region of g.regions) {
      const provider = providerIn(region);
      new EbsDefaultEncryption(this, `EbsEncryption-${region}`, {
        keyAlias: `${g.account.name}-${region}-ebs`, region, accountId: this.accountId, partition: this.partition, provider,
      });
      new AccessAnalyzer(this, `AccessAnalyzer-${region}`, { name: `${g.account.name}-${region}-account`, provider });
    }

    new TerraformOutput(this, "oidc_provider_arn", { value: oidc.arn, description: "GitHub Actions OIDC identity provider of the account" });
    new TerraformOutput(this, "plan_role_arn", { value: plan.roleArn, description: "Read-only plan role: repository variable AWS_PLAN_ROLE_ARN_<DEPLOYMENT> of every deployment in the account" });
    new TerraformOutput(this, "apply_role_arns", { value: applyRoles, description: "Apply role per deployment: variable AWS_APPLY_ROLE_ARN of the deployment's GitHub environment" });
    new TerraformOutput(this, "apply_boundary_arn", { value: boundary.arn, description: "Permissions boundary of the apply roles" });
  }
}
