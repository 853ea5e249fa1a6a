/** One IAM policy statement, written as AWS expects it. */
export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: "Allow" | "Deny";
  readonly Principal?: unknown;
  readonly Action: string | readonly string[];
  /** Absent only in trust policies. */
  readonly Resource?: string | readonly string[];
  readonly Condition?: Record<string, Record<string, string | readonly string[] | boolean>>;
}

/**
 * Serializes statements into a policy JSON string. Literal JSON (rather than
 * an `aws_iam_policy_document` data source) keeps every action and resource
 * visible in the synthesized JSON, where tests and policy checks read it;
 * references inside it are ordinary Terraform interpolations.
 */
export function policyDocument(statements: readonly PolicyStatement[]): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}

/**
 * Trust policy letting one AWS service assume a role, only on behalf of the
 * given account (`aws:SourceAccount`), which closes the confused-deputy gap.
 */
export function serviceTrustPolicy(service: string, sourceAccountId: string): string {
  return policyDocument([{
    Effect: "Allow",
    Principal: { Service: service },
    Action: "sts:AssumeRole",
    Condition: { StringEquals: { "aws:SourceAccount": sourceAccountId } },
  }]);
}
