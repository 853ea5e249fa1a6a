import { fail, pass, skip } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { block, isRecord, isUnresolved } from "../../engine/values";

/** Variable names that say "this is a secret". */
const SECRET_NAME = /(pass(word|wd)?|secret|token|api[_-]?key|private[_-]?key|credential|auth)/i;
/** Names that only point at a secret (its ARN, name or id), which is the right pattern. */
const POINTER_NAME = /(_ARN|_NAME|_ID|_PATH|_PARAM(ETER)?|_URL|_ENDPOINT|_HEADER)$/i;
/** Values that look like credentials whatever the variable is called. */
const SECRET_VALUE = /^(AKIA|ASIA)[A-Z0-9]{16}$|-----BEGIN [A-Z ]*PRIVATE KEY-----|^xox[abp]-|^gh[pousr]_[A-Za-z0-9]{20,}|^sk_live_/;

/** Lambda environments carry no secrets in clear. */
export const LambdaNoSecretLiteralsInEnvironment: ResourceRule = {
  id: "Lambda.NoSecretLiteralsInEnvironment",
  scope: "resource",
  description: "aws_lambda_function environment variables with secret-looking names (PASSWORD, TOKEN, API_KEY, ...) or credential-shaped values are not literals; pass a secret's ARN and read it at run time.",
  why: "Environment variables are shown in the console and returned by GetFunctionConfiguration to anyone with read access, and literals also sit in git and in the synthesized JSON.",
  resourceTypes: ["aws_lambda_function"],
  check(fn) {
    const variables = block(fn.attributes.environment)?.variables;
    if (!isRecord(variables)) return skip("no environment variables");
    const leaks = Object.entries(variables).filter(([name, value]) => {
      if (typeof value !== "string" || value === "" || isUnresolved(value)) return false;
      return SECRET_VALUE.test(value) || (SECRET_NAME.test(name) && !POINTER_NAME.test(name));
    });
    return leaks.length === 0 ? pass() : fail(`literal secret-like values in ${leaks.map(([n]) => n).join(", ")}`);
  },
};
