import { describe, expect, it } from "vitest";
import { exportLogGroups, LogGroup } from "../../modules/logs/log-group";
import { problemsOf, synthOf } from "../support/modules";

const KEY = "arn:aws:kms:us-east-1:111122223333:key/logs";
const RETENTION = "must be one of: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 (CloudWatch Logs retention values)";

describe("LogGroup", () => {
  it("creates the encrypted group with its retention, protected from deletion by default", () => {
    const json = synthOf((s) => new LogGroup(s, "Logs", { name: "/aws/rds/x/postgresql", retentionDays: 30, kmsKeyArn: KEY }));
    expect(Object.values(json.resource.aws_cloudwatch_log_group)).toEqual([{
      name: "/aws/rds/x/postgresql", retention_in_days: 30, kms_key_id: KEY, deletion_protection_enabled: true, lifecycle: { prevent_destroy: true },
    }]);
  });

  it("releases both guards when told to (dev log groups go with their stack)", () => {
    const json = synthOf((s) => new LogGroup(s, "Logs", { name: "/dev", retentionDays: 30, kmsKeyArn: KEY, deletionProtection: false }));
    expect(Object.values(json.resource.aws_cloudwatch_log_group)[0]).toMatchObject({ deletion_protection_enabled: false, lifecycle: { prevent_destroy: false } });
  });

  it("names one group per exported log <prefix>/<log>", () => {
    const json = synthOf((s) => exportLogGroups(s, "/aws/neptune/g", ["audit", "slowquery"], { retentionDays: 7, kmsKeyArn: KEY }));
    expect(Object.values(json.resource.aws_cloudwatch_log_group).map((g) => g.name)).toEqual(["/aws/neptune/g/audit", "/aws/neptune/g/slowquery"]);
  });

  it.each([
    ["retention", { retentionDays: 42 }, `test/Logs: retentionDays = 42: ${RETENTION}`],
    ["name character", { name: "bad name" }, 'test/Logs: name = "bad name": must be 1-512 letters, digits and . - _ / # (CloudWatch Logs group names)'],
    ["empty name", { name: "" }, 'test/Logs: name = "": must be 1-512 letters, digits and . - _ / # (CloudWatch Logs group names)'],
  ])("refuses a bad %s", (_case, bad, message) => {
    expect(problemsOf((s) => new LogGroup(s, "Logs", { name: "/ok", retentionDays: 30, kmsKeyArn: KEY, ...bad }))).toEqual([message]);
  });
});
