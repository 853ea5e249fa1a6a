import { CloudcontrolapiResource } from "@cdktf/provider-aws/lib/cloudcontrolapi-resource";
import { LambdaFunctionUrl } from "@cdktf/provider-aws/lib/lambda-function-url";
import { Construct } from "constructs";

/** Props of a public function URL. */
export interface FunctionUrlProps {
  readonly functionName: string;
  /** The alias the URL serves (so a release is rolled back by moving it). */
  readonly qualifier: string;
  /** The alias's ARN: what the second permission names. */
  readonly aliasArn: string;
  readonly region: string;
}

/**
 * An HTTPS function URL with authorization NONE, for a function whose
 * caller is an edge proxy and whose code authenticates each request.
 *
 * Since 2026-11-01 a public URL needs two resource-policy statements:
 * `lambda:InvokeFunctionUrl` (provider 6.25 adds it itself with the URL,
 * as `FunctionURLAllowPublicAccess`) and `lambda:InvokeFunction` for `*`
 * conditioned on `lambda:InvokedViaFunctionUrl`. The pinned provider's
 * `aws_lambda_permission` cannot express that condition (it arrived in
 * 6.29), and granting InvokeFunction to `*` without it would open the
 * Invoke API to every AWS principal; so the statement is created through
 * Cloud Control as an `AWS::Lambda::Permission` with `InvokedViaFunctionUrl`
 * (docs/functions.md).
 */
export class FunctionUrl extends Construct {
  /** `<url id>.lambda-url.<region>.on.aws`: the host the edge forwards to and sends as Host. */
  readonly host: string;

  constructor(scope: Construct, id: string, props: FunctionUrlProps) {
    super(scope, id);
    const url = new LambdaFunctionUrl(this, "Url", {
      functionName: props.functionName,
      qualifier: props.qualifier,
      authorizationType: "NONE",
      invokeMode: "BUFFERED",
    });
    new CloudcontrolapiResource(this, "InvokeViaUrlPermission", {
      typeName: "AWS::Lambda::Permission",
      desiredState: JSON.stringify({
        FunctionName: props.aliasArn,
        Action: "lambda:InvokeFunction",
        Principal: "*",
        InvokedViaFunctionUrl: true,
      }),
      dependsOn: [url],
    });
    this.host = `${url.urlId}.lambda-url.${props.region}.on.aws`;
  }
}
