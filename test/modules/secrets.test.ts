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
  ])("refuses a bad %s", (_case, bad, message) => {
    expect(problemsOf((s) => new GeneratedSecret(s, "Secret", { ...OK, ...bad }))).toEqual([message]);
  });

  it("accepts the bounds", () => {
    expect(problemsOf((s) => new GeneratedSecret(s, "Secret", { ...OK, recoveryWindowDays: 30, length: 20 }))).toEqual([]);
  });
});

describe("GeneratedSecret protection", () => {
  it("refuses destroy of the value and the secret only when asked, leaving other secrets' JSON as it was", () => {
    const protectedJson = synthOf((s) => new GeneratedSecret(s, "Secret", { ...OK, preventDestroy: true }));
    for (const type of ["random_password", "aws_secretsmanager_secret"]) {
      expect(Object.values(protectedJson.resource[type])[0].lifecycle, type).toEqual({ prevent_destroy: true });
    }
    const plain = synthOf((s) => new GeneratedSecret(s, "Secret", OK));
    for (const type of ["random_password", "aws_secretsmanager_secret"]) expect(Object.values(plain.resource[type])[0], type).not.toHaveProperty("lifecycle");
  });
});
