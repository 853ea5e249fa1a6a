import { describe, expect, it } from "vitest";
import { manifest, only, onlyRef, policy, stack } from "../support/synth";

/** Accounts and regions with a REST API (stackflow, serverless-saas), and the edge stack of the deployment using each. */
const ACCOUNT_STACKS = [
  ["stackflow-prod-us-east-1-edge", "us-east-1", "stackflow-prod-edge", "stackflow-prod-373544523367-us-east-1-tfstate"],
  ["stackflow-dev-us-east-1-edge", "us-east-1", "stackflow-dev-edge", "stackflow-dev-us-east-1-tfstate"],
  ["saas-prod-multi-tenant-eu-west-1-edge", "eu-west-1", "serverless-saas-prod-edge", "saas-prod-multi-tenant-eu-west-1-tfstate"],
  ["saas-integration-test-eu-west-1-edge", "eu-west-1", "serverless-saas-dev-edge", "saas-integration-test-eu-west-1-tfstate"],
] as const;
const ACCOUNT = "${data.aws_caller_identity.Caller.account_id}";
const ARN = "arn:${data.aws_partition.Partition.partition}";

describe("the account-scoped edge stack (API Gateway's CloudWatch role, once per account and region with a REST API)", () => {
  it("exists exactly for the accounts and regions whose deployments configure edge.api", () => {
    expect(Object.keys(manifest().stacks).filter((s) => /-[a-z]+-[a-z]+-\d-edge$/.test(s)).sort()).toEqual(ACCOUNT_STACKS.map(([name]) => name).sort());
  });

  it.each(ACCOUNT_STACKS)("%s: sets the account's role, which writes only the REST API log groups of %s, before the edge stack applies", (name, region, edge, bucket) => {
    const s = stack(name);
    expect(s.terraform.backend).toEqual({ s3: { bucket, key: "_account/edge.tfstate", region, encrypt: true, dynamodb_table: bucket.replace(/-\d{12}-/, "-").replace(/-tfstate$/, "-tflock"), use_lockfile: true } });
    const role = only(s, "aws_iam_role");
    expect(role.name).toBe(`apigateway-cloudwatch-${region}`);
    expect(policy(role.assume_role_policy)).toEqual({ Version: "2012-10-17", Statement: [{
      Effect: "Allow", Principal: { Service: "apigateway.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } },
    }] });
    const logs = `${ARN}:logs:${region}:${ACCOUNT}:log-group:`;
    expect(policy(only(s, "aws_iam_role_policy").policy)).toEqual({ Version: "2012-10-17", Statement: [
      { Effect: "Allow", Action: ["logs:DescribeLogGroups"], Resource: `${logs}*` },
      { Effect: "Allow", Action: ["logs:DescribeLogStreams", "logs:CreateLogStream", "logs:PutLogEvents"], Resource: [`${logs}API-Gateway-Execution-Logs_*`, `${logs}/aws/apigateway/*`] },
    ] });
    expect(s.resource?.aws_iam_role_policy_attachment).toBeUndefined();
    expect(only(s, "aws_api_gateway_account")).toMatchObject({ cloudwatch_role_arn: onlyRef(s, "aws_iam_role", "arn") });
    expect(manifest().stacks[name].dependencies).toEqual([name.replace(/-edge$/, "-state")]);
    expect(manifest().stacks[edge].dependencies).toContain(name);
  });
});
