import { describe, expect, it } from "vitest";
import { ConfigError, formatProblem } from "../../config/errors";
import { GOVERNANCE, type GovernanceInput, resolveAccountGovernance } from "../../config/governance";
import { DEPLOYMENTS } from "../support/deployments";

/** The problems of the governance settings with `change` applied; empty when they resolve. */
function problemsWith(change: Partial<GovernanceInput>): string[] {
  try {
    resolveAccountGovernance(DEPLOYMENTS, { ...GOVERNANCE, ...change });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
}

const REPOSITORY = "must be one GitHub repository as owner/name (owner: 1-39 letters, digits and single hyphens; name: 1-100 letters, digits and ._-; no wildcards)";

describe("governance settings", () => {
  it("resolve one entry per account, hosting every deployment of the account", () => {
    const accounts = resolveAccountGovernance(DEPLOYMENTS);
    expect(accounts).toHaveLength(10);
    expect(accounts.find((a) => a.account.name === "commerce-nonprod")).toMatchObject({
      homeRegion: "us-west-2", regions: ["us-west-2"],
      deployments: [{ name: "commerce-staging", environment: "staging", region: "us-west-2" }, { name: "commerce-dev", environment: "dev", region: "us-west-2" }],
    });
  });

  it.each(["platform-team", "*/platform-infrastructure", "platform-team/*", "platform-team/a/b", "-team/repo", "team-/repo", "a--b/repo", "a".repeat(40) + "/repo", "o/" + "r".repeat(101), "o/..", "o/repo name"])(
    "refuse the repository %j, which is not one owner/name", (repository) => {
      expect(problemsWith({ repository })).toEqual([`governance: repository = ${JSON.stringify(repository)}: ${REPOSITORY}`]);
    });

  it.each(["platform-team/platform-infrastructure", "a/b", "a".repeat(39) + "/" + "r".repeat(100), "my-org/infra.live_2"])("accept the repository %j", (repository) => {
    expect(problemsWith({ repository })).toEqual([]);
  });

  it("refuse a wildcard or malformed default branch", () => {
    expect(problemsWith({ defaultBranch: "*" })).toEqual(['governance: defaultBranch = "*": must be one branch name of letters, digits and ._/- (no wildcards)']);
    expect(problemsWith({ defaultBranch: "release/2026" })).toEqual([]);
  });

  it("bound the session from one hour (what the workflows request) to IAM's twelve", () => {
    const message = "must be a whole number from 3600 (the workflows request one hour) to 43200 (IAM's maximum)";
    expect(problemsWith({ maxSessionSeconds: 3600 })).toEqual([]);
    expect(problemsWith({ maxSessionSeconds: 3599 })).toEqual([`governance: maxSessionSeconds = 3599: ${message}`]);
    expect(problemsWith({ maxSessionSeconds: 43200 })).toEqual([]);
    expect(problemsWith({ maxSessionSeconds: 43201 })).toEqual([`governance: maxSessionSeconds = 43201: ${message}`]);
  });

  it("keep the password policy within CIS and IAM limits", () => {
    const p = GOVERNANCE.passwordPolicy;
    expect(problemsWith({ passwordPolicy: { ...p, minimumLength: 14 } })).toEqual([]);
    expect(problemsWith({ passwordPolicy: { ...p, minimumLength: 13 } })).toEqual(["governance: passwordPolicy.minimumLength = 13: must be a whole number from 14 (CIS floor) to 128 (IAM's maximum)"]);
    expect(problemsWith({ passwordPolicy: { ...p, maxAgeDays: 91 } })).toEqual(["governance: passwordPolicy.maxAgeDays = 91: must be a whole number from 1 to 90 (CIS ceiling)"]);
    expect(problemsWith({ passwordPolicy: { ...p, reusePrevention: 25 } })).toEqual(["governance: passwordPolicy.reusePrevention = 25: must be a whole number from 1 to 24 (IAM's maximum)"]);
  });

  it("leave room for the longest possible deployment name (23: serverless-saas-staging) in the apply roles' names", () => {
    expect(problemsWith({ applyRolePrefix: "a".repeat(31) })).toEqual([]);
    expect(problemsWith({ applyRolePrefix: "a".repeat(32) })).toEqual([
      `governance: applyRolePrefix = "${"a".repeat(32)}": must be 1-31 letters, digits and +=,.@_- so that <prefix><deployment> fits IAM's 64 characters`,
    ]);
  });
});
