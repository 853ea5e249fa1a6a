import { describe, expect, it } from "vitest";
import { GithubDeployRole, type GithubDeployRoleProps } from "../../modules/governance/github-deploy-role";
import { PasswordPolicy } from "../../modules/governance/password-policy";
import { problemsOf } from "../support/modules";

const REPO = "repo:platform-team/platform-infrastructure";
const role = (change: Partial<GithubDeployRoleProps>): GithubDeployRoleProps => ({
  name: "github-apply-app-prod", description: "apply", oidcProviderArn: "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com",
  subjects: [`${REPO}:environment:app-prod`], access: "apply", maxSessionSeconds: 3600,
  permissionsBoundaryArn: "arn:aws:iam::111122223333:policy/github-apply-boundary", ...change,
});
const problems = (change: Partial<GithubDeployRoleProps>) => problemsOf((s) => new GithubDeployRole(s, "Role", role(change)));
const NOT_ONE_REPOSITORY = "is not one repository's pull_request, ref:refs/heads/<branch> or environment:<name> subject (wildcards admit other repositories or branches)";

describe("GithubDeployRole", () => {
  it("builds an apply role on one environment, and a plan role on pull requests and a branch", () => {
    expect(problems({})).toEqual([]);
    expect(problems({ access: "plan", permissionsBoundaryArn: undefined, subjects: [`${REPO}:pull_request`, `${REPO}:ref:refs/heads/main`] })).toEqual([]);
  });

  it.each([
    ["any repository", "repo:*"],
    ["any repository of the owner", "repo:platform-team/*:environment:app-prod"],
    ["any branch", `${REPO}:ref:refs/heads/*`],
    ["any context", `${REPO}:*`],
  ])("refuses %s, for plan and apply alike", (_what, subject) => {
    for (const access of ["plan", "apply"] as const) {
      expect(problems({ access, subjects: [subject] })).toEqual([`test/Role: subjects = ${JSON.stringify([subject])}: ${subject} ${NOT_ONE_REPOSITORY}`]);
    }
  });

  it("refuses an apply role trusted by a branch or pull requests, or without a boundary", () => {
    expect(problems({ subjects: [`${REPO}:ref:refs/heads/main`] })).toEqual([
      `test/Role: subjects = ["${REPO}:ref:refs/heads/main"]: ${REPO}:ref:refs/heads/main is not an environment subject: an apply role trusts only a GitHub environment (required reviewers, main only)`,
    ]);
    expect(problems({ permissionsBoundaryArn: undefined })).toEqual(['test/Role: access = "apply": an apply role needs permissionsBoundaryArn (a permissions boundary capping what it can ever do)']);
    expect(problems({ subjects: [] })).toEqual(["test/Role: subjects = []: must name at least one subject"]);
  });

  it("bounds the session from 3600 to 43200 seconds", () => {
    expect(problems({ maxSessionSeconds: 43200 })).toEqual([]);
    expect(problems({ maxSessionSeconds: 3599 })).toEqual(["test/Role: maxSessionSeconds = 3599: must be a whole number from 3600 to 43200 (IAM maximum session duration; the workflows request 3600)"]);
  });
});

describe("PasswordPolicy", () => {
  it("refuses a policy below the CIS floors", () => {
    expect(problemsOf((s) => new PasswordPolicy(s, "P", { minimumLength: 13, maxAgeDays: 91, reusePrevention: 0 }))).toEqual([
      "test/P: minimumLength = 13: must be a whole number from 14 to 128 (IAM password length; 14 is the CIS floor)",
      "test/P: maxAgeDays = 91: must be a whole number from 1 to 90 (password age; 90 is the CIS ceiling)",
      "test/P: reusePrevention = 0: must be a whole number from 1 to 24 (IAM password reuse prevention)",
    ]);
  });
});
