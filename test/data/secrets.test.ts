import { describe, expect, it } from "vitest";
import { deployment } from "../support/deployments";
import { resources, stack, stackNames, type StackJson } from "../support/synth";

/**
 * What of a generated credential reaches Terraform state (README, Passwords):
 * the secret versions and the databases take it write-only; the random
 * provider keeps it, and so does ElastiCache's auth_token, which has no
 * write-only variant in provider 6.25.
 */
const dataStacks = stackNames().filter((name) => name.endsWith("-data"));
const passwordIn = (text: unknown) => /\$\{random_password\.\w+\.result\}/.exec(String(text))?.[0];

/** Every database taking a generated password: the write-only argument and its version. */
function databases(s: StackJson) {
  const take = (type: string, value: string, version: string) => Object.values(resources(s, type))
    .map((r) => ({ type, value: r[value], version: r[version] }));
  return [
    ...take("aws_rds_cluster", "master_password_wo", "master_password_wo_version"),
    ...take("aws_db_instance", "password_wo", "password_wo_version"),
  ];
}

describe.each(dataStacks.filter((name) => Object.keys(resources(stack(name), "random_password")).length > 0))("%s", (name) => {
  const s = stack(name);
  const versions = Object.values(resources(s, "aws_secretsmanager_secret_version"));

  it("writes every secret value write-only: no secret_string in the versions' state", () => {
    expect(versions.length).toBeGreaterThan(0);
    for (const v of versions) {
      expect(v).not.toHaveProperty("secret_string");
      expect(passwordIn(v.secret_string_wo)).toMatch(/^\$\{random_password\.\w+_Value_\w+\.result\}$/);
      // Generation 1 everywhere: no credential has been regenerated yet (modules/secrets/generated-secret.ts).
      expect(v.secret_string_wo_version).toBe(1);
    }
  });

  it("gives a database the value of its secret under the same version, so one bump reaches both", () => {
    const d = deployment(name.replace(/-data$/, ""));
    expect(databases(s).length).toBe(d.data.aurora.length + d.data.rds.length);
    for (const db of databases(s)) {
      const version = versions.find((v) => passwordIn(v.secret_string_wo) === db.value);
      expect(version, `${db.type} takes ${String(db.value)}`).toBeDefined();
      expect(db.version).toBe(version!.secret_string_wo_version);
    }
  });

  it("keeps the Redis auth token in its secret too, though auth_token itself stays in state", () => {
    for (const group of Object.values(resources(s, "aws_elasticache_replication_group"))) {
      expect(versions.map((v) => passwordIn(v.secret_string_wo))).toContain(group.auth_token);
    }
  });

  it("rewrites a secret when its connection fields change: the fields, not the value, are kept beside it", () => {
    const fields = resources(s, "terraform_data");
    for (const v of versions) {
      const [trigger] = (v.lifecycle as { replace_triggered_by: string[] }).replace_triggered_by;
      const id = /^terraform_data\.(\w+)$/.exec(trigger)?.[1];
      const body = JSON.parse(v.secret_string_wo as string) as Record<string, unknown>;
      // The value's key, and a connection URL built from it, are the only keys holding the value.
      const secretKey = Object.keys(body).find((k) => k !== "url" && passwordIn(body[k]))!;
      const { [secretKey]: _value, url: _url, ...rest } = body;
      expect(fields[id!].input).toEqual(rest);
      expect(passwordIn(JSON.stringify(fields[id!]))).toBeUndefined();
    }
  });
});
