import { describe, expect, it } from "vitest";
import { formatProblem } from "../../config/errors";
import { ORGANIZATION, type OrganizationInput, organizationProblems } from "../../config/organization";
import { DEPLOYMENTS } from "../support/deployments";
import { only, onlyRef, outputValues, policy, stack, stackNames, upstream } from "../support/synth";

const SINK_STACK = "the-stack-organization-observability";
const TYPES = ["AWS::CloudWatch::Metric", "AWS::Logs::LogGroup", "AWS::XRay::Trace"];
const problems = (org: OrganizationInput): string[] => organizationProblems(org, DEPLOYMENTS).map(formatProblem);

describe("serverless-saas cross-account observability (OAM)", () => {
  it("holds the sink in the monitoring account, with its own state there", () => {
    const s = stack(SINK_STACK);
    expect(only(s, "aws_oam_sink").name).toBe("the-stack");
    expect(s.terraform.backend).toEqual({
      s3: { bucket: "saas-monitoring-eu-west-1-tfstate", key: "_organization/the-stack/observability.tfstate", region: "eu-west-1", encrypt: true, dynamodb_table: "saas-monitoring-eu-west-1-tflock", use_lockfile: true },
    });
    expect(s.provider!.aws[0].region).toBe("eu-west-1");
    expect(s.provider!.aws[0].default_tags).toEqual([{ tags: expect.objectContaining({ scope: "organization", organization: "the-stack", layer: "observability" }) }]);
    expect(outputValues(s)).toEqual({ sink_arn: onlyRef(s, "aws_oam_sink", "arn") });
  });

  it("lets the organization's accounts, and no other, link metrics, log groups and traces only", () => {
    const s = stack(SINK_STACK);
    const sinkPolicy = only(s, "aws_oam_sink_policy");
    expect(sinkPolicy.sink_identifier).toBe(onlyRef(s, "aws_oam_sink", "arn"));
    expect(policy(sinkPolicy.policy)).toEqual({
      Version: "2012-10-17",
      Statement: [{
        Sid: "OrganizationAccountsLink",
        Effect: "Allow",
        Principal: "*",
        Action: ["oam:CreateLink", "oam:UpdateLink"],
        Resource: "*",
        Condition: {
          StringEquals: { "aws:PrincipalOrgID": "${data.aws_organizations_organization.Organization.id}" },
          "ForAllValues:StringEquals": { "oam:ResourceTypes": TYPES },
        },
      }],
    });
  });

  it("links each member account hosting a deployment once per region, to the sink read from its contract", () => {
    const linkStacks = stackNames().filter((n) => stack(n).resource?.aws_oam_link !== undefined);
    expect(linkStacks).toEqual(["saas-integration-test-eu-west-1-observability", "saas-prod-multi-tenant-eu-west-1-observability"]);
    for (const name of linkStacks) {
      const s = stack(name);
      const link = only(s, "aws_oam_link");
      expect(link).toEqual(expect.objectContaining({ label_template: "$AccountName", resource_types: TYPES, sink_identifier: upstream(SINK_STACK, "sink_arn") }));
      expect((s.data!.terraform_remote_state as Record<string, { config: unknown }>)[SINK_STACK].config).toEqual({
        bucket: "saas-monitoring-eu-west-1-tfstate", key: "_organization/the-stack/observability.tfstate", region: "eu-west-1",
      });
      expect((s.terraform.backend.s3 as { key: string }).key).toBe("_account/observability.tfstate");
    }
  });

  it("refuses a monitoring account that is not a member, no resource type, and a member deployment outside the sink's region", () => {
    const obs = ORGANIZATION.observability!;
    expect(problems({ ...ORGANIZATION, observability: { ...obs, monitoringAccount: "saas-logs" } })).toEqual([]);
    expect(problems({ ...ORGANIZATION, observability: { ...obs, monitoringAccount: "saas-watch" } })).toEqual([
      `organization: observability.monitoringAccount = "saas-watch": must name a member account (${ORGANIZATION.accounts.map((a) => a.label).join(", ")})`,
    ]);
    expect(problems({ ...ORGANIZATION, observability: { ...obs, resourceTypes: [] } })).toEqual([
      `organization: observability.resourceTypes = []: must list at least one of ${TYPES.join(", ")}`,
    ]);
    expect(problems({ ...ORGANIZATION, observability: { ...obs, resourceTypes: ["AWS::XRay::Trace"] } })).toEqual([]);
    const moved = DEPLOYMENTS.map((d) => (d.name === "serverless-saas-dev" ? { ...d, region: "us-east-1" } : d));
    expect(organizationProblems(ORGANIZATION, moved).map(formatProblem)).toEqual([
      'organization: observability.monitoringAccount = "saas-monitoring": has its sink in eu-west-1, but serverless-saas-dev runs in us-east-1 (an OAM link reaches a sink of its own region only)',
    ]);
  });
});
