import { describe, expect, it } from "vitest";
import { GOVERNANCE } from "../../config/governance";
import { DEPLOYMENTS } from "../support/deployments";
import { manifest, only, onlyRef, outputValues, policy, resources, stack, stackNames, type StackJson } from "../support/synth";

/**
 * The account-scoped governance stacks (issue 18): one per account hosting a
 * deployment, whatever the number of deployments; every security document
 * asserted whole, so a widened subject, a dropped condition or an extra
 * action fails here.
 */

const ACCOUNT = "${data.aws_caller_identity.Caller.account_id}";
const ARN = "arn:${data.aws_partition.Partition.partition}";
const REPO = "repo:platform-team/platform-infrastructure";
const OIDC = "${aws_iam_openid_connect_provider.GithubOidc_Provider_49B920A3.arn}";
const document = (...Statement: readonly object[]) => ({ Version: "2012-10-17", Statement });

/** Account name, home region and hosted deployments of every governance stack, from the deployments' config. */
const ACCOUNTS: Record<string, { region: string; deployments: string[] }> = {};
for (const d of DEPLOYMENTS) {
  const entry = (ACCOUNTS[d.account.name] ??= { region: d.region, deployments: [] });
  entry.deployments.push(d.name);
}
const stackOf = (account: string): StackJson => stack(`${account}-${ACCOUNTS[account].region}-governance`);

const githubTrust = (sub: string | readonly string[]) => document({
  Sid: "GithubActions", Effect: "Allow", Principal: { Federated: OIDC }, Action: "sts:AssumeRoleWithWebIdentity",
  Condition: { StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com", "token.actions.githubusercontent.com:sub": sub } },
});

const roleNamed = (s: StackJson, name: string): [string, Record<string, unknown>] => {
  const found = Object.entries(resources(s, "aws_iam_role")).filter(([, r]) => r.name === name);
  expect(found, name).toHaveLength(1);
  return found[0];
};

describe("account governance stacks", () => {
  it("exist once per account that hosts a deployment, in the region of its first deployment", () => {
    expect(stackNames().filter((n) => n.endsWith("-governance") && !n.includes("-organization-"))).toEqual([
      "axonflow-dev-us-east-1-governance", "axonflow-prod-us-east-1-governance",
      "commerce-nonprod-us-west-2-governance", "commerce-prod-us-west-2-governance",
      "saas-integration-test-eu-west-1-governance", "saas-prod-multi-tenant-eu-west-1-governance",
      "stackflow-dev-us-east-1-governance", "stackflow-prod-us-east-1-governance",
      "webhooks-dev-eu-central-1-governance", "webhooks-prod-eu-central-1-governance",
    ]);
  });

  it.each(Object.keys(ACCOUNTS))("%s: one OIDC provider for GitHub, one plan role and one apply role per hosted deployment", (account) => {
    const s = stackOf(account);
    expect(Object.values(resources(s, "aws_iam_openid_connect_provider"))).toEqual([expect.objectContaining({
      url: "https://token.actions.githubusercontent.com", client_id_list: ["sts.amazonaws.com"],
    })]);
    expect(Object.values(resources(s, "aws_iam_role")).map((r) => r.name).sort()).toEqual(
      ["github-plan", ...ACCOUNTS[account].deployments.map((d) => `github-apply-${d}`)].sort());
  });

  it("gives commerce-nonprod, which holds dev and staging, one provider and an apply role for each", () => {
    const s = stackOf("commerce-nonprod");
    expect(Object.keys(resources(s, "aws_iam_openid_connect_provider"))).toHaveLength(1);
    for (const d of ["commerce-dev", "commerce-staging"]) {
      const [, role] = roleNamed(s, `github-apply-${d}`);
      expect(policy(role.assume_role_policy)).toEqual(githubTrust(`${REPO}:environment:${d}`));
    }
  });

  it.each(Object.keys(ACCOUNTS))("%s: the plan role trusts only pull requests, main and the plan environments, read-only plus its state", (account) => {
    const s = stackOf(account);
    const { region, deployments } = ACCOUNTS[account];
    const [id, role] = roleNamed(s, "github-plan");
    expect(policy(role.assume_role_policy)).toEqual(githubTrust([`${REPO}:pull_request`, `${REPO}:ref:refs/heads/main`, ...deployments.map((d) => `${REPO}:environment:${d}-plan`)]));
    expect(role).toMatchObject({ max_session_duration: 3600, tags: { "github-access": "plan" } });
    expect(role).not.toHaveProperty("permissions_boundary");
    const own = `\${aws_iam_role.${id}.name}`;
    expect(Object.values(resources(s, "aws_iam_role_policy_attachment")).filter((a) => a.role === own).map((a) => a.policy_arn)).toEqual([`${ARN}:iam::aws:policy/ReadOnlyAccess`]);
    const inline = Object.values(resources(s, "aws_iam_role_policy")).filter((p) => p.role === own);
    expect(inline).toHaveLength(1);
    const bucket = stack(`${account}-${region}-state`).resource!.aws_s3_bucket;
    const bucketName = Object.values(bucket).find((b) => String(b.bucket).endsWith("-tfstate"))!.bucket as string;
    expect(inline[0].name).toBe("terraform-plan-state");
    expect(policy(inline[0].policy)).toEqual(document(
      { Sid: "ReadState", Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket"], Resource: [`${ARN}:s3:::${bucketName}`, `${ARN}:s3:::${bucketName}/*`] },
      { Sid: "TakeStateLocks", Effect: "Allow", Action: ["s3:DeleteObject", "s3:PutObject"], Resource: [`${ARN}:s3:::${bucketName}/*.tflock`] },
      { Sid: "LockTable", Effect: "Allow", Action: ["dynamodb:DeleteItem", "dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:PutItem"], Resource: [`${ARN}:dynamodb:${region}:${ACCOUNT}:table/${account}-${region}-tflock`] },
      { Sid: "StateKey", Effect: "Allow", Action: ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey"], Resource: [`\${data.aws_kms_alias.StateKey-${region}.target_key_arn}`] },
      { Sid: "RefreshManagedSecrets", Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: [`${ARN}:secretsmanager:${region}:${ACCOUNT}:secret:*`], Condition: { StringEquals: { "secretsmanager:ResourceTag/managed-by": "cdktf" } } },
    ));
    expect(s.data!.aws_kms_alias[`StateKey-${region}`]).toMatchObject({ name: `alias/${account}-${region}-tfstate` });
  });

  it.each(DEPLOYMENTS.map((d) => [d.name, d.account.name] as const))("%s: its apply role trusts only its GitHub environment, for an hour, inside the boundary", (deployment, account) => {
    const s = stackOf(account);
    const [id, role] = roleNamed(s, `github-apply-${deployment}`);
    expect(policy(role.assume_role_policy)).toEqual(githubTrust(`${REPO}:environment:${deployment}`));
    expect(role).toMatchObject({
      max_session_duration: 3600, tags: { "github-access": "apply" },
      permissions_boundary: onlyRef(s, "aws_iam_policy", "arn"),
    });
    const own = `\${aws_iam_role.${id}.name}`;
    expect(Object.values(resources(s, "aws_iam_role_policy_attachment")).filter((a) => a.role === own).map((a) => a.policy_arn)).toEqual([`${ARN}:iam::aws:policy/AdministratorAccess`]);
    expect(Object.values(resources(s, "aws_iam_role_policy")).filter((p) => p.role === own)).toEqual([]);
  });

  it("caps every apply role with a boundary that protects the deploy roles, the provider, the boundary and the state storage", () => {
    const s = stackOf("commerce-nonprod");
    const boundary = only(s, "aws_iam_policy");
    expect(boundary.name).toBe("github-apply-boundary");
    expect(policy(boundary.policy)).toEqual(document(
      { Sid: "EverythingButOrganizations", Effect: "Allow", NotAction: ["organizations:*", "account:*"], Resource: "*" },
      {
        Sid: "DeployRolesUnchanged", Effect: "Deny",
        Action: [
          "iam:AttachRolePolicy", "iam:CreateRole", "iam:DeleteRole", "iam:DeleteRolePermissionsBoundary", "iam:DeleteRolePolicy",
          "iam:DetachRolePolicy", "iam:PutRolePermissionsBoundary", "iam:PutRolePolicy", "iam:TagRole", "iam:UntagRole",
          "iam:UpdateAssumeRolePolicy", "iam:UpdateRole", "iam:UpdateRoleDescription",
        ],
        Resource: [`${ARN}:iam::${ACCOUNT}:role/github-plan`, `${ARN}:iam::${ACCOUNT}:role/github-apply-*`],
      },
      {
        Sid: "BoundaryAndProviderUnchanged", Effect: "Deny",
        Action: [
          "iam:CreatePolicyVersion", "iam:DeletePolicy", "iam:DeletePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:TagPolicy", "iam:UntagPolicy",
          "iam:AddClientIDToOpenIDConnectProvider", "iam:DeleteOpenIDConnectProvider", "iam:RemoveClientIDFromOpenIDConnectProvider",
          "iam:TagOpenIDConnectProvider", "iam:UntagOpenIDConnectProvider", "iam:UpdateOpenIDConnectProviderThumbprint",
        ],
        Resource: [`${ARN}:iam::${ACCOUNT}:policy/github-apply-boundary`, OIDC],
      },
      { Sid: "NoStaticCredentials", Effect: "Deny", Action: ["iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:CreateUser", "iam:UpdateLoginProfile"], Resource: "*" },
      {
        Sid: "StateStorageKept", Effect: "Deny",
        Action: [
          "s3:DeleteBucket", "s3:DeleteBucketPolicy", "s3:PutBucketPolicy", "s3:PutBucketVersioning", "s3:PutLifecycleConfiguration",
          "s3:PutEncryptionConfiguration", "s3:PutBucketPublicAccessBlock", "dynamodb:DeleteTable", "dynamodb:UpdateTable",
        ],
        Resource: [`${ARN}:s3:::commerce-nonprod-us-west-2-tfstate`, `${ARN}:dynamodb:us-west-2:${ACCOUNT}:table/commerce-nonprod-us-west-2-tflock`],
      },
    ));
  });

  it.each(Object.keys(ACCOUNTS))("%s: baselines: EBS encryption by default with the account's key, S3 public access blocked, password policy, Access Analyzer", (account) => {
    const s = stackOf(account);
    const { region } = ACCOUNTS[account];
    expect(only(s, "aws_ebs_encryption_by_default")).toMatchObject({ enabled: true });
    expect(only(s, "aws_ebs_default_kms_key")).toMatchObject({ key_arn: onlyRef(s, "aws_kms_key", "arn") });
    const key = only(s, "aws_kms_key");
    expect(key).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30, lifecycle: { prevent_destroy: true } });
    expect(policy(key.policy)).toEqual(document(
      { Sid: "AccountRootAdministers", Effect: "Allow", Principal: { AWS: `${ARN}:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" },
      {
        Sid: "AccountUseThroughEc2", Effect: "Allow", Principal: { AWS: "*" },
        Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:CreateGrant", "kms:DescribeKey"], Resource: "*",
        Condition: { StringEquals: { "kms:CallerAccount": ACCOUNT, "kms:ViaService": `ec2.${region}.amazonaws.com` } },
      },
    ));
    expect(only(s, "aws_kms_alias")).toMatchObject({ name: `alias/${account}-${region}-ebs` });
    expect(only(s, "aws_s3_account_public_access_block")).toMatchObject({ block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true });
    expect(only(s, "aws_iam_account_password_policy")).toMatchObject({
      minimum_password_length: 14, max_password_age: 90, password_reuse_prevention: 24,
      require_lowercase_characters: true, require_uppercase_characters: true, require_numbers: true, require_symbols: true,
      allow_users_to_change_password: true, hard_expiry: false,
    });
    expect(only(s, "aws_accessanalyzer_analyzer")).toMatchObject({ analyzer_name: `${account}-${region}-account`, type: "ACCOUNT" });
  });

  it.each(Object.keys(ACCOUNTS))("%s: keeps its state in the account's bucket after the state stack, and publishes the role ARNs the workflows take", (account) => {
    const { region, deployments } = ACCOUNTS[account];
    const name = `${account}-${region}-governance`;
    const s = stack(name);
    const state = stack(`${account}-${region}-state`);
    expect(s.terraform.backend).toEqual({ s3: {
      bucket: Object.values(state.resource!.aws_s3_bucket).find((b) => String(b.bucket).endsWith("-tfstate"))!.bucket, key: `_account/${account}/governance.tfstate`, region,
      encrypt: true, dynamodb_table: `${account}-${region}-tflock`, use_lockfile: true,
    } });
    expect(manifest().stacks[name].dependencies).toEqual([`${account}-${region}-state`]);
    const [planId] = roleNamed(s, "github-plan");
    expect(outputValues(s)).toEqual({
      oidc_provider_arn: OIDC,
      plan_role_arn: `\${aws_iam_role.${planId}.arn}`,
      apply_role_arns: Object.fromEntries(deployments.map((d) => [d, `\${aws_iam_role.${roleNamed(s, `github-apply-${d}`)[0]}.arn}`])),
      apply_boundary_arn: onlyRef(s, "aws_iam_policy", "arn"),
    });
  });

  it("pins stackflow production's governance stack to its account and tags scope stacks with the account, never a deployment", () => {
    const provider = stackOf("stackflow-prod").provider.aws[0];
    expect(provider.allowed_account_ids).toEqual(["373544523367"]);
    expect((provider.default_tags as { tags: Record<string, string> }[])[0].tags).toEqual({
      scope: "account", account: "stackflow-prod", layer: "governance", "managed-by": "cdktf", repository: GOVERNANCE.repository,
    });
  });
});
