import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { LambdaFunction } from "@cdktf/provider-aws/lib/lambda-function";
import { Construct } from "constructs";
import { bootstrapPackageBase64 } from "../compute/functions/bootstrap-package";
import { FunctionCodeBucket, type FunctionCodeBucketProps } from "../compute/functions/code-bucket";
import { policyDocument } from "../iam/policy-document";
import { serviceKeyUse } from "../kms/key-grants";
import { KmsKey } from "../kms/kms-key";
import { LogGroup } from "../logs/log-group";
import { between, check, validateProps } from "../validate";

/** Props of a Lambda@Edge viewer-request check; its scope must be on the us-east-1 provider. */
export interface ViewerAuthFunctionProps {
  readonly functionName: string;
  /** Server access logs of the us-east-1 code bucket: that region's access-log bucket, or why there is none. */
  readonly codeAccessLogs: FunctionCodeBucketProps["accessLogs"];
  readonly roleName: string;
  /** The deployment's IAM path, `/<deployment>/`. */
  readonly rolePath: string;
  readonly logGroupName: string;
  readonly codeBucketName: string;
  /** At most 128 MB and 5 s for viewer triggers. */
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  /** Alias of the function's own us-east-1 key (code bucket, log group), without `alias/`. */
  readonly keyAlias: string;
  readonly logRetentionDays: number;
  readonly protect: boolean;
  readonly accountId: string;
  readonly partition: string;
  /** Host the check guards, named in its description. */
  readonly hostname: string;
}

/** Node.js runtime Lambda@Edge supports, on x86_64 (arm64 support for Lambda@Edge was not confirmed in its documentation). */
export const VIEWER_AUTH_RUNTIME = "nodejs22.x";

/**
 * What the function runs until the release pipeline ships the check: every
 * viewer gets 503, so the site is closed, never open, before the first release.
 * A viewer-request trigger answers with `status` (a string), not `statusCode`.
 */
const EDGE_BOOTSTRAP = [["index.mjs", `export const handler = async () => {
  console.error(JSON.stringify({ message: "bootstrap handler: no release of the viewer check has been deployed; refusing the viewer" }));
  return { status: "503", statusDescription: "Service Unavailable", headers: { "cache-control": [{ key: "Cache-Control", value: "no-store" }] }, body: "sign-in not deployed" };
};
`, 0o644]] as const;

/** Code arguments the release pipeline owns once the function exists (UpdateFunctionCode + PublishVersion). */
const PIPELINE_OWNED_CODE = ["s3_bucket", "s3_key", "s3_object_version", "source_code_hash"];

/**
 * A Lambda@Edge function checking viewers (docs/edge.md, "Internal
 * frontend"): in us-east-1 with published versions (CloudFront associates a
 * numbered version), no environment variables, VPC or tracing (Lambda@Edge
 * supports none of them), its code in a us-east-1 bucket (Lambda reads code
 * from its own region). Its role trusts lambda and edgelambda and may only
 * write its logs, which Lambda@Edge writes to `/aws/lambda/us-east-1.<name>`
 * in the region of each edge location that ran it: the us-east-1 group is
 * created here with retention and the key, the others by Lambda on first use.
 */
export class ViewerAuthFunction extends Construct {
  /** ARN of the newest published version, what the distribution associates. */
  readonly qualifiedArn: string;
  readonly functionName: string;
  readonly roleArn: string;

  constructor(scope: Construct, id: string, props: ViewerAuthFunctionProps) {
    super(scope, id);
    validateProps(this, [
      check("memoryMb", props.memoryMb, between(128, 128, "MB: Lambda@Edge viewer triggers allow at most 128, Lambda's minimum")),
      check("timeoutSeconds", props.timeoutSeconds, between(1, 5, "seconds: Lambda@Edge viewer triggers")),
    ]);
    // Its own key: the edge key's policy names the distributions, which name this function's version (a cycle).
    const logGroupArn = `arn:${props.partition}:logs:us-east-1:${props.accountId}:log-group:${props.logGroupName}`;
    const key = new KmsKey(this, "Key", {
      alias: props.keyAlias, description: `${props.functionName}: Lambda@Edge code and us-east-1 logs`,
      accountId: props.accountId, partition: props.partition, preventDestroy: props.protect,
      grants: [serviceKeyUse({ sid: "ViewerAuthLogsUse", service: "logs.us-east-1.amazonaws.com", encryptionContext: { key: "aws:logs:arn", arnLike: logGroupArn } })],
    });
    const code = new FunctionCodeBucket(this, "Code", {
      bucketName: props.codeBucketName, kmsKeyArn: key.arn, preventDestroy: props.protect, bootstrapBase64: bootstrapPackageBase64(EDGE_BOOTSTRAP),
      accessLogs: props.codeAccessLogs,
    });
    const logGroup = new LogGroup(this, "Logs", {
      name: props.logGroupName, retentionDays: props.logRetentionDays, kmsKeyArn: key.arn, deletionProtection: props.protect,
    }).logGroup;
    const role = new IamRole(this, "Role", {
      name: props.roleName,
      path: props.rolePath,
      description: `Execution role of the ${props.functionName} Lambda@Edge function`,
      // Lambda with the confused-deputy condition; edgelambda replicates the function to edge regions, and AWS documents its trust without one.
      assumeRolePolicy: policyDocument([
        { Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": props.accountId } } },
        { Effect: "Allow", Principal: { Service: "edgelambda.amazonaws.com" }, Action: "sts:AssumeRole" },
      ]),
    });
    // Only its logs: the group in every region (Lambda creates those outside us-east-1) and their streams.
    const groups = `arn:${props.partition}:logs:*:${props.accountId}:log-group:${props.logGroupName}`;
    const policy = new IamRolePolicy(this, "Policy", {
      role: role.name,
      name: "function",
      policy: policyDocument([
        { Effect: "Allow", Action: ["logs:CreateLogGroup"], Resource: groups },
        { Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${groups}:*` },
      ]),
    });
    const fn = new LambdaFunction(this, "Function", {
      functionName: props.functionName,
      description: `Refuses viewers of ${props.hostname} without a Cognito session (Lambda@Edge viewer request)`,
      role: role.arn,
      runtime: VIEWER_AUTH_RUNTIME,
      handler: "index.handler",
      architectures: ["x86_64"],
      memorySize: props.memoryMb,
      timeout: props.timeoutSeconds,
      s3Bucket: code.bucketName,
      s3Key: code.bootstrapKey,
      publish: true,
      dependsOn: [policy, logGroup],
      lifecycle: { ignoreChanges: PIPELINE_OWNED_CODE },
    });
    this.qualifiedArn = fn.qualifiedArn;
    this.functionName = fn.functionName;
    this.roleArn = role.arn;
  }
}
