/**
 * The serverless-saas organization ("The Stack", seed 003): its
 * organizational units, member accounts, guardrails, audit trail, GuardDuty
 * and budgets, built once in the management account by
 * stacks/organization-governance-stack.ts. Checked by
 * {@link organizationProblems} before any construct is built. The seed names
 * the accounts and asks for "Control Tower and audit trail" and "Billing
 * alerts and tags"; it gives no e-mails, amounts or SCP contents, so those
 * below are our choices (docs/governance.md).
 */

import { ACCOUNTS, type AccountInput } from "./accounts";
import type { AccountRef, Deployment } from "./deployment";
import type { ConfigProblem } from "./errors";
import { SUPPORTED_REGIONS } from "./regions";

/** The guardrails an SCP exists for, each built by modules/governance/guardrails.ts. */
export const GUARDRAILS = ["deny-leave-organization", "protect-security-services", "deny-root-user", "restrict-regions", "require-imdsv2", "protect-ebs-encryption"] as const;
export type Guardrail = (typeof GUARDRAILS)[number];

/** GuardDuty protection plans, by their detector feature names. */
export const GUARDDUTY_FEATURES = ["S3_DATA_EVENTS", "EKS_AUDIT_LOGS", "EBS_MALWARE_PROTECTION", "RDS_LOGIN_EVENTS", "RUNTIME_MONITORING", "LAMBDA_NETWORK_LOGS"] as const;
export type GuarddutyFeature = (typeof GUARDDUTY_FEATURES)[number];

/** What workload accounts share with the monitoring account through CloudWatch cross-account observability (OAM). */
export const OAM_RESOURCE_TYPES = ["AWS::CloudWatch::Metric", "AWS::Logs::LogGroup", "AWS::XRay::Trace"] as const;
export type OamResourceType = (typeof OAM_RESOURCE_TYPES)[number];

/** One member account of the organization. */
export interface MemberAccountInput {
  /** Label, as in config/accounts.ts for accounts that host deployments: 3-32 lowercase letters, digits and hyphens. */
  readonly label: string;
  /** Account name shown in Organizations (1-50 characters). */
  readonly name: string;
  /** Root user e-mail, unique across AWS. */
  readonly email: string;
  /** Organizational unit, by name. */
  readonly ou: string;
  /** 12-digit id once the account exists; reaching into the account (trail bucket, GuardDuty) needs it. @default not yet created */
  readonly id?: string;
  /** Monthly budget in USD. */
  readonly monthlyBudgetUsd: number;
}

/** One alert of every budget: a percentage of the limit, on actual or forecast spend. */
export interface BudgetAlert {
  readonly percent: number;
  readonly on: "ACTUAL" | "FORECASTED";
}

/** The organization and everything in it that is managed from its management account. */
export interface OrganizationInput {
  /** Label of the organization: stack `<name>-organization-governance`. */
  readonly name: string;
  /** The management account (payer); it runs the organization stack. */
  readonly management: AccountRef;
  /** Region of the organization stack, its trail's home and its state. */
  readonly region: string;
  /** Regions any member account may use (the region guardrail denies the rest, global services excepted). */
  readonly allowedRegions: readonly string[];
  /** Organizational units as `name -> parent` (absent parent: the root). */
  readonly units: Readonly<Record<string, string | undefined>>;
  readonly accounts: readonly MemberAccountInput[];
  /** Which guardrails (SCPs) attach to which units. */
  readonly guardrails: Readonly<Record<Guardrail, readonly string[]>>;
  /** Tag keys every resource carries (the provider's default tags): a tag policy fixes their casing, and they are cost allocation tags. */
  readonly requiredTags: readonly string[];
  /** Units the tag policy attaches to. */
  readonly tagPolicyUnits: readonly string[];
  /** Control Tower controls enabled per unit (by control identifier, e.g. `AWS-GR_RESTRICT_ROOT_USER_ACCESS_KEYS`). */
  readonly controls: Readonly<Record<string, readonly string[]>>;
  /** The organization trail, delivered into a bucket of the logs account. */
  readonly trail: { readonly name: string; readonly logsAccount: string; readonly bucketName: string };
  /** GuardDuty for every member, administered by a delegated account. */
  readonly guardDuty: {
    readonly adminAccount: string;
    readonly findingFrequency: "FIFTEEN_MINUTES" | "ONE_HOUR" | "SIX_HOURS";
    readonly features: readonly GuarddutyFeature[];
  };
  /** Billing alerts: one budget per account and one consolidated, each alerting the topic and these addresses. */
  readonly budgets: {
    readonly consolidatedMonthlyUsd: number;
    readonly alertEmails: readonly string[];
    readonly alerts: readonly BudgetAlert[];
  };
  /**
   * Cross-account observability: the monitoring account holds the OAM sink;
   * every member account hosting a deployment links these resource types to it.
   * @default none
   */
  readonly observability?: { readonly monitoringAccount: string; readonly resourceTypes: readonly OamResourceType[] };
}

/** Mailbox of the platform team; plus-addressing gives every account its own root e-mail. */
const mail = (label: string) => `aws+${label}@thestack.example.com`;

/** The Stack's organization (seed 003). */
export const ORGANIZATION: OrganizationInput = {
  name: "the-stack",
  management: { name: "saas-management" },
  region: "eu-west-1",
  // eu-west-1 hosts the platform; us-east-1 is where CloudFront certificates and WAF must live.
  allowedRegions: ["eu-west-1", "us-east-1"],
  units: { security: undefined, workloads: undefined, production: "workloads", integration: "workloads", sandbox: undefined },
  accounts: [
    { label: "saas-prod-multi-tenant", name: "Production Multi-tenant", email: mail("prod-multi-tenant"), ou: "production", monthlyBudgetUsd: 1000 },
    { label: "saas-prod-single-tenant", name: "Production Single-tenant", email: mail("prod-single-tenant"), ou: "production", monthlyBudgetUsd: 500 },
    { label: "saas-integration-test", name: "Integration Test", email: mail("integration-test"), ou: "integration", monthlyBudgetUsd: 200 },
    { label: "saas-developer", name: "Individual Developer", email: mail("developer"), ou: "sandbox", monthlyBudgetUsd: 100 },
    { label: "saas-monitoring", name: "Monitoring", email: mail("monitoring"), ou: "security", monthlyBudgetUsd: 100 },
    { label: "saas-logs", name: "Logs", email: mail("logs"), ou: "security", monthlyBudgetUsd: 100 },
  ],
  guardrails: {
    "deny-leave-organization": ["security", "workloads", "sandbox"],
    "protect-security-services": ["security", "workloads", "sandbox"],
    "deny-root-user": ["security", "workloads", "sandbox"],
    "restrict-regions": ["security", "workloads", "sandbox"],
    "require-imdsv2": ["workloads", "sandbox"],
    "protect-ebs-encryption": ["workloads", "sandbox"],
  },
  requiredTags: ["system", "environment", "layer", "managed-by", "repository"],
  tagPolicyUnits: ["workloads", "sandbox"],
  controls: {
    workloads: ["AWS-GR_RESTRICT_ROOT_USER_ACCESS_KEYS", "AWS-GR_ENCRYPTED_VOLUMES", "AWS-GR_RDS_STORAGE_ENCRYPTED"],
    security: ["AWS-GR_RESTRICT_ROOT_USER_ACCESS_KEYS"],
  },
  trail: { name: "the-stack-organization", logsAccount: "saas-logs", bucketName: "the-stack-organization-trail" },
  guardDuty: {
    adminAccount: "saas-monitoring",
    findingFrequency: "FIFTEEN_MINUTES",
    features: ["S3_DATA_EVENTS", "EBS_MALWARE_PROTECTION", "LAMBDA_NETWORK_LOGS", "RUNTIME_MONITORING"],
  },
  budgets: {
    consolidatedMonthlyUsd: 2000,
    alertEmails: ["platform-billing@thestack.example.com"],
    alerts: [{ percent: 80, on: "ACTUAL" }, { percent: 100, on: "ACTUAL" }, { percent: 100, on: "FORECASTED" }],
  },
  // The seed's monitoring account: "CloudWatch Dashboards", "CloudWatch Metrics/Alarms", "XRay Analytics", "Xray Cross-account".
  observability: { monitoringAccount: "saas-monitoring", resourceTypes: OAM_RESOURCE_TYPES },
};

/** An e-mail address AWS accepts for an account root user or a budget subscriber (RFC 5321 length, one @, a dotted domain). */
const EMAIL = /^(?=.{6,64}$)[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
const LABEL = /^[a-z][a-z0-9-]{1,30}[a-z0-9]$/;

/**
 * Every problem of the organization's config, as `organization: <field> =
 * <value>: <allowed>`: e-mails, duplicate names and e-mails, units and
 * accounts that name nothing, a region list that leaves out a region a
 * member account's deployment runs in, thresholds and amounts, and a unit or
 * id that contradicts the accounts registry.
 */
export function organizationProblems(org: OrganizationInput, deployments: readonly Deployment[], registry: readonly AccountInput[] = ACCOUNTS): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const problem = (field: string, value: unknown, allowed: string) => problems.push({ deployment: "organization", field, value, allowed });
  const units = Object.keys(org.units);
  const unitList = units.join(", ");
  for (const [unit, parent] of Object.entries(org.units)) {
    if (!/^[\w .-]{1,128}$/.test(unit)) problem(`units.${unit}`, unit, "must be 1-128 letters, digits, spaces and _.- (organizational unit names)");
    if (parent !== undefined && !(parent in org.units)) problem(`units.${unit}`, parent, `must name another unit (${unitList}) or none for the root`);
  }
  const seen = { label: new Map<string, number>(), name: new Map<string, number>(), email: new Map<string, number>() };
  org.accounts.forEach((a, i) => {
    const field = (f: string) => `accounts.${i}.${f}`;
    if (!LABEL.test(a.label)) problem(field("label"), a.label, "must be 3-32 characters of lowercase letters, digits and hyphens, starting with a letter");
    if (a.name.length < 1 || a.name.length > 50) problem(field("name"), a.name, "must be 1-50 characters (Organizations account names)");
    if (!EMAIL.test(a.email)) problem(field("email"), a.email, "must be an e-mail address (local@domain.tld, 6-64 characters)");
    if (a.id !== undefined && !/^\d{12}$/.test(a.id)) problem(field("id"), a.id, "must be a 12-digit AWS account id");
    if (!units.includes(a.ou)) problem(field("ou"), a.ou, `must name an organizational unit (${unitList})`);
    if (!(a.monthlyBudgetUsd > 0)) problem(field("monthlyBudgetUsd"), a.monthlyBudgetUsd, "must be a positive amount in USD");
    const registered = registry.find((r) => r.name === a.label);
    if (registered?.ou !== undefined && registered.ou !== a.ou) problem(field("ou"), a.ou, `must be ${registered.ou}, the unit config/accounts.ts gives ${a.label}`);
    if (registered?.id !== undefined && a.id !== undefined && registered.id !== a.id) problem(field("id"), a.id, `must be ${registered.id}, the id config/accounts.ts gives ${a.label}`);
    for (const key of ["label", "name", "email"] as const) {
      const value = key === "email" ? a.email.toLowerCase() : a[key];
      const earlier = seen[key].get(value);
      if (earlier !== undefined) problem(field(key), a[key], `is already accounts.${earlier}.${key}; each account needs its own ${key}`);
      else seen[key].set(value, i);
    }
  });
  const labels = org.accounts.map((a) => a.label);
  const regions = new Set(SUPPORTED_REGIONS);
  org.allowedRegions.forEach((r, i) => {
    if (!regions.has(r)) problem(`allowedRegions.${i}`, r, `must be a supported region (${SUPPORTED_REGIONS.join(", ")})`);
  });
  if (!org.allowedRegions.includes(org.region)) problem("allowedRegions", org.allowedRegions, `must include the organization's own region ${org.region}`);
  for (const d of deployments.filter((d) => labels.includes(d.account.name))) {
    if (!org.allowedRegions.includes(d.region)) problem("allowedRegions", org.allowedRegions, `must include ${d.region}, where ${d.name} runs in member account ${d.account.name}`);
  }
  for (const [guardrail, targets] of Object.entries(org.guardrails)) {
    targets.filter((u) => !units.includes(u)).forEach((u) => problem(`guardrails.${guardrail}`, u, `must name an organizational unit (${unitList})`));
  }
  org.tagPolicyUnits.filter((u) => !units.includes(u)).forEach((u) => problem("tagPolicyUnits", u, `must name an organizational unit (${unitList})`));
  Object.keys(org.controls).filter((u) => !units.includes(u)).forEach((u) => problem(`controls.${u}`, u, `must name an organizational unit (${unitList})`));
  for (const [field, label] of [["trail.logsAccount", org.trail.logsAccount], ["guardDuty.adminAccount", org.guardDuty.adminAccount]] as const) {
    if (!labels.includes(label)) problem(field, label, `must name a member account (${labels.join(", ")})`);
  }
  if (org.observability) {
    const { monitoringAccount, resourceTypes } = org.observability;
    if (!labels.includes(monitoringAccount)) problem("observability.monitoringAccount", monitoringAccount, `must name a member account (${labels.join(", ")})`);
    if (resourceTypes.length === 0) problem("observability.resourceTypes", resourceTypes, `must list at least one of ${OAM_RESOURCE_TYPES.join(", ")}`);
    for (const d of deployments.filter((d) => labels.includes(d.account.name) && d.region !== org.region)) {
      problem("observability.monitoringAccount", monitoringAccount, `has its sink in ${org.region}, but ${d.name} runs in ${d.region} (an OAM link reaches a sink of its own region only)`);
    }
    resourceTypes.filter((t) => !OAM_RESOURCE_TYPES.includes(t)).forEach((t) => problem("observability.resourceTypes", t, `must be one of ${OAM_RESOURCE_TYPES.join(", ")}`));
  }
  org.budgets.alertEmails.forEach((e, i) => {
    if (!EMAIL.test(e)) problem(`budgets.alertEmails.${i}`, e, "must be an e-mail address (local@domain.tld, 6-64 characters)");
  });
  if (org.budgets.alertEmails.length > 10) problem("budgets.alertEmails", org.budgets.alertEmails, "must be at most 10 addresses (AWS Budgets: one SNS and up to 10 e-mail subscribers per notification)");
  if (org.budgets.alerts.length > 10) problem("budgets.alerts", org.budgets.alerts, "must be at most 10 (AWS Budgets notifications per budget)");
  org.budgets.alerts.forEach((a, i) => {
    if (!(a.percent > 0 && a.percent <= 1000)) problem(`budgets.alerts.${i}.percent`, a.percent, "must be above 0 and at most 1000 (percent of the budget)");
  });
  return problems;
}
