import { bucket, doc, IRSA_ISSUER, irsaTrust, onBucket, type Block } from "./fixtures";

/**
 * Edge cases beyond each rule's pass/fail pair: the loopholes a rule once let
 * through (issue 20), which must fail, and the narrow cases next to them that
 * must still pass, so a fix cannot simply refuse everything.
 */
export interface EdgeCase {
  readonly ruleId: string;
  readonly name: string;
  readonly expect: "pass" | "fail";
  readonly blocks: readonly Block[];
}

const keyWith = (principal: unknown, condition?: Record<string, unknown>): Block[] => [["aws_kms_key", "X", {
  policy: doc([{ Effect: "Allow", Principal: principal, Action: "kms:Decrypt", Resource: "*", ...(condition ? { Condition: condition } : {}) }]),
}]];

const neptune = (parameters: readonly Record<string, unknown>[], groupName = "${aws_neptune_cluster_parameter_group.G.name}"): Block[] => [
  ["aws_neptune_cluster_parameter_group", "G", { name: "graph-params", family: "neptune1.4", parameter: parameters }],
  ["aws_neptune_cluster", "X", { enable_cloudwatch_logs_exports: ["audit"], neptune_cluster_parameter_group_name: groupName }],
];

const tlsDeny = (resources: readonly string[]): Block[] => [bucket, onBucket("aws_s3_bucket_policy", {
  policy: doc([{ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: resources, Condition: { Bool: { "aws:SecureTransport": "false" } } }]),
})];

const githubRole = (sub: string | readonly string[], tags?: Record<string, string>): Block[] => [["aws_iam_role", "X", {
  name: "deploy", ...(tags ? { tags } : {}),
  assume_role_policy: doc([{
    Effect: "Allow", Action: "sts:AssumeRoleWithWebIdentity",
    Principal: { Federated: "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" },
    Condition: { StringLike: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com", "token.actions.githubusercontent.com:sub": sub } },
  }]),
}]];

const irsaRole = (condition: Record<string, unknown>): Block[] => [["aws_iam_role", "X", { name: "api", assume_role_policy: irsaTrust(condition) }]];

/** A function a distribution of the stack runs on viewer requests (Lambda@Edge), with the given log group. */
export const edgeFunction = (logGroup: string): Block[] => [
  ["aws_lambda_function", "X", { function_name: "fn", publish: true }],
  ["aws_cloudfront_distribution", "D", { default_cache_behavior: { lambda_function_association: [{ event_type: "viewer-request", lambda_arn: "${aws_lambda_function.X.qualified_arn}" }] } }],
  ["aws_cloudwatch_log_group", "L", { name: logGroup, retention_in_days: 30 }],
];

export const EDGE_CASES: readonly EdgeCase[] = [
  { ruleId: "Lambda.LogRetention", name: "a Lambda@Edge function with its us-east-1.<name> group", expect: "pass", blocks: edgeFunction("/aws/lambda/us-east-1.fn") },
  { ruleId: "Lambda.LogRetention", name: "a Lambda@Edge function with only the regional /aws/lambda/<name> group it never writes to", expect: "fail", blocks: edgeFunction("/aws/lambda/fn") },
  { ruleId: "EKS.ControlPlaneLogs", name: "only the audit trio (no controllerManager, no scheduler)", expect: "fail", blocks: [["aws_eks_cluster", "X", { name: "k", enabled_cluster_log_types: ["api", "audit", "authenticator"] }]] },
  { ruleId: "EC2.ImdsHopLimit", name: "hop limit unset (AL2023 defaults to 2)", expect: "fail", blocks: [["aws_launch_template", "X", { name: "n", metadata_options: { http_tokens: "required" } }]] },
  { ruleId: "EC2.ImdsHopLimit", name: "metadata endpoint disabled", expect: "pass", blocks: [["aws_launch_template", "X", { name: "n", metadata_options: { http_endpoint: "disabled" } }]] },
  { ruleId: "EKS.NodeGroupLaunchTemplate", name: "a template without a version", expect: "fail", blocks: [["aws_eks_node_group", "X", { cluster_name: "k", launch_template: { id: "lt-1" } }]] },
  { ruleId: "EKS.StandardSupport", name: "extended support chosen", expect: "fail", blocks: [["aws_eks_cluster", "X", { name: "k", upgrade_policy: { support_type: "EXTENDED" } }]] },
  { ruleId: "IAM.IrsaTrustPinned", name: "a wildcard subject with StringLike", expect: "fail", blocks: irsaRole({ StringLike: { [`${IRSA_ISSUER}:sub`]: "system:serviceaccount:shop:*" }, StringEquals: { [`${IRSA_ISSUER}:aud`]: "sts.amazonaws.com" } }) },
  { ruleId: "IAM.IrsaTrustPinned", name: "a whole namespace in StringEquals", expect: "fail", blocks: irsaRole({ StringEquals: { [`${IRSA_ISSUER}:sub`]: "system:serviceaccount:shop:*", [`${IRSA_ISSUER}:aud`]: "sts.amazonaws.com" } }) },
  { ruleId: "IAM.IrsaTrustPinned", name: "no audience", expect: "fail", blocks: irsaRole({ StringEquals: { [`${IRSA_ISSUER}:sub`]: "system:serviceaccount:shop:api" } }) },
  { ruleId: "IAM.IrsaTrustPinned", name: "an interpolated issuer host (as synthesized)", expect: "pass", blocks: irsaRole({ StringEquals: { "${local.IssuerHost}:sub": "system:serviceaccount:kube-system:aws-node", "${local.IssuerHost}:aud": "sts.amazonaws.com" } }) },
  { ruleId: "CloudWatch.AlarmRouted", name: "actions listed but switched off", expect: "fail", blocks: [["aws_cloudwatch_metric_alarm", "X", { alarm_name: "a", alarm_description: "d. First: x.", alarm_actions: ["${aws_sns_topic.T.arn}"], ok_actions: ["${aws_sns_topic.T.arn}"], actions_enabled: false }]] },
  { ruleId: "CloudWatch.AlarmRouted", name: "no description", expect: "fail", blocks: [["aws_cloudwatch_metric_alarm", "X", { alarm_name: "a", alarm_actions: ["arn:t"], ok_actions: ["arn:t"] }]] },
  { ruleId: "CloudWatch.AlarmRouted", name: "a scaling trigger (every action a scaling policy) without an OK action", expect: "pass", blocks: [["aws_cloudwatch_metric_alarm", "X", { alarm_name: "a", alarm_description: "d. First: x.", alarm_actions: ["${aws_appautoscaling_policy.P.arn}"] }]] },
  { ruleId: "CloudWatch.AlarmRouted", name: "a scaling policy beside a topic still needs an OK action", expect: "fail", blocks: [["aws_cloudwatch_metric_alarm", "X", { alarm_name: "a", alarm_description: "d. First: x.", alarm_actions: ["${aws_appautoscaling_policy.P.arn}", "${aws_sns_topic.T.arn}"] }]] },
  { ruleId: "CloudWatch.AlarmRouted", name: "a composite alarm with both actions", expect: "pass", blocks: [["aws_cloudwatch_composite_alarm", "X", { alarm_name: "a", alarm_description: "d. First: x.", alarm_actions: ["${aws_sns_topic.T.arn}"], ok_actions: ["${aws_sns_topic.T.arn}"], alarm_rule: "ALARM(a)" }]] },
  { ruleId: "IAM.GithubOidcTrustPinned", name: "any repository (repo:*)", expect: "fail", blocks: githubRole("repo:*") },
  { ruleId: "IAM.GithubOidcTrustPinned", name: "any repository of the owner (repo:owner/*)", expect: "fail", blocks: githubRole("repo:platform-team/*") },
  { ruleId: "IAM.GithubOidcApplyEnvironment", name: "apply trust on any repository (repo:*)", expect: "fail", blocks: githubRole("repo:*") },
  { ruleId: "IAM.GithubOidcApplyEnvironment", name: "apply trust on any context of the repository", expect: "fail", blocks: githubRole("repo:platform-team/platform-infrastructure:*") },
  { ruleId: "IAM.GithubOidcApplyEnvironment", name: "apply trust on the default branch", expect: "fail", blocks: githubRole("repo:platform-team/platform-infrastructure:ref:refs/heads/main") },
  { ruleId: "IAM.GithubOidcApplyEnvironment", name: "apply trust on any environment", expect: "fail", blocks: githubRole("repo:platform-team/platform-infrastructure:environment:*") },
  { ruleId: "IAM.GithubOidcApplyEnvironment", name: "environment plus a branch", expect: "fail", blocks: githubRole(["repo:platform-team/platform-infrastructure:environment:app-prod", "repo:platform-team/platform-infrastructure:pull_request"]) },
  { ruleId: "IAM.GithubOidcApplyEnvironment", name: "tagged plan role on any branch", expect: "fail", blocks: githubRole("repo:platform-team/platform-infrastructure:ref:refs/heads/*", { "github-access": "plan" }) },
  { ruleId: "IAM.GithubOidcApplyEnvironment", name: "tagged plan role on pull requests and the default branch", expect: "pass", blocks: githubRole(["repo:platform-team/platform-infrastructure:pull_request", "repo:platform-team/platform-infrastructure:ref:refs/heads/main"], { "github-access": "plan" }) },
  { ruleId: "KMS.NoPublicKeyPolicy", name: "\"*\" with a condition that does not restrict the caller", expect: "fail", blocks: keyWith("*", { StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" } }) },
  { ruleId: "KMS.NoPublicKeyPolicy", name: "AWS \"*\" with a wildcard account", expect: "fail", blocks: keyWith({ AWS: "*" }, { StringLike: { "kms:CallerAccount": "*" } }) },
  { ruleId: "KMS.NoPublicKeyPolicy", name: "\"*\" with the account condition negated", expect: "fail", blocks: keyWith("*", { StringNotEquals: { "aws:PrincipalAccount": "111122223333" } }) },
  { ruleId: "KMS.NoPublicKeyPolicy", name: "\"*\" with an IfExists account condition (absent on a direct call)", expect: "fail", blocks: keyWith("*", { StringEqualsIfExists: { "aws:SourceAccount": "111122223333" } }) },
  { ruleId: "KMS.NoPublicKeyPolicy", name: "\"*\" with a source ARN in any account", expect: "fail", blocks: keyWith("*", { ArnLike: { "aws:SourceArn": "arn:aws:logs:us-east-1:*:*" } }) },
  { ruleId: "KMS.NoPublicKeyPolicy", name: "AWS \"*\" restricted to the caller's account", expect: "pass", blocks: keyWith({ AWS: "*" }, { StringEquals: { "kms:CallerAccount": "111122223333", "kms:ViaService": "s3.us-east-1.amazonaws.com" } }) },
  { ruleId: "KMS.NoPublicKeyPolicy", name: "\"*\" restricted to the organization", expect: "pass", blocks: keyWith("*", { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }) },
  { ruleId: "Neptune.AuditLogExport", name: "log exported but neptune_enable_audit_log = 0", expect: "fail", blocks: neptune([{ name: "neptune_enable_audit_log", value: "0" }]) },
  { ruleId: "Neptune.AuditLogExport", name: "log exported but the parameter group omits the audit parameter", expect: "fail", blocks: neptune([{ name: "neptune_enable_slow_query_log", value: "info" }]) },
  { ruleId: "Neptune.AuditLogExport", name: "log exported with the default parameter group", expect: "fail", blocks: [["aws_neptune_cluster", "X", { enable_cloudwatch_logs_exports: ["audit"] }]] },
  { ruleId: "Neptune.AuditLogExport", name: "parameter group named literally", expect: "pass", blocks: neptune([{ name: "neptune_enable_audit_log", value: 1 }], "graph-params") },
  { ruleId: "S3.TlsOnly", name: "deny covers the bucket but not its objects", expect: "fail", blocks: tlsDeny(["${aws_s3_bucket.B.arn}"]) },
  { ruleId: "S3.TlsOnly", name: "deny covers the objects but not the bucket", expect: "fail", blocks: tlsDeny(["${aws_s3_bucket.B.arn}/*"]) },
  { ruleId: "S3.TlsOnly", name: "deny covers another bucket", expect: "fail", blocks: tlsDeny(["arn:aws:s3:::other-bucket", "arn:aws:s3:::other-bucket/*"]) },
  { ruleId: "S3.TlsOnly", name: "deny by the bucket's literal ARN", expect: "pass", blocks: tlsDeny(["arn:aws:s3:::media-bucket", "arn:aws:s3:::media-bucket/*"]) },
];
