import { describe, expect, it } from "vitest";
import { StoreSecurityGroup } from "../../modules/data/store-security-group";
import type { StorePlacement } from "../../modules/data/placement";
import { FlowLogs } from "../../modules/network/flow-logs";
import { SubnetTier } from "../../modules/network/subnet-tier";
import { WorkloadSecurityGroups, WorkloadSecurityGroupsProps } from "../../modules/network/workload-security-groups";
import { problemsOf } from "../support/modules";

const DESCRIPTION = "must be at most 255 letters, digits, spaces and ._-:/()#,@[]+=&;{}!$* (EC2 security group descriptions)";
const NAME = "must be 1-255 letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*, not starting with sg- (EC2 security group names)";
const PORT = "must be a whole number from 1 to 65535 (TCP ports)";

const PLACEMENT: StorePlacement = {
  vpcId: "vpc", subnetIds: ["a", "b"], azs: ["us-west-2a", "us-west-2b"], consumers: { app: "sg-app" },
  kmsKeyArn: "arn:key", logsKmsKeyArn: "arn:logs", logRetentionDays: 30,
};

describe("StoreSecurityGroup", () => {
  const build = (kind: string, port: number, identifier = "db") =>
    problemsOf((s) => new StoreSecurityGroup(s, "Group", { identifier, kind, port, placement: PLACEMENT }));

  it("refuses a port outside 1-65535", () => {
    expect(build("Redis", 0)).toEqual([`test/Group: port = 0: ${PORT}`]);
  });

  it("refuses a description EC2 would reject (characters, then length)", () => {
    expect(build("Redis ü", 6379)).toEqual([`test/Group: description = "Redis ü data store: its consuming workloads only, no egress": ${DESCRIPTION}`]);
    const kind = "k".repeat(220);
    expect(build(kind, 6379)).toEqual([`test/Group: description = "${kind} data store: its consuming workloads only, no egress": ${DESCRIPTION}`]);
  });

  it("refuses a group name with the sg- prefix EC2 reserves", () => {
    expect(build("Redis", 6379, "sg-cache")).toEqual([`test/Group: name = "sg-cache-sg": ${NAME}`]);
  });
});

describe("WorkloadSecurityGroups", () => {
  const build = (workloads: WorkloadSecurityGroupsProps["workloads"]) =>
    problemsOf((s) => new WorkloadSecurityGroups(s, "Workloads", { vpcId: "vpc", namePrefix: "axonflow-prod", workloads }));

  it("checks every workload and reports all problems at once", () => {
    expect(build([
      { name: "agent", description: "d".repeat(257), ingressFrom: [{ workload: "alb", port: 70000 }] },
      { name: "n".repeat(250), description: "Agent «ECS»: any character an EC2 tag takes", ingressFrom: [] },
    ])).toEqual([
      `test/Workloads: workloads[0].description = "${"d".repeat(257)}": must be at most 256 characters (EC2 tag values)`,
      `test/Workloads: workloads[0].ingressFrom[0].port = 70000: ${PORT}`,
      'test/Workloads: workloads[0].ingressFrom[0].workload = "alb": must name one of the workloads: agent, ' + "n".repeat(250),
      `test/Workloads: workloads[1].name = "axonflow-prod-${"n".repeat(250)}": ${NAME}`,
    ]);
  });
});

describe("SubnetTier", () => {
  it("refuses a CIDR list that does not match the AZs", () => {
    expect(problemsOf((s) => new SubnetTier(s, "Tier", {
      vpcId: "vpc", namePrefix: "x-data", tier: "data", cidrs: ["10.0.0.0/24"], azs: ["us-west-2a", "us-west-2b"],
    }))).toEqual(['test/Tier: cidrs = ["10.0.0.0/24"]: must hold one CIDR per AZ (2: us-west-2a, us-west-2b)']);
  });
});

describe("FlowLogs", () => {
  const build = (name: string, retentionDays: number) =>
    problemsOf((s) => new FlowLogs(s, "FlowLogs", { vpcId: "vpc", name, retentionDays, kmsKeyArn: "arn:logs", accountId: "111122223333" }));

  it("refuses a name whose delivery role would exceed IAM's 64 characters", () => {
    expect(build("f".repeat(56), 30)).toEqual([
      `test/FlowLogs: name = "${"f".repeat(56)}": must be 1-55 letters, digits and +=,.@_- (the role <name>-delivery must fit IAM's 64)`,
    ]);
  });

  it("refuses a retention CloudWatch Logs does not offer", () => {
    expect(build("x-flow-logs", 10)).toEqual([
      "test/FlowLogs: retentionDays = 10: must be one of: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 (CloudWatch Logs retention values)",
    ]);
  });
});
