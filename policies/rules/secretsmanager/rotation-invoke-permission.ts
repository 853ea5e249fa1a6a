import { fail, pass, unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";

/** A rotation's function lets Secrets Manager invoke it for that secret only. */
export const SecretsManagerRotationInvokePermission: ResourceRule = {
  id: "SecretsManager.RotationInvokePermission",
  scope: "resource",
  description: "Every aws_secretsmanager_secret_rotation has, in its stack, an aws_lambda_permission for secretsmanager.amazonaws.com on the same function, with source_arn the rotated secret, and depends on it.",
  why: "Without the permission the first rotation fails (and a secret can stay half-rotated); without source_arn any secret of any account could make Secrets Manager invoke the function; without the dependency rotation may start before the permission exists.",
  resourceTypes: ["aws_secretsmanager_secret_rotation"],
  check(rotation, stack) {
    const fn = stack.referencedBy(rotation.attributes.rotation_lambda_arn).find((r) => r.type === "aws_lambda_function");
    if (!fn) return unknown("rotation_lambda_arn names no function of this stack");
    const permissions = stack.referencing(fn, "aws_lambda_permission", "function_name")
      .filter((p) => p.attributes.principal === "secretsmanager.amazonaws.com" && p.attributes.source_arn === rotation.attributes.secret_id);
    if (permissions.length === 0) return fail(`no aws_lambda_permission lets secretsmanager.amazonaws.com invoke ${fn.address} for ${String(rotation.attributes.secret_id)}`);
    const dependsOn = (rotation.attributes.depends_on as string[] | undefined) ?? [];
    return permissions.some((p) => dependsOn.includes(p.address)) ? pass() : fail("the rotation does not depend on its invoke permission");
  },
};
