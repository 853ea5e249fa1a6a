import { combine, fail, pass } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { isSet, isUnresolved } from "../../engine/values";

/** Secret values are generated or passed in, never written in code. */
export const SecretsManagerNoLiteralSecretValue: ResourceRule = {
  id: "SecretsManager.NoLiteralSecretValue",
  scope: "resource",
  description: "aws_secretsmanager_secret_version takes secret_string, secret_string_wo or secret_binary from an expression (e.g. random_password); never a literal.",
  why: "A literal secret value is in git history and every synthesized JSON; storing it in Secrets Manager afterwards does not make it secret again.",
  resourceTypes: ["aws_secretsmanager_secret_version"],
  check(version) {
    return combine(["secret_string", "secret_string_wo", "secret_binary"].map((attribute) => {
      const value = version.attributes[attribute];
      return isSet(value) && !isUnresolved(value) ? fail(`${attribute} is a literal`) : pass();
    }));
  },
};
