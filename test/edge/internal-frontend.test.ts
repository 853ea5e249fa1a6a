import { describe, expect, it } from "vitest";
import { byAttr, onlyRef, policy, refBy, resources, stack } from "../support/synth";

const ACCOUNT = "${data.aws_caller_identity.Caller.account_id}";
const ARN = "arn:${data.aws_partition.Partition.partition}";

describe.each([["prod", 365, true], ["dev", 30, false]] as const)("serverless-saas %s internal frontend behind Cognito (issue 16, seed 003)", (env, retention, protect) => {
  const s = () => stack(`serverless-saas-${env}-edge`);
  const name = `serverless-saas-${env}-internal-viewer-auth`;
  const fn = () => byAttr(s(), "aws_lambda_function", "function_name", name);
  const fnRef = (attribute: string) => refBy(s(), "aws_lambda_function", "function_name", name, attribute);
  // The pool returns signed-in viewers to the internal frontend's host.
  const domain = () => (byAttr(s(), "aws_cognito_user_pool_client", "name", `serverless-saas-${env}-users-app`).callback_urls as string[])[0].replace(/^https:\/\/internal\.|\/oauth2\/callback$/g, "");
  const distribution = () => byAttr(s(), "aws_cloudfront_distribution", "comment", `internal.${domain()}`);
  const keyArn = () => refBy(s(), "aws_kms_key", "description", `${name}: Lambda@Edge code and us-east-1 logs`, "arn");

  it("runs the viewer check on every viewer request of a private site read through OAC, with the published version's qualified ARN and no body", () => {
    const d = distribution();
    expect(d.aliases).toEqual([`internal.${domain()}`]);
    expect(d.provider).toBe("aws.us-east-1");
    expect(d.origin).toEqual([{
      origin_id: "origin", domain_name: `serverless-saas-${env}-internal-site.s3.us-east-1.amazonaws.com`,
      origin_access_control_id: refBy(s(), "aws_cloudfront_origin_access_control", "name", `serverless-saas-${env}-Internal-oac`, "id"),
    }]);
    expect((d.default_cache_behavior as Record<string, unknown>).lambda_function_association).toEqual([
      { event_type: "viewer-request", lambda_arn: fnRef("qualified_arn"), include_body: false },
    ]);
    // No path escapes the check.
    expect(d.ordered_cache_behavior).toEqual([]);
  });

  it("lets CloudFront read the site bucket for exactly this distribution", () => {
    const bucket = byAttr(s(), "aws_s3_bucket", "bucket", `serverless-saas-${env}-internal-site`);
    expect(bucket.provider).toBe("aws.us-east-1");
    const distributionArn = refBy(s(), "aws_cloudfront_distribution", "comment", `internal.${domain()}`, "arn");
    const bucketPolicy = Object.values(resources(s(), "aws_s3_bucket_policy")).find((p) => (p.policy as string).includes(`s3:::serverless-saas-${env}-internal-site/*`))!;
    expect(policy(bucketPolicy.policy).Statement[1]).toEqual({
      Sid: "CloudFrontReads", Effect: "Allow", Principal: { Service: "cloudfront.amazonaws.com" }, Action: "s3:GetObject",
      Resource: `${ARN}:s3:::serverless-saas-${env}-internal-site/*`, Condition: { StringEquals: { "aws:SourceArn": distributionArn } },
    });
  });

  it("is a Lambda@Edge function: us-east-1 alias, Node.js 22 on x86_64, 128 MB, 5 s, published, no environment, VPC or tracing, code owned by the release pipeline", () => {
    const f = fn();
    expect(f).toMatchObject({
      provider: "aws.us-east-1", runtime: "nodejs22.x", handler: "index.handler", architectures: ["x86_64"], memory_size: 128, timeout: 5, publish: true,
      role: refBy(s(), "aws_iam_role", "name", name, "arn"),
      s3_bucket: refBy(s(), "aws_s3_bucket", "bucket", `serverless-saas-${env}-internal-edge-code`, "bucket"),
      s3_key: onlyRef(s(), "aws_s3_object", "key"),
      lifecycle: { ignore_changes: ["s3_bucket", "s3_key", "s3_object_version", "source_code_hash"] },
    });
    for (const unsupported of ["environment", "vpc_config", "tracing_config", "logging_config"]) expect(f[unsupported], unsupported).toBeUndefined();
  });

  it("starts from a deterministic package that refuses every viewer with 503 until a release ships the check", () => {
    const object = Object.values(resources(s(), "aws_s3_object"))[0];
    expect(object).toMatchObject({ key: "bootstrap/handler.zip", server_side_encryption: "aws:kms", kms_key_id: keyArn() });
    const zip = Buffer.from(object.content_base64 as string, "base64").toString("latin1");
    expect(zip).toContain('return { status: "503", statusDescription: "Service Unavailable"');
  });

  it("trusts lambda (this account) and edgelambda, and may only write its own logs in any region", () => {
    const role = byAttr(s(), "aws_iam_role", "name", name);
    expect(role.path).toBe(`/serverless-saas-${env}/`);
    expect(policy(role.assume_role_policy)).toEqual({
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } } },
        { Effect: "Allow", Principal: { Service: "edgelambda.amazonaws.com" }, Action: "sts:AssumeRole" },
      ],
    });
    const groups = `${ARN}:logs:*:${ACCOUNT}:log-group:/aws/lambda/us-east-1.${name}`;
    const inline = Object.values(resources(s(), "aws_iam_role_policy")).filter((p) => p.role === refBy(s(), "aws_iam_role", "name", name, "name"));
    expect(inline.map((p) => policy(p.policy))).toEqual([{
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Action: ["logs:CreateLogGroup"], Resource: groups },
        { Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${groups}:*` },
      ],
    }]);
  });

  it("creates the us-east-1 log group Lambda@Edge writes to, under its own key, before the function", () => {
    const group = byAttr(s(), "aws_cloudwatch_log_group", "name", `/aws/lambda/us-east-1.${name}`);
    expect(group).toMatchObject({ provider: "aws.us-east-1", retention_in_days: retention, kms_key_id: keyArn(), deletion_protection_enabled: protect });
    expect(fn().depends_on).toContain(refBy(s(), "aws_cloudwatch_log_group", "name", `/aws/lambda/us-east-1.${name}`, "name").replace(/^\$\{|\.name\}$/g, ""));
  });
});
