import type { ConfigProblem } from "./errors";

/**
 * Where a name must be unique: in one account and region (most resources),
 * in one account (IAM), everywhere (S3 buckets), in one VPC (security
 * groups), or inside a parent resource of one deployment (`deployment`:
 * EventBridge rules are unique per bus, SES event destinations per
 * configuration set; checking them across the deployment is a little
 * stricter than AWS and needs no parent in the key).
 */
export type NameScope = "region" | "account" | "global" | "vpc" | "deployment";

/** The rules AWS applies to one kind of name. */
export interface NameKind {
  readonly scope: NameScope;
  readonly maxLength: number;
  /** Characters and shape AWS accepts. */
  readonly pattern: RegExp;
  /** The rule in words, for messages. */
  readonly rule: string;
  /**
   * Kinds that share one namespace (Aurora, RDS and Neptune clusters are all
   * RDS DB clusters) register under the same namespace. @default the kind itself
   */
  readonly namespace?: string;
  /** AWS compares these names ignoring case (IAM, RDS identifiers). @default false */
  readonly caseInsensitive?: boolean;
}

const RDS_ID = /^[a-z](?!.*--)[a-z0-9-]*[a-z0-9]$/;
const RDS_ID_RULE = "lowercase letters, digits and single hyphens, starting with a letter, not ending with a hyphen";

/**
 * Every kind of name the project creates, with AWS's limits as documented
 * for the create APIs (docs/naming.md, checked 2026-11).
 */
export const NAME_KINDS = {
  "s3-bucket": {
    scope: "global", maxLength: 63, pattern: /^(?!xn--|sthree-|amzn-s3-demo-)(?!.*(?:-s3alias|--ol-s3|--x-s3|--table-s3)$)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/,
    rule: "3-63 lowercase letters, digits and hyphens, starting and ending with a letter or digit, without the reserved prefixes xn--, sthree-, amzn-s3-demo- or suffixes -s3alias, --ol-s3, --x-s3, --table-s3",
  },
  "backup-vault": { scope: "region", maxLength: 50, pattern: /^[A-Za-z0-9_-]{2,50}$/, rule: "2-50 letters, digits, hyphens and underscores" },
  "dynamodb-table": { scope: "region", maxLength: 255, pattern: /^[A-Za-z0-9_.-]{3,255}$/, rule: "3-255 letters, digits, _ . or -" },
  "iam-role": { scope: "account", maxLength: 64, pattern: /^[\w+=,.@-]+$/, rule: "up to 64 letters, digits and +=,.@_-", caseInsensitive: true },
  "kms-alias": { scope: "region", maxLength: 250, pattern: /^(?!aws\/)[A-Za-z0-9/_-]+$/, rule: "up to 250 letters, digits and /_- (alias/ is added), not starting with aws/" },
  "log-group": { scope: "region", maxLength: 512, pattern: /^[A-Za-z0-9_./#-]+$/, rule: "up to 512 letters, digits and _-./#" },
  secret: { scope: "region", maxLength: 512, pattern: /^[A-Za-z0-9/_+=.@-]+$/, rule: "up to 512 letters, digits and /_+=.@-" },
  "db-cluster": { scope: "region", maxLength: 63, pattern: RDS_ID, rule: `1-63 ${RDS_ID_RULE}`, caseInsensitive: true },
  "db-instance": { scope: "region", maxLength: 63, pattern: RDS_ID, rule: `1-63 ${RDS_ID_RULE}`, caseInsensitive: true },
  "db-subnet-group": { scope: "region", maxLength: 255, pattern: /^[a-z0-9 ._-]+$/, rule: "up to 255 lowercase letters, digits, spaces and ._-", caseInsensitive: true },
  "db-parameter-group": { scope: "region", maxLength: 255, pattern: RDS_ID, rule: `up to 255 ${RDS_ID_RULE}`, caseInsensitive: true },
  "db-cluster-parameter-group": { scope: "region", maxLength: 255, pattern: RDS_ID, rule: `up to 255 ${RDS_ID_RULE}`, caseInsensitive: true },
  "db-snapshot": { scope: "region", maxLength: 255, pattern: RDS_ID, rule: `up to 255 ${RDS_ID_RULE}`, caseInsensitive: true },
  "db-cluster-snapshot": { scope: "region", maxLength: 255, pattern: RDS_ID, rule: `up to 255 ${RDS_ID_RULE}`, caseInsensitive: true },
  "elasticache-replication-group": { scope: "region", maxLength: 40, pattern: RDS_ID, rule: `1-40 ${RDS_ID_RULE}`, caseInsensitive: true },
  "elasticache-subnet-group": { scope: "region", maxLength: 255, pattern: /^[a-z0-9-]+$/, rule: "up to 255 lowercase letters, digits and hyphens", caseInsensitive: true },
  "elasticache-parameter-group": { scope: "region", maxLength: 255, pattern: /^[a-z](?!.*--)[a-z0-9-]*[a-z0-9]$/, rule: "up to 255 lowercase letters, digits and single hyphens, starting with a letter", caseInsensitive: true },
  "elasticache-snapshot": { scope: "region", maxLength: 255, pattern: /^[A-Za-z0-9-]+$/, rule: "up to 255 letters, digits and hyphens" },
  "security-group": { scope: "vpc", maxLength: 255, pattern: /^(?!sg-)[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]+$/, rule: "up to 255 of a-z A-Z 0-9 spaces and ._-:/()#,@[]+=&;{}!$*, not starting with sg-" },
  "sqs-queue": { scope: "region", maxLength: 80, pattern: /^[A-Za-z0-9_-]+(\.fifo)?$/, rule: "up to 80 letters, digits, hyphens and underscores, including the .fifo suffix of a FIFO queue" },
  "lambda-function": { scope: "region", maxLength: 64, pattern: /^[A-Za-z0-9_-]+$/, rule: "up to 64 letters, digits, hyphens and underscores" },
  "load-balancer": { scope: "region", maxLength: 32, pattern: /^(?!internal-)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/, rule: "up to 32 letters, digits and hyphens, not starting or ending with a hyphen nor starting with internal-" },
  "target-group": { scope: "region", maxLength: 32, pattern: /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/, rule: "up to 32 letters, digits and hyphens, not starting or ending with a hyphen" },
  "event-bus": { scope: "region", maxLength: 256, pattern: /^(?!aws\.)(?!default$)[A-Za-z0-9._-]+$/, rule: "up to 256 letters, digits and ._-, not default and not starting with aws. (custom event buses)" },
  "event-rule": { scope: "deployment", maxLength: 64, pattern: /^[A-Za-z0-9._-]+$/, rule: "up to 64 letters, digits and ._-" },
  pipe: { scope: "region", maxLength: 64, pattern: /^[A-Za-z0-9._-]+$/, rule: "up to 64 letters, digits and ._-" },
  "sns-topic": { scope: "region", maxLength: 256, pattern: /^[A-Za-z0-9_-]+$/, rule: "up to 256 letters, digits, hyphens and underscores (standard topics)" },
  "ses-email-identity": {
    scope: "region", maxLength: 253, pattern: /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    rule: "a lowercase domain name of dot-separated labels (letters, digits, inner hyphens; up to 63 characters each), up to 253 characters",
  },
  "ses-configuration-set": { scope: "region", maxLength: 64, pattern: /^[A-Za-z0-9_-]+$/, rule: "up to 64 letters, digits, hyphens and underscores" },
  "ses-event-destination": { scope: "deployment", maxLength: 64, pattern: /^[A-Za-z0-9_-]+$/, rule: "up to 64 letters, digits, hyphens and underscores" },
  "instance-profile": { scope: "account", maxLength: 128, pattern: /^[\w+=,.@-]+$/, rule: "up to 128 letters, digits and +=,.@_-", caseInsensitive: true },
  "launch-template": { scope: "region", maxLength: 128, pattern: /^[A-Za-z0-9().\/_-]{3,128}$/, rule: "3-128 letters, digits and ( ) . / _ -" },
  "autoscaling-group": { scope: "region", maxLength: 255, pattern: /^[\x21-\x7E]+$/, rule: "up to 255 printable ASCII characters, no spaces" },
  "hosted-zone": {
    scope: "vpc", maxLength: 253, pattern: /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
    rule: "a domain name: dot-separated labels of up to 63 lowercase letters, digits and inner hyphens, at most 253 characters",
  },
  "mq-broker": { scope: "region", maxLength: 50, pattern: /^[A-Za-z0-9_-]+$/, rule: "1-50 letters, digits, hyphens and underscores" },
  "ecs-cluster": { scope: "region", maxLength: 255, pattern: /^[A-Za-z0-9_-]+$/, rule: "1-255 letters, digits, hyphens and underscores" },
  // Unique per cluster; a deployment has one cluster.
  "ecs-service": { scope: "deployment", maxLength: 255, pattern: /^[A-Za-z0-9_-]+$/, rule: "1-255 letters, digits, hyphens and underscores" },
  "ecs-task-family": { scope: "region", maxLength: 255, pattern: /^[A-Za-z0-9_-]+$/, rule: "1-255 letters, digits, hyphens and underscores" },
  "cloudwatch-alarm": { scope: "region", maxLength: 255, pattern: /^[\x20-\x7E]+$/, rule: "1-255 printable ASCII characters" },
  "eks-cluster": { scope: "region", maxLength: 100, pattern: /^[0-9A-Za-z][A-Za-z0-9_-]*$/, rule: "1-100 letters, digits, hyphens and underscores, starting with a letter or digit" },
  // Unique per cluster; a deployment has one cluster.
  "eks-node-group": { scope: "deployment", maxLength: 63, pattern: /^[0-9A-Za-z][A-Za-z0-9_-]*$/, rule: "1-63 letters, digits, hyphens and underscores, starting with a letter or digit" },
  "ecr-repository": {
    scope: "region", maxLength: 256, pattern: /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/,
    rule: "2-256 lowercase letters, digits and ._-/ separators, starting and ending with a letter or digit",
  },
  // CLOUDFRONT-scope web ACLs all live in us-east-1, so one account holds them all.
  "waf-web-acl": { scope: "account", maxLength: 128, pattern: /^[A-Za-z0-9_-]+$/, rule: "1-128 letters, digits, hyphens and underscores" },
  "cognito-user-pool": { scope: "region", maxLength: 128, pattern: /^[\w\s+=,.@-]+$/, rule: "1-128 letters, digits, spaces and +=,.@_-" },
  // Prefix domains (<prefix>.auth.<region>.amazoncognito.com) are shared by every AWS customer.
  "cognito-domain": { scope: "global", maxLength: 63, pattern: /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, rule: "1-63 lowercase letters, digits and inner hyphens" },
  // API Gateway allows duplicate REST API names; the registry keeps them unique so dashboards and alarms name one API.
  "api-gateway-rest-api": { scope: "region", maxLength: 100, pattern: /^[A-Za-z0-9_-]+$/, rule: "1-100 letters, digits, hyphens and underscores" },
} as const satisfies Record<string, NameKind>;

/** A kind of name in {@link NAME_KINDS}. */
export type NameKindId = keyof typeof NAME_KINDS;

/** Where a deployment's names land. */
export interface NameOwner {
  /** Deployment label (or `accounts` for account-scoped names). */
  readonly deployment: string;
  readonly account: string;
  readonly region: string;
}

interface Registered {
  readonly kind: NameKindId;
  readonly owner: NameOwner;
  readonly field: string;
  readonly name: string;
}

/**
 * The name registry of one synth: every AWS name the project creates is
 * registered with its kind, so it is checked against AWS's length and
 * character rules when registered, and against every other name of its
 * namespace and scope across all deployments by {@link check}: two
 * deployments that would create one name in an account and region (or one
 * bucket name anywhere) fail the synth, naming both.
 */
export class NameRegistry {
  private readonly problems: ConfigProblem[] = [];
  private readonly claimed = new Map<string, Registered>();

  /**
   * Registers `name` of `kind` for `owner` and returns it. `field` and `value`
   * are the config field the name is built from and its value, so a problem
   * points at what to edit. @default value the name itself
   */
  register(kind: NameKindId, name: string, owner: NameOwner, field: string, value: unknown = name): string {
    const rules: NameKind = NAME_KINDS[kind];
    const problem = (allowed: string) => this.problems.push({ deployment: owner.deployment, field, value, allowed });
    if (name.length > rules.maxLength) {
      problem(`makes the ${kind} name ${JSON.stringify(name)} ${name.length} characters long; ${kind} names allow ${rules.maxLength}`);
      return name;
    }
    if (!rules.pattern.test(name)) {
      problem(`makes the ${kind} name ${JSON.stringify(name)}, which AWS refuses: ${rules.rule}`);
      return name;
    }
    const scopeKey = { global: "", account: owner.account, region: `${owner.account}/${owner.region}`, vpc: owner.deployment, deployment: owner.deployment }[rules.scope];
    const key = `${rules.namespace ?? kind}|${scopeKey}|${rules.caseInsensitive ? name.toLowerCase() : name}`;
    const earlier = this.claimed.get(key);
    if (earlier) {
      const where = { global: "anywhere in AWS", account: `in account ${owner.account}`, region: `in account ${owner.account}, ${owner.region}`, vpc: "in one VPC", deployment: "within one deployment" }[rules.scope];
      problem(`${kind} name ${JSON.stringify(name)} is also created by ${earlier.owner.deployment} (${earlier.field}); ${kind} names must be unique ${where}`);
    } else {
      this.claimed.set(key, { kind, owner, field, name });
    }
    return name;
  }

  /** Every name registered without a problem: kind, name and owner. */
  entries(): { readonly kind: NameKindId; readonly name: string; readonly owner: NameOwner }[] {
    return [...this.claimed.values()].map((r) => ({ kind: r.kind, name: r.name, owner: r.owner }));
  }

  /** Every problem found so far, in registration order. */
  check(): ConfigProblem[] {
    return [...this.problems];
  }
}
