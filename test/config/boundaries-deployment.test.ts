import { describe, expect, it } from "vitest";
import type { AccountInput } from "../../config/accounts";
import { at, type Boundary, expectBoundary, problemsOf, shown } from "./boundaries";

/** A valid production deployment with the network layer only, patched. */
const prod = (patch: Record<string, unknown> = {}, network: Record<string, unknown> = {}) => ({
  system: "commerce", environment: "prod", region: "us-west-2", account: "commerce-prod",
  network: { cidr: "10.0.0.0/16", workloads: [{ name: "app", description: "application containers" }, { name: "worker", description: "queue consumers" }], ...network },
  ...patch,
});
const withWorkload = (key: string) => (v: unknown) => prod({}, { workloads: [{ name: "app", description: "application containers", [key]: v }] });
const ingressPort = (v: unknown) => prod({}, { workloads: [{ name: "app", description: "application containers" }, { name: "worker", description: "queue consumers", ingressFrom: [{ workload: "app", port: v }] }] });
const reason = (length: number) => `accepted ${"x".repeat(length - 9)}`;
const logFloor = 'must be at least 90 days in production, or accepted with acceptedRisks.shortLogRetention: "<reason>"';
const workload = "must be 2-31 lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen";
const description = "must say what runs behind the group in 10-255 characters of a-z A-Z 0-9, spaces and ._-:/()#,@[]+=&;{}!$* (AWS's security-group text)";
const riskReason = "must give the reason in 20-500 characters (it is shown in review)";

const rows: Boundary[] = [
  at("network.azCount", 2, 1, "must be a whole number between 2 and 3", (v) => prod({}, { azCount: v })),
  at("network.azCount", 3, 4, "must be a whole number between 2 and 3", (v) => prod({}, { azCount: v })),
  at("network.cidr", "10.0.0.0/16", "10.0.0.0/15", "prefix must be between /16 and /22 (three tiers need room for 3 AZs)", (v) => prod({}, { cidr: v })),
  at("network.cidr", "10.0.0.0/22", "10.0.0.0/23", "prefix must be between /16 and /22 (three tiers need room for 3 AZs)", (v) => prod({}, { cidr: v })),
  at("network.cidr", "172.31.0.0/16", "172.32.0.0/16", "must lie inside an RFC 1918 range (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16)", (v) => prod({}, { cidr: v })),
  at("network.cidr", "172.16.0.0/16", "172.15.0.0/16", "must lie inside an RFC 1918 range (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16)", (v) => prod({}, { cidr: v })),
  at("network.workloads.1.ingressFrom.0.port", 1, 0, "must be a whole number between 1 and 65535", ingressPort),
  at("network.workloads.1.ingressFrom.0.port", 65535, 65536, "must be a whole number between 1 and 65535", ingressPort),
  at("network.workloads.0.name", `a${"b".repeat(30)}`, `a${"b".repeat(31)}`, workload, withWorkload("name")),
  at("network.workloads.0.name", "ab", "a", workload, withWorkload("name")),
  at("network.workloads.0.description", "d".repeat(255), "d".repeat(256), description, withWorkload("description")),
  at("network.workloads.0.description", "d".repeat(10), "d".repeat(9), description, withWorkload("description")),
  at("logRetentionDays", 90, 60, logFloor, (v) => prod({ logRetentionDays: v })),
  at("logRetentionDays", 3653, 3654, "must be one of: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 (CloudWatch Logs retention values)",
    (v) => prod({ logRetentionDays: v })),
  at("acceptedRisks.shortLogRetention", reason(20), reason(19), riskReason, (v) => prod({ logRetentionDays: 60, acceptedRisks: { shortLogRetention: v } })),
  at("acceptedRisks.shortLogRetention", reason(500), reason(501), riskReason, (v) => prod({ logRetentionDays: 60, acceptedRisks: { shortLogRetention: v } })),
];

/** The accounts registry with one more account, named or numbered by the case. */
const accounts = (extra: Partial<AccountInput>): AccountInput[] => [
  { name: "commerce-prod", purpose: "workloads", environments: ["prod"] },
  { name: "extra-account", purpose: "workloads", environments: ["dev"], ...extra },
];
const accountName = "must be 3-32 characters of lowercase letters, digits and hyphens, starting with a letter";
const accountRows: [string, Partial<AccountInput>, Partial<AccountInput>, string][] = [
  ["name", { name: `a${"b".repeat(31)}` }, { name: `a${"b".repeat(32)}` }, accountName],
  ["name", { name: "abc" }, { name: "ab" }, accountName],
  ["id", { id: "1".repeat(12) }, { id: "1".repeat(13) }, "must be a 12-digit AWS account id"],
  ["id", { id: "1".repeat(12) }, { id: "1".repeat(11) }, "must be a 12-digit AWS account id"],
];

const titled = (list: Boundary[]) => list.map((b) => ({ ...b, title: `${b.field}: ${shown(b.ok)} passes, ${shown(b.bad)} fails` }));

describe("deployment, network and accounts boundaries", () => {
  it.each(titled(rows))("$title", (b) => expectBoundary(b, "commerce-prod"));

  it.each(accountRows)("accounts %s: last valid passes, first invalid fails", (field, ok, bad, message) => {
    expect(problemsOf([prod()], accounts(ok))).toEqual([]);
    const value = (bad as Record<string, unknown>)[field];
    expect(problemsOf([prod()], accounts(bad))).toEqual([`config/accounts.ts[1]: ${field} = ${JSON.stringify(value)}: ${message}`]);
  });
});
