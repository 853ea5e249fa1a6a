import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Construct } from "constructs";
import { policyDocument, type PolicyStatement } from "../iam/policy-document";
import { accepted, between, check, matches, maxLength, validateProps } from "../validate";
import { GITHUB_OIDC_AUDIENCE, GITHUB_OIDC_HOST } from "./github-oidc-provider";

/**
 * What a GitHub-trusted role may do. The policy rule
 * `IAM.GithubOidcApplyEnvironment` reads it from the role's `github-access`
 * tag: only a `plan` role may trust pull requests and branches.
 */
export type GithubAccess = "plan" | "apply";

/** Tag naming a GitHub-trusted role's {@link GithubAccess}. */
export const GITHUB_ACCESS_TAG = "github-access";

/** Props of a role GitHub Actions assumes through the account's OIDC provider. */
export interface GithubDeployRoleProps {
  /** Role name (1-64 characters). */
  readonly name: string;
  readonly description: string;
  /** ARN of the account's GitHub OIDC provider. */
  readonly oidcProviderArn: string;
  /**
   * Exact OIDC subjects allowed, each `repo:<owner>/<name>:<context>`. No
   * wildcards: a `*` in the repository admits other repositories, one in the
   * context admits every branch.
   */
  readonly subjects: readonly string[];
  /** `apply` roles accept only `environment:` subjects (a GitHub environment with reviewers and a branch rule). */
  readonly access: GithubAccess;
  /** Longest session, 3600-43200 seconds. */
  readonly maxSessionSeconds: number;
  /** Managed policies to attach, by construct id (ids, not positions, keep attachment addresses stable). @default none */
  readonly managedPolicyArns?: Readonly<Record<string, string>>;
  /** One inline policy. @default none */
  readonly inlinePolicy?: { readonly name: string; readonly statements: readonly PolicyStatement[] };
  /** Managed policy capping what the role can ever do; required for `apply`. @default none */
  readonly permissionsBoundaryArn?: string;
}

const SUBJECT = /^repo:[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}:(pull_request|ref:refs\/heads\/[A-Za-z0-9._/-]+|environment:[A-Za-z0-9._-]+)$/;

/** Why a subject list cannot be trusted for `access`, or undefined. */
function subjectProblem(subjects: readonly string[], access: GithubAccess): string | undefined {
  if (subjects.length === 0) return "must name at least one subject";
  const bad = subjects.find((s) => !SUBJECT.test(s));
  if (bad) return `${bad} is not one repository's pull_request, ref:refs/heads/<branch> or environment:<name> subject (wildcards admit other repositories or branches)`;
  const notEnvironment = subjects.find((s) => !s.includes(":environment:"));
  if (access === "apply" && notEnvironment) return `${notEnvironment} is not an environment subject: an apply role trusts only a GitHub environment (required reviewers, main only)`;
  return undefined;
}

/**
 * A role trusted only by GitHub Actions' OIDC tokens of the listed subjects
 * with the STS audience (`StringEquals`, so no pattern matching at all).
 */
export class GithubDeployRole extends Construct {
  readonly roleArn: string;
  readonly roleName: string;

  constructor(scope: Construct, id: string, props: GithubDeployRoleProps) {
    super(scope, id);
    validateProps(this, [
      check("name", props.name, matches(/^[\w+=,.@-]{1,64}$/, "must be 1-64 letters, digits and +=,.@_- (IAM role names)")),
      check("description", props.description, maxLength(1000, "IAM role descriptions")),
      check("maxSessionSeconds", props.maxSessionSeconds, between(3600, 43200, "IAM maximum session duration; the workflows request 3600")),
      check("subjects", props.subjects, accepted(props.subjects, (s) => subjectProblem(s, props.access))),
      check("access", props.access, {
        when: (access) => access === "apply" && props.permissionsBoundaryArn === undefined,
        allowed: "an apply role needs permissionsBoundaryArn (a permissions boundary capping what it can ever do)",
      }),
    ]);
    const role = new IamRole(this, "Role", {
      name: props.name,
      description: props.description,
      maxSessionDuration: props.maxSessionSeconds,
      permissionsBoundary: props.permissionsBoundaryArn,
      assumeRolePolicy: policyDocument([{
        Sid: "GithubActions",
        Effect: "Allow",
        Principal: { Federated: props.oidcProviderArn },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          StringEquals: {
            [`${GITHUB_OIDC_HOST}:aud`]: GITHUB_OIDC_AUDIENCE,
            [`${GITHUB_OIDC_HOST}:sub`]: props.subjects.length === 1 ? props.subjects[0] : [...props.subjects],
          },
        },
      }]),
      tags: { [GITHUB_ACCESS_TAG]: props.access },
    });
    if (props.inlinePolicy) {
      new IamRolePolicy(this, "InlinePolicy", { role: role.name, name: props.inlinePolicy.name, policy: policyDocument(props.inlinePolicy.statements) });
    }
    for (const [attachmentId, policyArn] of Object.entries(props.managedPolicyArns ?? {})) {
      new IamRolePolicyAttachment(this, attachmentId, { role: role.name, policyArn });
    }
    this.roleArn = role.arn;
    this.roleName = role.name;
  }
}
