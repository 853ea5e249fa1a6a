import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission";
import { SecretsmanagerSecretRotation } from "@cdktf/provider-aws/lib/secretsmanager-secret-rotation";
import { Construct } from "constructs";
import { check, matches, validateProps } from "../../validate";

/** Props of a secret's rotation by a function. */
export interface SecretRotationProps {
  readonly secretArn: string;
  /** The rotation function's ARN (its role holds `grantSecretRotation` on the secret). */
  readonly functionArn: string;
  readonly functionName: string;
  /** `rate(<n> hours|days)` or `cron(...)`. */
  readonly schedule: string;
  /** Account owning the secret (`source_account`). */
  readonly accountId: string;
  /**
   * Rotate as soon as rotation is configured. Off for a secret operators
   * fill in (an external API key): the first rotation would fail on a
   * secret without a value. @default true
   */
  readonly rotateImmediately?: boolean;
}

/**
 * Rotation of one secret on a schedule by a function, with the permission
 * for Secrets Manager to invoke that function for exactly this secret
 * (`source_arn`) of this account (`source_account`), the resource-policy
 * statement the Secrets Manager User Guide prescribes.
 */
export class SecretRotation extends Construct {
  constructor(scope: Construct, id: string, props: SecretRotationProps) {
    super(scope, id);
    validateProps(this, [
      check("schedule", props.schedule, matches(/^(rate\(\d+ (hours|days)\)|cron\([^)]+\))$/, "must be rate(<n> hours|days) or cron(<expression>) (Secrets Manager rotation schedules)")),
    ]);
    const permission = new LambdaPermission(this, "InvokePermission", {
      functionName: props.functionName,
      action: "lambda:InvokeFunction",
      principal: "secretsmanager.amazonaws.com",
      sourceArn: props.secretArn,
      sourceAccount: props.accountId,
    });
    new SecretsmanagerSecretRotation(this, "Rotation", {
      secretId: props.secretArn,
      rotationLambdaArn: props.functionArn,
      rotationRules: { scheduleExpression: props.schedule },
      rotateImmediately: props.rotateImmediately ?? true,
      // Secrets Manager invokes the function when rotation is set; the permission must exist first.
      dependsOn: [permission],
    });
  }
}
