/** Identity-policy resources and the attribute each keeps its document in. */
export const IDENTITY_POLICY_TYPES = [
  "aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy", "data.aws_iam_policy_document",
] as const;

/** The attribute holding a resource's policy document (`json` is the data source's rendered form). */
export const policyAttribute = (type: string) => (type === "aws_iam_policy_document" ? "json" : "policy");
