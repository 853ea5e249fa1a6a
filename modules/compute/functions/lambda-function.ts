import { LambdaAlias } from "@cdktf/provider-aws/lib/lambda-alias";
import { LambdaFunction as AwsLambdaFunction } from "@cdktf/provider-aws/lib/lambda-function";
import { LambdaFunctionEventInvokeConfig } from "@cdktf/provider-aws/lib/lambda-function-event-invoke-config";
import { Construct } from "constructs";
import { mergeStatements } from "../../iam/merge-statements";
import type { PolicyStatement } from "../../iam/policy-document";
import { ServiceRole } from "../../iam/service-role";
import { LogGroup } from "../../logs/log-group";
import { between, check, matches, oneOf, validateProps } from "../../validate";
import { type ArnScope, grantFunctionLogs, grantTracing, grantVpcAccess } from "./function-grants";

/** Props of a function with its role, log group and optional alias. */
export interface LambdaFunctionProps {
  /** Function name (1-64 letters, digits, - and _). */
  readonly name: string;
  readonly description: string;
  /** A runtime Lambda accepts for new functions (config/lambda-runtimes.ts). */
  readonly runtime: string;
  readonly handler: string;
  readonly architecture: "arm64" | "x86_64";
  /** 128-10,240 MB. */
  readonly memoryMb: number;
  /** 1-900 seconds. */
  readonly timeoutSeconds: number;
  /** Concurrency reserved for the function. @default none (the account's unreserved pool) */
  readonly reservedConcurrency?: number;
  /** Where the role lives and what it is named; the path is the deployment's (`/<deployment>/`). */
  readonly role: { readonly name: string; readonly path: string };
  readonly scope: ArnScope;
  /** Bucket and key of the package the function is created from; the release pipeline owns the code afterwards. */
  readonly code: { readonly bucket: string; readonly key: string };
  /** The function's log group `/aws/lambda/<name>`: days kept, key, deletion protection. */
  readonly logs: { readonly retentionDays: number; readonly kmsKeyArn: string; readonly protect: boolean };
  /** Subnets and security groups; for a function that reaches private stores. @default outside the VPC */
  readonly vpc?: { readonly subnetIds: readonly string[]; readonly securityGroupIds: readonly string[] };
  /** Plain settings and secret ARNs, never secret values. @default none */
  readonly environment?: Readonly<Record<string, string>>;
  /** What the function may do beyond logging and tracing: statements from the grant helpers. @default nothing */
  readonly grants?: readonly PolicyStatement[];
  /** Queue receiving failed asynchronous invocations (its send grant must be in `grants`). @default none */
  readonly onFailureQueueArn?: string;
  /** Publish versions and point this alias at the first; the release pipeline moves it afterwards. @default no versions */
  readonly alias?: string;
}

/** Code arguments the release pipeline owns once the function exists (UpdateFunctionCode). */
const PIPELINE_OWNED_CODE = ["s3_bucket", "s3_key", "s3_object_version", "source_code_hash", "image_uri"];

/**
 * One Lambda function, built the same way everywhere: its own role (only the
 * grants it is given, plus its log streams and X-Ray), its log group
 * `/aws/lambda/<name>` created first, encrypted, with retention and wired
 * through `logging_config` in JSON, active tracing, VPC placement when
 * given, and code that Terraform places once and never rolls back.
 */
export class LambdaFunction extends Construct {
  readonly functionName: string;
  readonly arn: string;
  readonly invokeArn: string;
  readonly roleArn: string;
  readonly logGroupName: string;
  /** The alias's ARN and invoke ARN when the function has one. */
  readonly aliasArn?: string;
  readonly aliasInvokeArn?: string;
  /** What callers invoke: the alias when there is one, else the function. */
  readonly callableArn: string;
  /** The alias name, for qualifiers (URL, permissions); undefined without an alias. */
  readonly qualifier?: string;

  constructor(scope: Construct, id: string, props: LambdaFunctionProps) {
    super(scope, id);
    validateProps(this, [
      check("name", props.name, matches(/^[A-Za-z0-9_-]{1,64}$/, "must be 1-64 letters, digits, hyphens and underscores (Lambda function names)")),
      check("memoryMb", props.memoryMb, between(128, 10240, "Lambda memory in MB")),
      check("timeoutSeconds", props.timeoutSeconds, between(1, 900, "Lambda timeout in seconds")),
      check("architecture", props.architecture, oneOf(["arm64", "x86_64"], "Lambda architectures")),
      check("reservedConcurrency", props.reservedConcurrency, between(0, 1000, "reserved concurrency within the default account limit")),
    ]);
    const logGroup = new LogGroup(this, "Logs", {
      name: `/aws/lambda/${props.name}`,
      retentionDays: props.logs.retentionDays,
      kmsKeyArn: props.logs.kmsKeyArn,
      deletionProtection: props.logs.protect,
    }).logGroup;
    const role = new ServiceRole(this, "Role", {
      name: props.role.name,
      path: props.role.path,
      description: `Execution role of the ${props.name} function`,
      service: "lambda.amazonaws.com",
      sourceAccountId: props.scope.accountId,
      inlinePolicy: {
        name: "function",
        statements: mergeStatements([
          ...grantFunctionLogs(logGroup.arn),
          ...grantTracing(),
          ...(props.vpc ? grantVpcAccess(props.scope) : []),
          ...(props.grants ?? []),
        ]),
      },
    });
    const fn = new AwsLambdaFunction(this, "Function", {
      functionName: props.name,
      description: props.description,
      role: role.roleArn,
      runtime: props.runtime,
      handler: props.handler,
      architectures: [props.architecture],
      memorySize: props.memoryMb,
      timeout: props.timeoutSeconds,
      reservedConcurrentExecutions: props.reservedConcurrency,
      s3Bucket: props.code.bucket,
      s3Key: props.code.key,
      publish: props.alias !== undefined,
      tracingConfig: { mode: "Active" },
      loggingConfig: { logFormat: "JSON", logGroup: logGroup.name, applicationLogLevel: "INFO", systemLogLevel: "WARN" },
      vpcConfig: props.vpc ? { subnetIds: [...props.vpc.subnetIds], securityGroupIds: [...props.vpc.securityGroupIds] } : undefined,
      environment: props.environment && Object.keys(props.environment).length > 0 ? { variables: { ...props.environment } } : undefined,
      // The role's policy before the function: Lambda checks the VPC permissions at creation, and the first invocation needs its log permissions.
      dependsOn: [...role.withPermissions, logGroup],
      lifecycle: { ignoreChanges: PIPELINE_OWNED_CODE },
    });
    this.functionName = fn.functionName;
    this.arn = fn.arn;
    this.invokeArn = fn.invokeArn;
    this.roleArn = role.roleArn;
    this.logGroupName = logGroup.name;
    this.callableArn = fn.arn;
    if (props.alias) {
      const alias = new LambdaAlias(this, "Alias", {
        name: props.alias,
        functionName: fn.functionName,
        functionVersion: fn.version,
        description: "Version callers are pinned to; the release pipeline moves it (Terraform sets only the first)",
        lifecycle: { ignoreChanges: ["function_version", "routing_config"] },
      });
      this.aliasArn = alias.arn;
      this.aliasInvokeArn = alias.invokeArn;
      this.callableArn = alias.arn;
      this.qualifier = alias.name;
    }
    if (props.onFailureQueueArn) {
      new LambdaFunctionEventInvokeConfig(this, "AsyncInvoke", {
        functionName: fn.functionName,
        qualifier: this.qualifier,
        destinationConfig: { onFailure: { destination: props.onFailureQueueArn } },
      });
    }
  }
}
