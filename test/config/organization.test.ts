import { describe, expect, it } from "vitest";
import { formatProblem } from "../../config/errors";
import { ORGANIZATION, type OrganizationInput, organizationProblems } from "../../config/organization";
import { OrganizationPolicy, SCP_MAX_CHARACTERS } from "../../modules/governance/service-control-policy";
import { DEPLOYMENTS } from "../support/deployments";
import { problemsOf } from "../support/modules";

const problems = (org: OrganizationInput): string[] => organizationProblems(org, DEPLOYMENTS).map(formatProblem);
const withAccount = (i: number, change: Partial<OrganizationInput["accounts"][number]>): OrganizationInput =>
  ({ ...ORGANIZATION, accounts: ORGANIZATION.accounts.map((a, j) => (i === j ? { ...a, ...change } : a)) });
const EMAIL = "must be an e-mail address (local@domain.tld, 6-64 characters)";

describe("organization config", () => {
  it("has no problem as configured", () => {
    expect(problems(ORGANIZATION)).toEqual([]);
  });

  it.each(["not-an-email", "a@b", "ops@thestack", "two@@thestack.example.com", "spaces in@thestack.example.com", `${"a".repeat(50)}@thestack.example.com`])(
    "refuses the account e-mail %j", (email) => {
      expect(problems(withAccount(1, { email }))).toEqual([`organization: accounts.1.email = ${JSON.stringify(email)}: ${EMAIL}`]);
    });

  it("accepts an e-mail of exactly 64 characters and refuses 65", () => {
    const at = (n: number) => `${"a".repeat(n - "@thestack.example.com".length)}@thestack.example.com`;
    expect(problems(withAccount(1, { email: at(64) }))).toEqual([]);
    expect(problems(withAccount(1, { email: at(65) }))).toEqual([`organization: accounts.1.email = "${at(65)}": ${EMAIL}`]);
  });

  it("refuses duplicate account names, labels and e-mails (e-mails case-insensitively)", () => {
    expect(problems(withAccount(1, { name: "Production Multi-tenant" }))).toEqual(['organization: accounts.1.name = "Production Multi-tenant": is already accounts.0.name; each account needs its own name']);
    expect(problems(withAccount(1, { label: "saas-prod-multi-tenant" }))).toEqual(['organization: accounts.1.label = "saas-prod-multi-tenant": is already accounts.0.label; each account needs its own label']);
    expect(problems(withAccount(1, { email: "AWS+prod-multi-tenant@thestack.example.com" }))).toEqual(['organization: accounts.1.email = "AWS+prod-multi-tenant@thestack.example.com": is already accounts.0.email; each account needs its own email']);
  });

  it("refuses a region list that leaves out a region a member account's deployment runs in", () => {
    expect(problems({ ...ORGANIZATION, allowedRegions: ["eu-west-1"] })).toEqual([]);
    expect(problems({ ...ORGANIZATION, observability: undefined, region: "us-east-1", allowedRegions: ["us-east-1"] })).toEqual([
      'organization: allowedRegions = ["us-east-1"]: must include eu-west-1, where serverless-saas-prod runs in member account saas-prod-multi-tenant',
      'organization: allowedRegions = ["us-east-1"]: must include eu-west-1, where serverless-saas-dev runs in member account saas-integration-test',
    ]);
    expect(problems({ ...ORGANIZATION, allowedRegions: ["us-east-1"] })[0]).toBe('organization: allowedRegions = ["us-east-1"]: must include the organization\'s own region eu-west-1');
  });

  it("refuses a unit or id that contradicts the accounts registry", () => {
    expect(problems(withAccount(2, { ou: "sandbox" }))).toEqual(['organization: accounts.2.ou = "sandbox": must be integration, the unit config/accounts.ts gives saas-integration-test']);
    const registry = [{ name: "saas-integration-test", id: "111122223333", purpose: "workloads" as const, environments: ["dev" as const], ou: "integration" }];
    const mismatch = organizationProblems(withAccount(2, { id: "444455556666" }), DEPLOYMENTS, registry).map(formatProblem);
    expect(mismatch).toEqual(['organization: accounts.2.id = "444455556666": must be 111122223333, the id config/accounts.ts gives saas-integration-test']);
    expect(organizationProblems(withAccount(2, { id: "111122223333" }), DEPLOYMENTS, registry)).toEqual([]);
  });

  it("refuses units, guardrail targets and member references that name nothing", () => {
    const units = "security, workloads, production, integration, sandbox";
    expect(problems(withAccount(3, { ou: "prod" }))).toEqual([`organization: accounts.3.ou = "prod": must name an organizational unit (${units})`]);
    expect(problems({ ...ORGANIZATION, guardrails: { ...ORGANIZATION.guardrails, "require-imdsv2": ["workload"] } })).toEqual([`organization: guardrails.require-imdsv2 = "workload": must name an organizational unit (${units})`]);
    expect(problems({ ...ORGANIZATION, units: { ...ORGANIZATION.units, sandbox: "nowhere" } })).toEqual([`organization: units.sandbox = "nowhere": must name another unit (${units}) or none for the root`]);
    expect(problems({ ...ORGANIZATION, trail: { ...ORGANIZATION.trail, logsAccount: "saas-log" } })).toEqual([
      'organization: trail.logsAccount = "saas-log": must name a member account (saas-prod-multi-tenant, saas-prod-single-tenant, saas-integration-test, saas-developer, saas-monitoring, saas-logs)',
    ]);
  });

  it("keeps budgets within AWS Budgets' limits", () => {
    const ten = Array.from({ length: 10 }, (_, i) => `billing${i}@thestack.example.com`);
    expect(problems({ ...ORGANIZATION, budgets: { ...ORGANIZATION.budgets, alertEmails: ten } })).toEqual([]);
    expect(problems({ ...ORGANIZATION, budgets: { ...ORGANIZATION.budgets, alertEmails: [...ten, "x11@thestack.example.com"] } })).toHaveLength(1);
    expect(problems({ ...ORGANIZATION, budgets: { ...ORGANIZATION.budgets, alertEmails: ["billing"] } })).toEqual([`organization: budgets.alertEmails.0 = "billing": ${EMAIL}`]);
    expect(problems(withAccount(2, { monthlyBudgetUsd: 0 }))).toEqual(["organization: accounts.2.monthlyBudgetUsd = 0: must be a positive amount in USD"]);
  });
});

describe("OrganizationPolicy", () => {
  const scp = (length: number) => ({ Version: "2012-10-17", Statement: [{ Sid: "x".repeat(length - 93), Effect: "Deny", Action: "*", Resource: "*" }] });
  it(`refuses a service control policy over ${SCP_MAX_CHARACTERS} characters and accepts one at the limit`, () => {
    expect(JSON.stringify(scp(SCP_MAX_CHARACTERS)).length).toBe(SCP_MAX_CHARACTERS);
    const build = (length: number) => problemsOf((s) => new OrganizationPolicy(s, "P", { name: "p", description: "d", type: "SERVICE_CONTROL_POLICY", content: scp(length), targets: {} }));
    expect(build(SCP_MAX_CHARACTERS)).toEqual([]);
    expect(build(SCP_MAX_CHARACTERS + 1)).toEqual([`test/P: content = ${JSON.stringify(JSON.stringify(scp(SCP_MAX_CHARACTERS + 1)))}: is 5121 characters; AWS allows at most 5120 in a service control policy`]);
  });
});
