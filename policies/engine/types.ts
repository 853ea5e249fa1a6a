import type { StackContext } from "./stack-context";

/**
 * How much a finding matters. Every unsuppressed finding fails the check,
 * whatever its severity: severity orders the report and tells a reviewer
 * how hard to look at a suppression, it never lets a finding through.
 */
export type Severity = "high" | "medium" | "low";

/** What one rule concluded about one resource (or one stack element). */
export type Outcome =
  | { readonly status: "compliant" }
  | { readonly status: "non_compliant"; readonly reason: string }
  /** The rule does not concern this resource; `note` says why when that is not obvious. */
  | { readonly status: "not_applicable"; readonly note?: string }
  /** A value the rule needs is an unresolved `${...}` reference: known only at plan time. */
  | { readonly status: "unknown"; readonly reason: string };

/** A resource or data source as synthesized, with its address. */
export interface ResourceView {
  readonly mode: "resource" | "data";
  readonly type: string;
  /** Logical id (the second label in `resource "<type>" "<name>"`). */
  readonly name: string;
  /** `aws_s3_bucket.Name` or `data.aws_iam_policy_document.Name`. */
  readonly address: string;
  /** Attributes as written in `cdk.tf.json`, the `//` comment object included. */
  readonly attributes: Readonly<Record<string, unknown>>;
}

/** Fields every rule has, whatever its scope. */
interface RuleBase {
  /** `<Service>.<Name>`, e.g. `S3.PublicAccessBlock`; what suppressions name. */
  readonly id: string;
  /** What the rule requires, in one sentence. */
  readonly description: string;
  /** Why it matters: printed with each finding so the fix is obvious. */
  readonly why: string;
}

/** A check over one resource (or data source) at a time, seeing its stack for context. */
export interface ResourceRule extends RuleBase {
  readonly scope: "resource";
  /**
   * Types it applies to: `aws_s3_bucket`, `data.aws_iam_policy_document`, or
   * a prefix pattern such as `aws_*`.
   */
  readonly resourceTypes: readonly string[];
  readonly check: (resource: ResourceView, stack: StackContext) => Outcome;
}

/** One outcome of a stack rule, located at an address inside the stack. */
export interface LocatedOutcome {
  /** A resource/data address, `output.<name>`, `locals`, `provider.<name>` or `terraform.backend`. */
  readonly address: string;
  readonly outcome: Outcome;
}

/** A check over a whole stack (backend, references between blocks). */
export interface StackRule extends RuleBase {
  readonly scope: "stack";
  readonly check: (stack: StackContext) => readonly LocatedOutcome[];
}

/** A policy rule. Rules are pure: they read JSON and never touch the disk or network. */
export type Rule = ResourceRule | StackRule;
