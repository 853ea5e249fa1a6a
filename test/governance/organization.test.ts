import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { GOVERNANCE } from "../../config/governance";
import { ORGANIZATION, type OrganizationInput } from "../../config/organization";
import { CONTROL_TOWER_ROLE, GLOBAL_ACTIONS } from "../../modules/governance/guardrails";
import { buildStacks } from "../../stacks/build";
import { OrganizationGovernanceStack } from "../../stacks/organization-governance-stack";
import { StateStack } from "../../stacks/state-stack";
import { stateBackendFor } from "../../lib/state-backend";
import { DEPLOYMENTS } from "../support/deployments";
import { testApp } from "../support/modules";
import { policy, resources, stack, type StackJson } from "../support/synth";

/**
 * The Stack's organization (seed 003): unit tree, accounts, guardrails and
 * where they attach, tag policy, budgets; and, with the logs and GuardDuty
 * administrator ids filled in (an in-test synth of this one stack), the
 * organization trail, its bucket and key, and GuardDuty.
 */

const ACCOUNT = "${data.aws_caller_identity.Caller.account_id}";
const ARN = "arn:${data.aws_partition.Partition.partition}";
const s = (): StackJson => stack("the-stack-organization-governance");
const document = (...Statement: readonly object[]) => ({ Version: "2012-10-17", Statement });
const unitRef = (name: string, attribute = "id") => {
  const id = Object.entries(resources(s(), "aws_organizations_organizational_unit")).find(([, u]) => u.name === name)![0];
  return `\${aws_organizations_organizational_unit.${id}.${attribute}}`;
};
const policyNamed = (name: string): [string, Record<string, unknown>] => Object.entries(resources(s(), "aws_organizations_policy")).find(([, p]) => p.name === name)!;
const attachedTo = (name: string): string[] => {
  const [id] = policyNamed(name);
  return Object.values(resources(s(), "aws_organizations_policy_attachment")).filter((a) => a.policy_id === `\${aws_organizations_policy.${id}.id}`).map((a) => a.target_id as string).sort();
};
const exceptControlTower = { ArnNotLike: { "aws:PrincipalARN": CONTROL_TOWER_ROLE } };

describe("the-stack organization", () => {
  it("is one organization with all features, SCPs and tag policies, and never destroyed", () => {
    expect(Object.values(resources(s(), "aws_organizations_organization"))).toEqual([expect.objectContaining({
      feature_set: "ALL", enabled_policy_types: ["SERVICE_CONTROL_POLICY", "TAG_POLICY"], lifecycle: { prevent_destroy: true },
      aws_service_access_principals: [
        "cloudtrail.amazonaws.com", "config.amazonaws.com", "controltower.amazonaws.com", "guardduty.amazonaws.com",
        "member.org.stacksets.cloudformation.amazonaws.com", "sso.amazonaws.com", "tagpolicies.tag.amazonaws.com",
      ],
    })]);
  });

  it("has the unit tree: security, workloads (production, integration) and sandbox under the root", () => {
    const root = "${aws_organizations_organization.Organization.roots[0].id}";
    const tree = Object.fromEntries(Object.values(resources(s(), "aws_organizations_organizational_unit")).map((u) => [u.name, u.parent_id]));
    expect(tree).toEqual({ security: root, workloads: root, sandbox: root, production: unitRef("workloads"), integration: unitRef("workloads") });
  });

  it("has the seed's six accounts in their units, never destroyed nor replaced by a creation-only argument", () => {
    const accounts = Object.values(resources(s(), "aws_organizations_account"));
    expect(accounts.map((a) => [a.name, a.email, a.parent_id]).sort()).toEqual([
      ["Individual Developer", "aws+developer@thestack.example.com", unitRef("sandbox")],
      ["Integration Test", "aws+integration-test@thestack.example.com", unitRef("integration")],
      ["Logs", "aws+logs@thestack.example.com", unitRef("security")],
      ["Monitoring", "aws+monitoring@thestack.example.com", unitRef("security")],
      ["Production Multi-tenant", "aws+prod-multi-tenant@thestack.example.com", unitRef("production")],
      ["Production Single-tenant", "aws+prod-single-tenant@thestack.example.com", unitRef("production")],
    ]);
    for (const a of accounts) {
      expect(a).toMatchObject({
        role_name: "AWSControlTowerExecution", iam_user_access_to_billing: "DENY", close_on_deletion: false,
        lifecycle: { prevent_destroy: true, ignore_changes: ["role_name", "iam_user_access_to_billing", "email"] },
      });
    }
  });

  it("attaches each guardrail to the units config names", () => {
    const all = [unitRef("sandbox"), unitRef("security"), unitRef("workloads")].sort();
    const workloads = [unitRef("sandbox"), unitRef("workloads")].sort();
    expect(attachedTo("the-stack-deny-leave-organization")).toEqual(all);
    expect(attachedTo("the-stack-protect-security-services")).toEqual(all);
    expect(attachedTo("the-stack-deny-root-user")).toEqual(all);
    expect(attachedTo("the-stack-restrict-regions")).toEqual(all);
    expect(attachedTo("the-stack-require-imdsv2")).toEqual(workloads);
    expect(attachedTo("the-stack-protect-ebs-encryption")).toEqual(workloads);
    expect(attachedTo("the-stack-required-tags")).toEqual(workloads);
  });

  it("writes every guardrail's statements whole: effect, actions and conditions", () => {
    const content = (name: string) => { const [, p] = policyNamed(name); expect(p.type).toBe(name.endsWith("required-tags") ? "TAG_POLICY" : "SERVICE_CONTROL_POLICY"); return policy(p.content); };
    expect(content("the-stack-deny-leave-organization")).toEqual(document({ Sid: "DenyLeaveOrganization", Effect: "Deny", Action: "organizations:LeaveOrganization", Resource: "*" }));
    expect(content("the-stack-protect-security-services")).toEqual(document({
      Sid: "ProtectAuditAndDetection", Effect: "Deny", Resource: "*", Condition: exceptControlTower,
      Action: [
        "cloudtrail:DeleteTrail", "cloudtrail:PutEventSelectors", "cloudtrail:StopLogging", "cloudtrail:UpdateTrail",
        "guardduty:DeleteDetector", "guardduty:DeleteMembers", "guardduty:DisassociateFromAdministratorAccount", "guardduty:DisassociateFromMasterAccount",
        "guardduty:DisassociateMembers", "guardduty:StopMonitoringMembers", "guardduty:UpdateDetector",
        "config:DeleteConfigurationRecorder", "config:DeleteDeliveryChannel", "config:DeleteRetentionConfiguration", "config:PutConfigurationRecorder",
        "config:PutDeliveryChannel", "config:StopConfigurationRecorder",
      ],
    }));
    expect(content("the-stack-deny-root-user")).toEqual(document({ Sid: "DenyRootUser", Effect: "Deny", Action: "*", Resource: "*", Condition: { StringLike: { "aws:PrincipalArn": "arn:aws:iam::*:root" } } }));
    expect(content("the-stack-restrict-regions")).toEqual(document({
      Sid: "DenyOtherRegions", Effect: "Deny", NotAction: GLOBAL_ACTIONS, Resource: "*",
      Condition: { StringNotEquals: { "aws:RequestedRegion": ["eu-west-1", "us-east-1"] }, ...exceptControlTower },
    }));
    expect(GLOBAL_ACTIONS).toEqual(expect.arrayContaining(["iam:*", "organizations:*", "sts:*", "cloudfront:*", "route53:*", "budgets:*", "support:*"]));
    expect(content("the-stack-require-imdsv2")).toEqual(document(
      { Sid: "RequireImdsv2", Effect: "Deny", Action: "ec2:RunInstances", Resource: "arn:aws:ec2:*:*:instance/*", Condition: { StringNotEquals: { "ec2:MetadataHttpTokens": "required" } } },
      { Sid: "KeepImdsv2", Effect: "Deny", Action: "ec2:ModifyInstanceMetadataOptions", Resource: "*", Condition: { StringNotEquals: { "ec2:MetadataHttpTokens": "required" } } },
    ));
    expect(content("the-stack-protect-ebs-encryption")).toEqual(document({
      Sid: "KeepEbsDefaultEncryption", Effect: "Deny", Action: ["ec2:DisableEbsEncryptionByDefault", "ec2:ResetEbsDefaultKmsKeyId"], Resource: "*", Condition: exceptControlTower,
    }));
    expect(content("the-stack-required-tags")).toEqual({ tags: Object.fromEntries(["system", "environment", "layer", "managed-by", "repository"].map((k) => [k, { tag_key: { "@@assign": k } }])) });
  });

  it("activates the required tags for cost allocation and enables Control Tower controls on units", () => {
    expect(Object.values(resources(s(), "aws_ce_cost_allocation_tag")).map((t) => [t.tag_key, t.status]).sort()).toEqual(
      ["environment", "layer", "managed-by", "repository", "system"].map((k) => [k, "Active"]));
    const control = (id: string) => `${ARN}:controltower:eu-west-1::control/${id}`;
    expect(Object.values(resources(s(), "aws_controltower_control")).map((c) => [c.control_identifier, c.target_identifier]).sort()).toEqual([
      [control("AWS-GR_ENCRYPTED_VOLUMES"), unitRef("workloads", "arn")],
      [control("AWS-GR_RDS_STORAGE_ENCRYPTED"), unitRef("workloads", "arn")],
      [control("AWS-GR_RESTRICT_ROOT_USER_ACCESS_KEYS"), unitRef("security", "arn")],
      [control("AWS-GR_RESTRICT_ROOT_USER_ACCESS_KEYS"), unitRef("workloads", "arn")],
    ]);
  });

  it("budgets each account and the whole organization monthly, alerting the topic and the e-mails at 80 % and 100 % actual and 100 % forecast", () => {
    const topic = `\${aws_sns_topic.${Object.keys(resources(s(), "aws_sns_topic"))[0]}.arn}`;
    const notification = [
      { percent: 80, type: "ACTUAL" }, { percent: 100, type: "ACTUAL" }, { percent: 100, type: "FORECASTED" },
    ].map(({ percent, type }) => ({
      comparison_operator: "GREATER_THAN", threshold: percent, threshold_type: "PERCENTAGE", notification_type: type,
      subscriber_sns_topic_arns: [topic], subscriber_email_addresses: ["platform-billing@thestack.example.com"],
    }));
    const accountId = (label: string) => {
      const id = Object.keys(resources(s(), "aws_organizations_account")).find((k) => k.startsWith(`Account-${label}_`))!;
      return `\${aws_organizations_account.${id}.id}`;
    };
    const budgets = Object.fromEntries(Object.values(resources(s(), "aws_budgets_budget")).map((b) => [b.name, b]));
    expect(Object.keys(budgets).sort()).toEqual(["the-stack-consolidated", ...ORGANIZATION.accounts.map((a) => `the-stack-${a.label}`)].sort());
    expect(budgets["the-stack-consolidated"]).toMatchObject({ budget_type: "COST", time_unit: "MONTHLY", limit_amount: "2000.0", limit_unit: "USD", notification });
    expect(budgets["the-stack-consolidated"]).not.toHaveProperty("cost_filter");
    for (const a of ORGANIZATION.accounts) {
      expect(budgets[`the-stack-${a.label}`]).toMatchObject({
        limit_amount: a.monthlyBudgetUsd.toFixed(1), cost_filter: [{ name: "LinkedAccount", values: [accountId(a.label)] }], notification,
      });
    }
    expect(budgets["the-stack-saas-prod-multi-tenant"].limit_amount).toBe("1000.0");
    const topicPolicy = policy(Object.values(resources(s(), "aws_sns_topic_policy"))[0].policy);
    expect(topicPolicy.Statement[1]).toEqual({
      Sid: "BudgetsPublishes", Effect: "Allow", Principal: { Service: "budgets.amazonaws.com" }, Action: "sns:Publish", Resource: topic,
      Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } },
    });
  });

  it("lets pull requests and main plan it through a read-only role of the management account, and publishes the ids the next steps need", () => {
    const roles = Object.entries(resources(s(), "aws_iam_role"));
    expect(roles.map(([, r]) => r.name)).toEqual(["github-plan"]);
    const [id, role] = roles[0];
    const oidc = `\${aws_iam_openid_connect_provider.${Object.keys(resources(s(), "aws_iam_openid_connect_provider"))[0]}.arn}`;
    expect(policy(role.assume_role_policy)).toEqual(document({
      Sid: "GithubActions", Effect: "Allow", Principal: { Federated: oidc }, Action: "sts:AssumeRoleWithWebIdentity",
      Condition: { StringEquals: {
        "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
        "token.actions.githubusercontent.com:sub": ["repo:platform-team/platform-infrastructure:pull_request", "repo:platform-team/platform-infrastructure:ref:refs/heads/main"],
      } },
    }));
    expect(role.tags).toEqual({ "github-access": "plan" });
    const own = `\${aws_iam_role.${id}.name}`;
    expect(Object.values(resources(s(), "aws_iam_role_policy_attachment")).map((a) => [a.role, a.policy_arn])).toEqual([[own, `${ARN}:iam::aws:policy/ReadOnlyAccess`]]);
    const inline = policy(Object.values(resources(s(), "aws_iam_role_policy"))[0].policy);
    expect(inline.Statement.map((st) => [st.Sid, st.Resource])).toEqual([
      ["ReadState", [`${ARN}:s3:::saas-management-eu-west-1-tfstate`, `${ARN}:s3:::saas-management-eu-west-1-tfstate/*`]],
      ["TakeStateLocks", [`${ARN}:s3:::saas-management-eu-west-1-tfstate/*.tflock`]],
      ["LockTable", [`${ARN}:dynamodb:eu-west-1:${ACCOUNT}:table/saas-management-eu-west-1-tflock`]],
      ["StateKey", ["${data.aws_kms_alias.StateKey.target_key_arn}"]],
      ["RefreshManagedSecrets", [`${ARN}:secretsmanager:eu-west-1:${ACCOUNT}:secret:*`]],
    ]);
    expect(Object.keys(s().output ?? {}).sort()).toEqual(["account_ids", "budget_alerts_topic_arn", "organization_id", "plan_role_arn"]);
    expect(s().terraform.backend).toEqual({ s3: {
      bucket: "saas-management-eu-west-1-tfstate", key: "_organization/the-stack/governance.tfstate", region: "eu-west-1",
      encrypt: true, dynamodb_table: "saas-management-eu-west-1-tflock", use_lockfile: true,
    } });
  });

  it("leaves the trail and GuardDuty out until the logs and administrator accounts have ids", () => {
    expect(resources(s(), "aws_cloudtrail")).toEqual({});
    expect(resources(s(), "aws_guardduty_organization_admin_account")).toEqual({});
    expect(s().provider.aws).toHaveLength(1);
  });
});

describe("the-stack organization with its logs and monitoring accounts created", () => {
  const LOGS = "222233334444";
  const MONITORING = "555566667777";
  const withIds: OrganizationInput = {
    ...ORGANIZATION,
    accounts: ORGANIZATION.accounts.map((a) => (a.label === "saas-logs" ? { ...a, id: LOGS } : a.label === "saas-monitoring" ? { ...a, id: MONITORING } : a)),
  };
  const synth = (() => {
    const app = testApp();
    const stateStack = new StateStack(app, { account: withIds.management, backend: stateBackendFor(withIds.management, withIds.region) });
    return JSON.parse(Testing.synth(new OrganizationGovernanceStack(app, { organization: withIds, governance: GOVERNANCE, stateStack }))) as StackJson;
  })();
  const trailArn = `${ARN}:cloudtrail:eu-west-1:${ACCOUNT}:trail/the-stack-organization`;

  it("reaches the logs and monitoring accounts through the kit's assume-role providers", () => {
    expect(synth.provider.aws.map((p) => [p.alias, p.allowed_account_ids, (p.assume_role as { role_arn: string }[] | undefined)?.[0].role_arn])).toEqual([
      [undefined, undefined, undefined],
      ["saas-logs-eu-west-1", [LOGS], `arn:aws:iam::${LOGS}:role/platform-terraform`],
      ["saas-monitoring-eu-west-1", [MONITORING], `arn:aws:iam::${MONITORING}:role/platform-terraform`],
    ]);
  });

  it("logs every account in every region, validated and encrypted, into the logs account's bucket", () => {
    const trail = Object.values(resources(synth, "aws_cloudtrail"));
    expect(trail).toHaveLength(1);
    const bucketId = Object.keys(resources(synth, "aws_s3_bucket"))[0];
    const keyId = Object.keys(resources(synth, "aws_kms_key")).find((k) => k.startsWith("TrailBucket"))!;
    const policyId = Object.keys(resources(synth, "aws_s3_bucket_policy"))[0];
    expect(trail[0]).toMatchObject({
      name: "the-stack-organization", s3_bucket_name: `\${aws_s3_bucket.${bucketId}.bucket}`, kms_key_id: `\${aws_kms_key.${keyId}.arn}`,
      is_organization_trail: true, is_multi_region_trail: true, include_global_service_events: true, enable_log_file_validation: true, enable_logging: true,
      depends_on: [`aws_s3_bucket_policy.${policyId}`],
    });
    for (const type of ["aws_s3_bucket", "aws_s3_bucket_policy", "aws_kms_key"]) {
      const inLogs = Object.entries(resources(synth, type)).filter(([id]) => id.startsWith("TrailBucket"));
      for (const [, r] of inLogs) expect(r.provider).toBe("aws.saas-logs-eu-west-1");
    }
    expect(resources(synth, "aws_s3_bucket")[bucketId]).toMatchObject({ bucket: "the-stack-organization-trail", lifecycle: { prevent_destroy: true } });
  });

  it("logs the trail bucket's requests into the logs account's access-log bucket of its region, through the logs account's provider", () => {
    const bucketId = Object.keys(resources(synth, "aws_s3_bucket"))[0];
    expect(Object.values(resources(synth, "aws_s3_bucket_logging"))).toEqual([expect.objectContaining({
      bucket: `\${aws_s3_bucket.${bucketId}.id}`, target_bucket: `saas-logs-${LOGS}-eu-west-1-access-logs`, target_prefix: "the-stack-organization-trail/",
      provider: "aws.saas-logs-eu-west-1",
    })]);
  });

  it("builds the logs account's state stack, which holds that access-log bucket, before the organization's stack", () => {
    const app = testApp();
    buildStacks(app, DEPLOYMENTS.filter((d) => d.name === "serverless-saas-dev"), DEPLOYMENTS, withIds);
    const logsState = app.node.findChild("saas-logs-eu-west-1-state") as StateStack;
    expect(logsState.backend.accessLogBucket).toBe(`saas-logs-${LOGS}-eu-west-1-access-logs`);
    const org = app.node.children.find((c): c is OrganizationGovernanceStack => c instanceof OrganizationGovernanceStack)!;
    expect(org.dependencies).toContain(logsState);
  });

  it("lets only this trail write into the bucket, under the management account's and the organization's prefixes", () => {
    const bucket = "arn:${data.aws_partition.Partition.partition}:s3:::the-stack-organization-trail";
    const arn = `\${aws_s3_bucket.${Object.keys(resources(synth, "aws_s3_bucket"))[0]}.arn}`;
    expect(policy(Object.values(resources(synth, "aws_s3_bucket_policy"))[0].policy)).toEqual(document(
      { Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [arn, `${arn}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } },
      { Sid: "CloudTrailChecksAcl", Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "s3:GetBucketAcl", Resource: bucket, Condition: { StringEquals: { "aws:SourceArn": trailArn } } },
      {
        Sid: "CloudTrailWrites", Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "s3:PutObject",
        Resource: [`${bucket}/AWSLogs/${ACCOUNT}/*`, `${bucket}/AWSLogs/\${aws_organizations_organization.Organization.id}/*`],
        Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": trailArn } },
      },
    ));
  });

  it("lets CloudTrail encrypt with the logs account's key only for this trail", () => {
    const key = Object.entries(resources(synth, "aws_kms_key")).find(([id]) => id.startsWith("TrailBucket"))![1];
    expect(policy(key.policy)).toEqual(document(
      { Sid: "AccountRootAdministers", Effect: "Allow", Principal: { AWS: `${ARN}:iam::${LOGS}:root` }, Action: "kms:*", Resource: "*" },
      {
        Sid: "CloudTrailEncrypts", Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "kms:GenerateDataKey*", Resource: "*",
        Condition: { StringEquals: { "aws:SourceArn": trailArn }, StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": `${ARN}:cloudtrail:*:${ACCOUNT}:trail/*` } },
      },
      { Sid: "CloudTrailDescribesKey", Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "kms:DescribeKey", Resource: "*", Condition: { StringEquals: { "aws:SourceArn": trailArn } } },
    ));
  });

  it("delegates GuardDuty to the monitoring account and enables it, with the configured protection plans, in every member", () => {
    const detectorId = Object.keys(resources(synth, "aws_guardduty_detector"))[0];
    const detector = `\${aws_guardduty_detector.${detectorId}.id}`;
    expect(resources(synth, "aws_guardduty_detector")[detectorId]).toMatchObject({ enable: true, finding_publishing_frequency: "FIFTEEN_MINUTES", provider: "aws.saas-monitoring-eu-west-1" });
    const delegation = Object.values(resources(synth, "aws_guardduty_organization_admin_account"));
    expect(delegation).toEqual([expect.objectContaining({ admin_account_id: MONITORING, depends_on: [`aws_guardduty_detector.${detectorId}`] })]);
    expect(delegation[0]).not.toHaveProperty("provider");
    expect(Object.values(resources(synth, "aws_guardduty_organization_configuration"))).toEqual([expect.objectContaining({ detector_id: detector, auto_enable_organization_members: "ALL" })]);
    const features = Object.values(resources(synth, "aws_guardduty_organization_configuration_feature"));
    expect(features.map((f) => [f.name, f.auto_enable, f.detector_id]).sort()).toEqual(
      ["EBS_MALWARE_PROTECTION", "LAMBDA_NETWORK_LOGS", "RUNTIME_MONITORING", "S3_DATA_EVENTS"].map((n) => [n, "ALL", detector]));
    expect(features.find((f) => f.name === "RUNTIME_MONITORING")!.additional_configuration).toEqual(
      ["EKS_ADDON_MANAGEMENT", "ECS_FARGATE_AGENT_MANAGEMENT", "EC2_AGENT_MANAGEMENT"].map((name) => ({ name, auto_enable: "ALL" })));
  });
});
