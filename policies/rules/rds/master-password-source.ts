import { fail, pass, skip } from "../../engine/outcome";
import { referencesIn, type Reference } from "../../engine/references";
import type { StackContext } from "../../engine/stack-context";
import type { Outcome, ResourceRule, ResourceView } from "../../engine/types";
import { flag, isSet, isUnresolved, isRecord } from "../../engine/values";
import { isReplicaOrRestore } from "./engine-family";

/** Arguments that carry a master password, write-only ones first. */
const PASSWORD_ARGUMENTS = ["master_password_wo", "password_wo", "master_password", "password"];

/** Where a password reference may come from: generated, or held in a secret store. */
function isSecretSource(reference: Reference, stack: StackContext): boolean {
  if (reference.kind === "var") return isRecord(stack.json.variable?.[reference.name]) && stack.json.variable?.[reference.name]?.sensitive === true;
  if (reference.kind !== "resource" && reference.kind !== "data") return false;
  return /^(random_password|aws_secretsmanager_|aws_ssm_parameter|ephemeral_)/.test(reference.type ?? "");
}

/** Checks a master password value: never a literal, only from a secret source. */
export function passwordSource(argument: string, value: unknown, stack: StackContext): Outcome {
  if (!isUnresolved(value)) return fail(`${argument} is a literal; it would sit in git and in every plan`);
  const sources = referencesIn(value);
  const bad = sources.filter((r) => !isSecretSource(r, stack));
  if (sources.length === 0 || bad.length > 0) {
    return fail(`${argument} comes from ${bad.map((r) => r.text).join(", ") || "an expression"}, not from random_password, Secrets Manager, SSM or a sensitive variable`);
  }
  return pass();
}

/** Master passwords are managed by RDS or come from a secret; never literals. */
export const RdsMasterPasswordSource: ResourceRule = {
  id: "RDS.MasterPasswordSource",
  scope: "resource",
  description: "aws_db_instance and aws_rds_cluster use manage_master_user_password, or take the password (preferably write-only) from random_password, Secrets Manager, SSM or a sensitive variable; never a literal.",
  why: "A literal password lives in git history, synthesized JSON and CI logs forever; a generated one kept in Secrets Manager can be rotated and audited.",
  resourceTypes: ["aws_db_instance", "aws_rds_cluster"],
  check(db: ResourceView, stack: StackContext) {
    if (flag(db.attributes.manage_master_user_password) === true) return pass();
    const argument = PASSWORD_ARGUMENTS.find((a) => isSet(db.attributes[a]));
    if (argument) return passwordSource(argument, db.attributes[argument], stack);
    if (isReplicaOrRestore(db)) return skip("credentials come from the source database or snapshot");
    return fail("no master password source: set manage_master_user_password or a write-only password from a secret");
  },
};
