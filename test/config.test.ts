import { configProblems } from "./support/config-problems";
import { describe, expect, it } from "vitest";
import { DEPLOYMENT_INPUTS } from "../config";
import type { AccountInput } from "../config/accounts";
import { resolveDeployments } from "../config/resolve";
import type { DeploymentInput } from "../config/resolve";
import { parseSelector, selectDeployments } from "../lib/select";

const base: DeploymentInput = {
  system: "commerce",
  environment: "prod",
  region: "us-west-2",
  account: "commerce-prod",
  network: { cidr: "10.0.0.0/16" },
};

/** Problems reported for the given inputs, one line each. */
const problemsOf = configProblems;
const with_ = (patch: Record<string, unknown>) => ({ ...base, ...patch });
const withNetwork = (patch: Record<string, unknown>) => ({ ...base, network: { ...base.network, ...patch } });

describe("the repository's own deployments", () => {
  it("validate, with presets applied", () => {
    const all = resolveDeployments(DEPLOYMENT_INPUTS);
    expect(all.map((d) => d.name)).toEqual([
      "stackflow-prod", "stackflow-dev", "webhooks-prod", "webhooks-dev", "axonflow-prod", "axonflow-dev",
      "serverless-saas-prod", "serverless-saas-dev", "commerce-prod", "commerce-staging", "commerce-dev",
    ]);
    const prod = all.find((d) => d.name === "commerce-prod")!;
    expect(prod).toMatchObject({ multiAz: true, deletionProtection: true, logRetentionDays: 365, network: { nat: "perAz" } });
    const dev = all.find((d) => d.name === "commerce-dev")!;
    expect(dev).toMatchObject({ multiAz: false, deletionProtection: false, logRetentionDays: 30, network: { nat: "single", azs: ["us-west-2a", "us-west-2b"] } });
  });
});

describe("bad configuration is rejected with one message per problem", () => {
  it.each<[string, unknown[], string[]]>([
    ["unknown region", [with_({ region: "us-east-7" })],
      ['commerce-prod: region = "us-east-7": must be one of: ap-northeast-1, ap-southeast-2, eu-central-1, eu-west-1, eu-west-2, us-east-1, us-east-2, us-west-2']],
    ["unknown environment", [with_({ environment: "qa" })],
      ['commerce-qa: environment = "qa": must be one of: dev, staging, prod']],
    ["unknown system", [with_({ system: "billing" })],
      ['billing-prod: system = "billing": must be one of: stackflow, webhooks, axonflow, serverless-saas, commerce']],
    ["malformed CIDR", [withNetwork({ cidr: "10.0.0.0/33" })],
      ['commerce-prod: network.cidr = "10.0.0.0/33": must be an IPv4 network in CIDR notation, without host bits or leading zeros, e.g. 10.0.0.0/16']],
    ["CIDR with host bits", [withNetwork({ cidr: "10.0.1.0/16" })],
      ['commerce-prod: network.cidr = "10.0.1.0/16": must be an IPv4 network in CIDR notation, without host bits or leading zeros, e.g. 10.0.0.0/16']],
    ["too-small CIDR", [withNetwork({ cidr: "10.0.0.0/24" })],
      ['commerce-prod: network.cidr = "10.0.0.0/24": prefix must be between /16 and /22 (three tiers need room for 3 AZs)']],
    ["too-large CIDR", [withNetwork({ cidr: "10.0.0.0/8" })],
      ['commerce-prod: network.cidr = "10.0.0.0/8": prefix must be between /16 and /22 (three tiers need room for 3 AZs)']],
    ["public CIDR", [withNetwork({ cidr: "52.0.0.0/16" })],
      ['commerce-prod: network.cidr = "52.0.0.0/16": must lie inside an RFC 1918 range (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16)']],
    ["one AZ", [withNetwork({ azCount: 1 })],
      ["commerce-prod: network.azCount = 1: must be a whole number between 2 and 3"]],
    ["four AZs", [withNetwork({ azCount: 4 })],
      ["commerce-prod: network.azCount = 4: must be a whole number between 2 and 3"]],
    ["unknown NAT mode", [withNetwork({ nat: "shared" })],
      ['commerce-prod: network.nat = "shared": must be one of: none, single, perAz']],
    ["unknown interface endpoint", [withNetwork({ interfaceEndpoints: ["s3-express"] })],
      [expect.stringMatching(/^commerce-prod: network\.interfaceEndpoints\.0 = "s3-express": must be one of: bedrock-runtime, ecr\.api, /) as unknown as string]],
    ["duplicate interface endpoint", [withNetwork({ interfaceEndpoints: ["sts", "logs", "sts"] })],
      ['commerce-prod: network.interfaceEndpoints = ["sts"]: each service may be listed once']],
    ["account not in the registry", [with_({ account: "Commerce Prod" })],
      [expect.stringMatching(/^commerce-prod: account = "Commerce Prod": must name an account of config\/accounts\.ts \(stackflow-prod, stackflow-dev, .*, commerce-nonprod\)$/) as unknown as string]],
    ["log retention CloudWatch does not offer", [with_({ logRetentionDays: 45 })],
      [expect.stringMatching(/^commerce-prod: logRetentionDays = 45: must be one of: 1, 3, 5, 7, 14, 30, 60, 90, .* \(CloudWatch Logs retention values\)$/) as unknown as string]],
    ["a dev deployment in a production account", [with_({ environment: "dev", network: { cidr: "10.2.0.0/20" } })],
      ["commerce-dev: account = \"commerce-prod\": hosts prod deployments only (config/accounts.ts); a dev deployment there would share the account's blast radius, quotas and IAM"]],
    ["CIDR with a zero-padded octet", [withNetwork({ cidr: "10.00.0.0/16" })],
      ['commerce-prod: network.cidr = "10.00.0.0/16": must be an IPv4 network in CIDR notation, without host bits or leading zeros, e.g. 10.0.0.0/16']],
    ["workload name ending in a hyphen", [withNetwork({ workloads: [{ name: "api-", description: "application containers" }] })],
      ['commerce-prod: network.workloads.0.name = "api-": must be 2-31 lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen']],
    ["a repeated ingress rule", [withNetwork({ workloads: [{ name: "api", description: "application containers" }, { name: "db", description: "database proxies", ingressFrom: [{ workload: "api", port: 5432 }, { workload: "api", port: 5432 }] }] })],
      ['commerce-prod: network.workloads.1.ingressFrom.1 = {"workload":"api","port":5432}: each workload and port may be listed once']],
    ["workload description AWS would refuse on a security group", [withNetwork({ workloads: [{ name: "api", description: "API-Container für Bestellungen" }] })],
      ['commerce-prod: network.workloads.0.description = "API-Container für Bestellungen": must say what runs behind the group in 10-255 characters of a-z A-Z 0-9, spaces and ._-:/()#,@[]+=&;{}!$* (AWS\'s security-group text)']],
    ["a CIDR given as a number", [withNetwork({ cidr: 10 })],
      ["commerce-prod: network.cidr = 10: must be a string, not a number"]],
    ["a list where an object belongs", [with_({ network: [] })],
      ["commerce-prod: network = []: must be an object, not a list"]],
    ["production without deletion protection", [with_({ deletionProtection: false })],
      ['commerce-prod: deletionProtection = false: must be true in staging and production, or accepted with acceptedRisks.unprotectedProduction: "<reason>"']],
    ["production backups under 7 days", [with_({ backupRetentionDays: 3 })],
      ['commerce-prod: backupRetentionDays = 3: must be at least 7 days in production, or accepted with acceptedRisks.shortBackupRetention: "<reason>"']],
    ["production logs kept under 90 days", [with_({ logRetentionDays: 30 })],
      ['commerce-prod: logRetentionDays = 30: must be at least 90 days in production, or accepted with acceptedRisks.shortLogRetention: "<reason>"']],
    ["a risk accepted without a real reason", [with_({ deletionProtection: false, acceptedRisks: { unprotectedProduction: "ok" } })],
      ['commerce-prod: acceptedRisks.unprotectedProduction = "ok": must give the reason in 20-500 characters (it is shown in review)']],
    ["misspelt setting", [with_({ multiAZ: true })],
      ["commerce-prod: multiAZ = true: is not a known setting (check the spelling)"]],
    ["missing CIDR", [with_({ network: {} })],
      ["commerce-prod: network.cidr = (missing): is required (a string)"]],
    ["duplicate deployment names", [base, { ...base, network: { cidr: "10.1.0.0/16" } }],
      ['commerce-prod: name = "commerce-prod": deployment names (<system>-<environment>) must be unique']],
    ["overlapping CIDRs, reported on both", [base, { ...base, environment: "dev", account: "commerce-nonprod", network: { cidr: "10.0.16.0/20" } }],
      ['commerce-dev: network.cidr = "10.0.16.0/20": must not overlap commerce-prod (10.0.0.0/16); VPC ranges stay disjoint so any two can be peered',
        'commerce-prod: network.cidr = "10.0.0.0/16": must not overlap commerce-dev (10.0.16.0/20); VPC ranges stay disjoint so any two can be peered']],
  ])("%s", (_title, inputs, expected) => {
    expect(problemsOf(inputs)).toEqual(expected);
  });

  it("reports every problem of every deployment at once, naming each deployment", () => {
    const problems = problemsOf([
      with_({ region: "mars-1", logRetentionDays: 2 }),
      { ...base, environment: "dev", network: { cidr: "10.0.0.0/16", azCount: 9, nat: "always" } },
    ]);
    expect(problems).toHaveLength(4);
    expect(problems.filter((p) => p.startsWith("commerce-prod: "))).toHaveLength(2);
    expect(problems.filter((p) => p.startsWith("commerce-dev: "))).toHaveLength(2);
  });

  it.each<[string, AccountInput[], string[]]>([
    ["malformed account id", [{ name: "commerce-prod", id: "12345", purpose: "workloads", environments: ["prod", "staging"] }],
      ['config/accounts.ts[0]: id = "12345": must be a 12-digit AWS account id']],
    ["bad account name", [{ name: "commerce-prod", purpose: "workloads", environments: ["prod", "staging"] }, { name: "Commerce Prod", purpose: "workloads", environments: ["prod", "staging"] }],
      ['config/accounts.ts[1]: name = "Commerce Prod": must be 3-32 characters of lowercase letters, digits and hyphens, starting with a letter']],
    ["one name twice", [{ name: "commerce-prod", purpose: "workloads", environments: ["prod", "staging"] }, { name: "commerce-prod", id: "111111111111", purpose: "workloads", environments: ["prod", "staging"] }],
      ['config/accounts.ts[1]: name = "commerce-prod": must be unique (one name, one account)']],
    ["one id under two names", [{ name: "commerce-prod", id: "111111111111", purpose: "workloads", environments: ["prod", "staging"] }, { name: "commerce-old", id: "111111111111", purpose: "workloads", environments: ["prod", "staging"] }],
      ['config/accounts.ts[1]: id = "111111111111": is already account commerce-prod; one id, one name']],
    ["account name too long for the state bucket", [{ name: "commerce-production-primary-acct", id: "123456789012", purpose: "workloads", environments: ["prod", "staging"] }],
      ['commerce-prod: account = "commerce-production-primary-acct": makes the s3-bucket name "commerce-production-primary-acct-123456789012-ap-southeast-2-tfstate" 68 characters long; s3-bucket names allow 63']],
  ])("accounts registry: %s", (_title, accounts, expected) => {
    const input = with_({ region: "ap-southeast-2", account: accounts[0].name });
    expect(problemsOf([input], accounts)).toEqual(expected);
  });

  it("accepts production below a floor when the risk is accepted with a reason", () => {
    const reason = "load-test copy of production, rebuilt from fixtures every night";
    const [d] = resolveDeployments([with_({ deletionProtection: false, logRetentionDays: 30, backupRetentionDays: 1, acceptedRisks: { unprotectedProduction: reason, shortLogRetention: reason, shortBackupRetention: reason } })]);
    expect(d).toMatchObject({ deletionProtection: false, logRetentionDays: 30, backupRetentionDays: 1, acceptedRisks: { unprotectedProduction: reason } });
  });

  it("holds staging and dev to no production floor", () => {
    expect(problemsOf([with_({ environment: "dev", account: "commerce-nonprod", logRetentionDays: 7, backupRetentionDays: 1 })])).toEqual([]);
  });

  it("names the count in the error heading", () => {
    expect(() => resolveDeployments([with_({ region: "x" })])).toThrow(/^Invalid deployment configuration \(1 problem\):/);
  });
});

describe("deployment selection", () => {
  const all = resolveDeployments(DEPLOYMENT_INPUTS);

  it("takes every deployment by default", () => {
    expect(selectDeployments(all, parseSelector([undefined]))).toHaveLength(11);
  });

  it("takes a subset from a comma or space separated list", () => {
    expect(selectDeployments(all, parseSelector(["commerce-prod, stackflow-dev"])).map((d) => d.name)).toEqual(["stackflow-dev", "commerce-prod"]);
  });

  it("rejects an unknown name, listing the known ones", () => {
    expect(() => selectDeployments(all, ["commerce-qa"])).toThrow(
      "Unknown deployment: commerce-qa. Known deployments: stackflow-prod, stackflow-dev, webhooks-prod, webhooks-dev, axonflow-prod, axonflow-dev, serverless-saas-prod, serverless-saas-dev, commerce-prod, commerce-staging, commerce-dev",
    );
  });
});
