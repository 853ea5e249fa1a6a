import { describe, expect, it } from "vitest";
import { GeneratedSecret, GeneratedSecretProps } from "../../modules/secrets/generated-secret";
import { problemsOf, synthOf } from "../support/modules";

const OK: GeneratedSecretProps = { name: "app/db", description: "db", kmsKeyArn: "arn:aws:kms:us-east-1:111122223333:key/k", recoveryWindowDays: 7 };

describe("GeneratedSecret", () => {
  it.each([
    ["name", { name: "app db" }, 'test/Secret: name = "app db": must be 1-512 letters, digits and /_+=.@- (Secrets Manager names)'],
    ["description", { description: "x".repeat(2049) }, `test/Secret: description = "${"x".repeat(2049)}": must be at most 2048 characters (Secrets Manager descriptions)`],
    ["recovery window below 7", { recoveryWindowDays: 0 }, "test/Secret: recoveryWindowDays = 0: must be a whole number from 7 to 30 (Secrets Manager recovery window)"],
    ["recovery window above 30", { recoveryWindowDays: 31 }, "test/Secret: recoveryWindowDays = 31: must be a whole number from 7 to 30 (Secrets Manager recovery window)"],
    ["length below 20", { length: 19 }, "test/Secret: length = 19: must be a whole number from 20 to 4096 (at least 20 for over 120 bits, at most Secrets Manager's 4096)"],
    ["length above 4096", { length: 4097 }, "test/Secret: length = 4097: must be a whole number from 20 to 4096 (at least 20 for over 120 bits, at most Secrets Manager's 4096)"],
    ["generation", { generation: 0 }, "test/Secret: generation = 0: must be a whole number from 1 to 2147483647 (write-only version numbers)"],
  ])("refuses a bad %s", (_case, bad, message) => {
    expect(problemsOf((s) => new GeneratedSecret(s, "Secret", { ...OK, ...bad }))).toEqual([message]);
  });

  it("accepts the bounds", () => {
    expect(problemsOf((s) => new GeneratedSecret(s, "Secret", { ...OK, recoveryWindowDays: 30, length: 20 }))).toEqual([]);
  });

  it("keeps the generated value and the secret from being destroyed, unless told otherwise", () => {
    const lifecycles = (preventDestroy?: boolean) => {
      const json = synthOf((s) => new GeneratedSecret(s, "Secret", { ...OK, preventDestroy }));
      return [json.resource.random_password, json.resource.aws_secretsmanager_secret].map((byId) => Object.values(byId)[0].lifecycle);
    };
    expect(lifecycles()).toEqual([{ prevent_destroy: true }, { prevent_destroy: true }]);
    expect(lifecycles(false)).toEqual([{ prevent_destroy: false }, { prevent_destroy: false }]);
  });

  it("ties the value to its generation: a bump replaces the value and versions every write-only consumer", () => {
    const build = (generation?: number) => {
      let secret: GeneratedSecret | undefined;
      const json = synthOf((s) => {
        secret = new GeneratedSecret(s, "Secret", { ...OK, generation });
        secret.storeJson("password", { username: "app" });
      });
      const [password] = Object.values(json.resource.random_password);
      const [version] = Object.values(json.resource.aws_secretsmanager_secret_version);
      return { version: secret!.version, keepers: password.keepers, written: version.secret_string_wo_version };
    };
    // Generation 1 writes no keeper: values created before generations existed have none, and adding one would replace them.
    expect(build()).toEqual({ version: 1, keepers: undefined, written: 1 });
    expect(build(2)).toEqual({ version: 2, keepers: { generation: "2" }, written: 2 });
  });

  it("stores the JSON write-only and keeps only its non-secret fields in state, to rewrite it when they change", () => {
    const json = synthOf((s) => new GeneratedSecret(s, "Secret", OK).storeJson("password", { host: "db.internal", port: 5432 }));
    const [version] = Object.values(json.resource.aws_secretsmanager_secret_version);
    const [fieldsId, fields] = Object.entries(json.resource.terraform_data)[0];
    expect(version).not.toHaveProperty("secret_string");
    expect(JSON.parse(version.secret_string_wo as string)).toEqual({ host: "db.internal", port: 5432, password: expect.stringMatching(/^\$\{random_password\.\w+\.result\}$/) });
    expect(fields.input).toEqual({ host: "db.internal", port: 5432 });
    expect(version.lifecycle).toEqual({ replace_triggered_by: [`terraform_data.${fieldsId}`] });
  });
});

describe("GeneratedSecret protection", () => {
  it("refuses destroy of the value and the secret unless the owner turns it off (dev)", () => {
    const protectedJson = synthOf((s) => new GeneratedSecret(s, "Secret", OK));
    const open = synthOf((s) => new GeneratedSecret(s, "Secret", { ...OK, preventDestroy: false }));
    for (const type of ["random_password", "aws_secretsmanager_secret"]) {
      expect(Object.values(protectedJson.resource[type])[0].lifecycle, type).toEqual({ prevent_destroy: true });
      expect(Object.values(open.resource[type])[0].lifecycle, type).toEqual({ prevent_destroy: false });
    }
  });
});
