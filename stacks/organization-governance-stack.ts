import { DataAwsKmsAlias } from "@cdktf/provider-aws/lib/data-aws-kms-alias";
import { OrganizationsOrganization } from "@cdktf/provider-aws/lib/organizations-organization";
import { S3Backend, TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import type { GovernanceInput } from "../config/governance";
import { GUARDRAILS, type OrganizationInput } from "../config/organization";
import { MANAGED_BY } from "../config/repository";
import { stateBackendFor } from "../lib/state-backend";
import { Budget } from "../modules/governance/budget";
import { ControlTowerControls } from "../modules/governance/control-tower-controls";
import { CostAllocationTags } from "../modules/governance/cost-allocation-tags";
import { GUARDRAIL_STATEMENTS } from "../modules/governance/guardrails";
import { GithubDeployRole } from "../modules/governance/github-deploy-role";
import { GithubOidcProvider } from "../modules/governance/github-oidc-provider";
import { GuarddutyOrganization } from "../modules/governance/guardduty-organization";
import { MemberAccount } from "../modules/governance/member-account";
import { OrganizationTrail } from "../modules/governance/organization-trail";
import { OrganizationalUnits } from "../modules/governance/organizational-units";
import { planStateAccess } from "../modules/governance/plan-state-access";
import { OrganizationPolicy } from "../modules/governance/service-control-policy";
import { tagPolicyContent } from "../modules/governance/tag-policy";
import { TrailBucket } from "../modules/governance/trail-bucket";
import { KmsKey } from "../modules/kms/kms-key";
import { topicPublisherKeyUse } from "../modules/kms/key-grants";
import { Topic } from "../modules/messaging/topic";
import type { PlatformStack } from "./platform-stack";
import { ScopeStack } from "./scope-stack";

/** Props of the organization's governance stack. */
export interface OrganizationGovernanceStackProps {
  readonly organization: OrganizationInput;
  /** The repository and role settings every account's governance shares (config/governance.ts). */
  readonly governance: GovernanceInput;
  /** The management account's state stack, which holds this stack's state; applied first. */
  readonly stateStack: PlatformStack;
}

/** Services the organization trusts to work across its accounts. */
const SERVICE_ACCESS = [
  "cloudtrail.amazonaws.com", "config.amazonaws.com", "controltower.amazonaws.com", "guardduty.amazonaws.com",
  "member.org.stacksets.cloudformation.amazonaws.com", "sso.amazonaws.com", "tagpolicies.tag.amazonaws.com",
];

/**
 * The organization (`<name>-organization-governance`, management account):
 * units, member accounts, guardrails and the tag policy, Control Tower
 * controls, budgets and cost allocation tags; once the logs and GuardDuty
 * administrator accounts have ids in config/organization.ts, the
 * organization trail into the logs account's bucket and GuardDuty for every
 * member, reached through the kit's assume-role providers. The management
 * account gets GitHub's OIDC provider and a read-only plan role, so pull
 * requests can plan this stack; nothing here lets CI apply it.
 */
export class OrganizationGovernanceStack extends ScopeStack {
  constructor(scope: Construct, props: OrganizationGovernanceStackProps) {
    const org = props.organization;
    super(scope, "governance", { kind: "organization", organization: org.name, management: org.management, region: org.region });
    const backend = stateBackendFor(org.management, org.region);
    new S3Backend(this, { bucket: backend.bucket, key: `_organization/${org.name}/governance.tfstate`, region: backend.region, encrypt: true, dynamodbTable: backend.lockTable });
    this.addOverride("terraform.backend.s3.use_lockfile", true);
    this.addDependency(props.stateStack);

    // Usually imported (docs/governance.md): the organization exists before any Terraform runs.
    const organization = new OrganizationsOrganization(this, "Organization", {
      featureSet: "ALL",
      awsServiceAccessPrincipals: SERVICE_ACCESS,
      enabledPolicyTypes: ["SERVICE_CONTROL_POLICY", "TAG_POLICY"],
      lifecycle: { preventDestroy: true },
    });
    const rootId = organization.roots.get(0).id;
    const units = new OrganizationalUnits(this, "Units", { rootId, units: org.units });
    const unit = (name: string) => units.byName.get(name)!;
    const accounts = new Map(org.accounts.map((a) => [a.label, new MemberAccount(this, `Account-${a.label}`, { name: a.name, email: a.email, parentId: unit(a.ou).id })]));

    for (const guardrail of GUARDRAILS) {
      new OrganizationPolicy(this, `Guardrail-${guardrail}`, {
        name: `${org.name}-${guardrail}`,
        description: `Guardrail ${guardrail} of ${org.name}`,
        type: "SERVICE_CONTROL_POLICY",
        content: { Version: "2012-10-17", Statement: GUARDRAIL_STATEMENTS[guardrail](org.allowedRegions) },
        targets: Object.fromEntries(org.guardrails[guardrail].map((u) => [u, unit(u).id])),
      });
    }
    new OrganizationPolicy(this, "TagPolicy", {
      name: `${org.name}-required-tags`,
      description: "Casing of the tag keys every resource carries",
      type: "TAG_POLICY",
      content: tagPolicyContent(org.requiredTags),
      targets: Object.fromEntries(org.tagPolicyUnits.map((u) => [u, unit(u).id])),
    });
    new CostAllocationTags(this, "CostAllocationTags", { keys: org.requiredTags });
    new ControlTowerControls(this, "Controls", {
      region: org.region, partition: this.partition,
      byUnit: Object.entries(org.controls).map(([u, controls]) => ({ unit: u, unitArn: unit(u).arn, controls })),
    });

    const alertsName = `${org.name}-budget-alerts`;
    const alertsKey = new KmsKey(this, "BudgetAlertsKey", {
      alias: alertsName, description: "Encrypts the budget alerts topic", accountId: this.accountId, partition: this.partition,
      grants: [topicPublisherKeyUse({
        sid: "BudgetsPublishes", service: "budgets.amazonaws.com", accountId: this.accountId,
        topicArns: [`arn:${this.partition}:sns:${org.region}:${this.accountId}:${alertsName}`],
      })],
    });
    const alerts = new Topic(this, "BudgetAlerts", { name: alertsName, kmsKeyArn: alertsKey.arn, accountId: this.accountId, servicePublishers: ["budgets.amazonaws.com"] });
    const budget = (id: string, name: string, limitUsd: number, linkedAccountId?: string) =>
      new Budget(this, id, { name, limitUsd, linkedAccountId, alerts: org.budgets.alerts, topicArn: alerts.arn, emails: org.budgets.alertEmails });
    budget("Budget-consolidated", `${org.name}-consolidated`, org.budgets.consolidatedMonthlyUsd);
    for (const a of org.accounts) budget(`Budget-${a.label}`, `${org.name}-${a.label}`, a.monthlyBudgetUsd, accounts.get(a.label)!.id);

    const member = (label: string) => org.accounts.find((a) => a.label === label)!;
    const logs = member(org.trail.logsAccount);
    if (logs.id) {
      const trailArn = `arn:${this.partition}:cloudtrail:${org.region}:${this.accountId}:trail/${org.trail.name}`;
      const bucket = new TrailBucket(this, "TrailBucket", {
        bucketName: org.trail.bucketName, trailArn, managementAccountId: this.accountId, organizationId: organization.id,
        logsAccountId: logs.id, partition: this.partition,
        accessLogBucket: stateBackendFor({ name: logs.label, id: logs.id }, org.region).accessLogBucket,
        provider: this.providerFor({ region: org.region, account: { name: logs.label, id: logs.id } }),
      });
      new OrganizationTrail(this, "Trail", { name: org.trail.name, bucketName: bucket.bucket.bucketName, kmsKeyArn: bucket.keyArn, bucketPolicy: bucket.bucket.policy });
    }
    const guardDutyAdmin = member(org.guardDuty.adminAccount);
    if (guardDutyAdmin.id) {
      new GuarddutyOrganization(this, "GuardDuty", {
        adminAccountId: guardDutyAdmin.id,
        adminProvider: this.providerFor({ region: org.region, account: { name: guardDutyAdmin.label, id: guardDutyAdmin.id } }),
        findingFrequency: org.guardDuty.findingFrequency, features: org.guardDuty.features,
      });
    }

    const s = props.governance;
    const repo = `repo:${s.repository}`;
    const oidc = new GithubOidcProvider(this, "GithubOidc");
    const stateKey = new DataAwsKmsAlias(this, "StateKey", { name: `alias/${backend.keyAlias}` });
    const plan = new GithubDeployRole(this, "PlanRole", {
      name: s.planRoleName,
      description: "Read-only plans of the organization stack from this repository's pull requests and default branch",
      oidcProviderArn: oidc.arn,
      access: "plan",
      subjects: [`${repo}:pull_request`, `${repo}:ref:refs/heads/${s.defaultBranch}`],
      maxSessionSeconds: s.maxSessionSeconds,
      managedPolicyArns: { ReadOnly: `arn:${this.partition}:iam::aws:policy/ReadOnlyAccess` },
      inlinePolicy: {
        name: "terraform-plan-state",
        statements: planStateAccess([{ region: org.region, bucket: backend.bucket, lockTable: backend.lockTable, keyArn: stateKey.targetKeyArn }], this.accountId, this.partition, MANAGED_BY),
      },
    });

    new TerraformOutput(this, "plan_role_arn", { value: plan.roleArn, description: "Read-only plan role of the management account: repository variable AWS_PLAN_ROLE_ARN_<ORGANIZATION>_ORGANIZATION" });
    new TerraformOutput(this, "organization_id", { value: organization.id, description: "Id of the organization" });
    new TerraformOutput(this, "account_ids", {
      value: Object.fromEntries([...accounts].map(([label, a]) => [label, a.id])),
      description: "Member account ids by label: copy them into config/organization.ts (and config/accounts.ts) after the first apply",
    });
    new TerraformOutput(this, "budget_alerts_topic_arn", { value: alerts.arn, description: "SNS topic every budget alert publishes to" });
  }
}
