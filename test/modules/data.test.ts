import { describe, expect, it } from "vitest";
import { AuroraPostgresCluster } from "../../modules/data/aurora-postgres-cluster";
import { DynamodbTable } from "../../modules/data/dynamodb-table";
import { NeptuneServerlessCluster } from "../../modules/data/neptune-serverless-cluster";
import type { StorePlacement } from "../../modules/data/placement";
import { protection } from "../../modules/data/protection";
import { RdsDatabase } from "../../modules/data/rds-database";
import { RedisReplicationGroup } from "../../modules/data/redis-replication-group";
import { deployment } from "../support/deployments";
import { problemsOf } from "../support/modules";

const PLACEMENT: StorePlacement = {
  vpcId: "vpc", subnetIds: ["a", "b"], azs: ["us-east-1a", "us-east-1b"], consumers: { app: "sg-app" },
  kmsKeyArn: "arn:key", logsKmsKeyArn: "arn:logs", logRetentionDays: 30,
};
const ROLE = "arn:aws:iam::111122223333:role/monitoring";
const stackflow = deployment("stackflow-prod").data;
const IDENTIFIER_63 = "must be 1-63 lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen";
const BACKUP = "must be a whole number from 1 to 35 (automated backup retention in days)";
const MONITORING = "must be one of: 0, 1, 5, 10, 15, 30, 60 (enhanced monitoring intervals in seconds)";
const PI = "must be 7 (free tier), a multiple of 31 up to 713 (23 months), or 731 (two years) (Performance Insights retention)";

describe("protection", () => {
  it("protects: deletion protection, final snapshot, prevent_destroy, 30-day secret recovery", () => {
    expect(protection(true, "orders")).toEqual({
      deletionProtection: true, skipFinalSnapshot: false, finalSnapshotIdentifier: "orders-final",
      lifecycle: { preventDestroy: true }, secretRecoveryWindowDays: 30,
    });
  });

  it("releases: none of them, 7-day secret recovery", () => {
    expect(protection(false, "orders")).toEqual({
      deletionProtection: false, skipFinalSnapshot: true, finalSnapshotIdentifier: undefined,
      lifecycle: { preventDestroy: false }, secretRecoveryWindowDays: 7,
    });
  });
});

describe("AuroraPostgresCluster", () => {
  const build = (bad: object, monitoringRoleArn = ROLE) => problemsOf((s) =>
    new AuroraPostgresCluster(s, "Main", { settings: { ...stackflow.aurora[0], ...bad }, placement: PLACEMENT, monitoringRoleArn }));

  it.each([
    ["identifier with a double hyphen", { identifier: "stackflow--main" }, `test/Main: settings.identifier = "stackflow--main": ${IDENTIFIER_63}`],
    ["identifier longer than 63", { identifier: "a".repeat(64) }, `test/Main: settings.identifier = "${"a".repeat(64)}": ${IDENTIFIER_63}`],
    ["reader count", { readers: 16 }, "test/Main: settings.readers = 16: must be a whole number from 0 to 15 (Aurora replicas per cluster)"],
    ["backup retention", { backupRetentionDays: 0 }, `test/Main: settings.backupRetentionDays = 0: ${BACKUP}`],
    ["monitoring interval", { monitoringIntervalSeconds: 20 }, `test/Main: settings.monitoringIntervalSeconds = 20: ${MONITORING}`],
    ["Performance Insights retention", { performanceInsightsRetentionDays: 30 }, `test/Main: settings.performanceInsightsRetentionDays = 30: ${PI}`],
  ])("refuses a bad %s", (_case, bad, message) => {
    expect(build(bad)).toEqual([message]);
  });

  it("refuses enhanced monitoring without a role", () => {
    expect(build({}, "")).toEqual(['test/Main: monitoringRoleArn = "": must be a role ARN when monitoringIntervalSeconds is 60 (enhanced monitoring publishes through it)']);
    expect(build({ monitoringIntervalSeconds: 0 }, "")).toEqual([]);
  });
});

describe("RdsDatabase", () => {
  const axonflow = deployment("axonflow-prod").data.rds[0];
  const build = (bad: object, monitoringRoleArn = ROLE) => problemsOf((s) =>
    new RdsDatabase(s, "Main", { settings: { ...axonflow, ...bad }, placement: PLACEMENT, monitoringRoleArn }));

  it.each([
    ["identifier starting with a digit", { identifier: "1db" }, `test/Main: settings.identifier = "1db": ${IDENTIFIER_63}`],
    ["storage size", { allocatedStorageGib: 10 }, "test/Main: settings.allocatedStorageGib = 10: must be a whole number from 20 to 65536 (gp3 storage in GiB)"],
    ["backup retention", { backupRetentionDays: 36 }, `test/Main: settings.backupRetentionDays = 36: ${BACKUP}`],
    ["monitoring interval", { monitoringIntervalSeconds: 2 }, `test/Main: settings.monitoringIntervalSeconds = 2: ${MONITORING}`],
    ["Performance Insights retention", { performanceInsightsRetentionDays: 744 }, `test/Main: settings.performanceInsightsRetentionDays = 744: ${PI}`],
  ])("refuses a bad %s", (_case, bad, message) => {
    expect(build(bad)).toEqual([message]);
  });

  it("refuses enhanced monitoring without a role", () => {
    expect(build({}, "")).toEqual(['test/Main: monitoringRoleArn = "": must be a role ARN when monitoringIntervalSeconds is 60 (enhanced monitoring publishes through it)']);
  });
});

describe("NeptuneServerlessCluster", () => {
  const build = (bad: object) => problemsOf((s) =>
    new NeptuneServerlessCluster(s, "Graph", { settings: { ...stackflow.neptune[0], ...bad }, placement: PLACEMENT }));
  const CAPACITY = "must be from 1 to 128 in steps of 0.5 (Neptune capacity units)";

  it.each([
    ["identifier ending with a hyphen", { identifier: "graph-" }, `test/Graph: settings.identifier = "graph-": ${IDENTIFIER_63}`],
    ["minimum capacity", { minCapacity: 0.5 }, `test/Graph: settings.minCapacity = 0.5: ${CAPACITY}`],
    ["maximum capacity step", { maxCapacity: 8.25 }, `test/Graph: settings.maxCapacity = 8.25: ${CAPACITY}`],
    ["maximum below minimum", { minCapacity: 4, maxCapacity: 2 }, "test/Graph: settings.maxCapacity = 2: must be at least minCapacity (4)"],
    ["reader count", { readers: 16 }, "test/Graph: settings.readers = 16: must be a whole number from 0 to 15 (Neptune replicas per cluster)"],
    ["backup retention", { backupRetentionDays: 40 }, `test/Graph: settings.backupRetentionDays = 40: ${BACKUP}`],
  ])("refuses a bad %s", (_case, bad, message) => {
    expect(build(bad)).toEqual([message]);
  });
});

describe("RedisReplicationGroup", () => {
  const build = (bad: object) => problemsOf((s) =>
    new RedisReplicationGroup(s, "Cache", { settings: { ...stackflow.redis[0], ...bad }, placement: PLACEMENT }));

  it.each([
    ["id longer than 40", { replicationGroupId: "r".repeat(41) }, `test/Cache: settings.replicationGroupId = "${"r".repeat(41)}": must be 1-40 lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen`],
    ["node count", { nodes: 7 }, "test/Cache: settings.nodes = 7: must be a whole number from 1 to 6 (a primary and up to 5 replicas with cluster mode off)"],
    ["snapshot retention", { snapshotRetentionDays: 36 }, "test/Cache: settings.snapshotRetentionDays = 36: must be a whole number from 0 to 35 (ElastiCache snapshot retention in days)"],
  ])("refuses a bad %s", (_case, bad, message) => {
    expect(build(bad)).toEqual([message]);
  });
});

describe("DynamodbTable", () => {
  const table = deployment("serverless-saas-prod").data.dynamodb[0];

  it.each([
    ["short name", "ab"],
    ["name character", "app table"],
  ])("refuses a %s", (_case, name) => {
    expect(problemsOf((s) => new DynamodbTable(s, "App", { settings: { ...table, name }, kmsKeyArn: "arn:key" })))
      .toEqual([`test/App: settings.name = ${JSON.stringify(name)}: must be 3-255 letters, digits and _.- (DynamoDB table names)`]);
  });
});
