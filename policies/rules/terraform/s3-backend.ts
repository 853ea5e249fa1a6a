import { fail, pass, skip } from "../../engine/outcome";
import type { StackRule } from "../../engine/types";
import { flag, isRecord, show } from "../../engine/values";

/** Every layer stack keeps encrypted, locked state in S3. */
export const TerraformS3Backend: StackRule = {
  id: "Terraform.S3Backend",
  scope: "stack",
  description: "Every stack except the bootstrap state stacks uses the s3 backend with encrypt = true and locking (use_lockfile = true or a dynamodb_table).",
  why: "State holds every resource's attributes, generated secrets included; unencrypted it leaks them, unlocked two applies corrupt it, local it is lost with the runner.",
  check(stack) {
    const address = "terraform.backend";
    if (stack.isStateStack) return [{ address, outcome: skip("bootstrap stack: starts on local state by design (README, State bootstrap)") }];
    const backends = stack.json.terraform?.backend ?? {};
    const s3 = backends.s3;
    if (!isRecord(s3)) return [{ address, outcome: fail(`backend is ${Object.keys(backends).join(", ") || "not set"}, not s3`) }];
    const problems = [
      ...(flag(s3.encrypt) === true ? [] : [`encrypt is ${show(s3.encrypt)}`]),
      ...(flag(s3.use_lockfile) === true || typeof s3.dynamodb_table === "string" ? [] : ["no locking (use_lockfile or dynamodb_table)"]),
    ];
    return [{ address, outcome: problems.length === 0 ? pass() : fail(problems.join("; ")) }];
  },
};
