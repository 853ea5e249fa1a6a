import { ApiGatewayAccount } from "@cdktf/provider-aws/lib/api-gateway-account";
import { S3Backend } from "cdktf";
import { Construct } from "constructs";
import type { AccountRef } from "../config/deployment";
import type { StateBackendLocation } from "../lib/state-backend";
import { ServiceRole } from "../modules/iam/service-role";
import type { PlatformStack } from "./platform-stack";
import { ScopeStack } from "./scope-stack";

/** Props of the edge stack of one account and region. */
export interface EdgeAccountStackProps {
  readonly account: AccountRef;
  readonly backend: StateBackendLocation;
  /** The account's state stack, applied first. */
  readonly stateStack: PlatformStack;
}

/**
 * What API Gateway keeps once per account and region: the role it writes
 * REST API access and execution logs with (`aws_api_gateway_account`).
 * Built for every account and region with a REST API; the deployments' edge
 * stacks apply after it, since a stage cannot log before the role is set.
 * State sits in the account's bucket under `_account/edge.tfstate`, beside
 * no deployment's keys.
 */
export class EdgeAccountStack extends ScopeStack {
  constructor(scope: Construct, props: EdgeAccountStackProps) {
    const region = props.backend.region;
    super(scope, "edge", { kind: "account", account: props.account, region });
    new S3Backend(this, {
      bucket: props.backend.bucket, key: "_account/edge.tfstate", region, encrypt: true, dynamodbTable: props.backend.lockTable,
    });
    this.addOverride("terraform.backend.s3.use_lockfile", true);
    this.addDependency(props.stateStack);
    const logGroups = (pattern: string) => `arn:${this.partition}:logs:${region}:${this.accountId}:log-group:${pattern}`;
    // Only the groups REST APIs write to (RestApi creates both ahead of API Gateway, encrypted), instead of
    // AmazonAPIGatewayPushToCloudWatchLogs, which may create and write any group of the account.
    const groups = [logGroups("API-Gateway-Execution-Logs_*"), logGroups("/aws/apigateway/*")];
    const role = new ServiceRole(this, "CloudWatchRole", {
      name: `apigateway-cloudwatch-${region}`, description: `API Gateway writes REST API logs in ${region} (aws_api_gateway_account)`,
      service: "apigateway.amazonaws.com", sourceAccountId: this.accountId,
      inlinePolicy: {
        name: "write-api-logs",
        statements: [
          { Effect: "Allow", Action: ["logs:DescribeLogGroups"], Resource: logGroups("*") },
          { Effect: "Allow", Action: ["logs:DescribeLogStreams", "logs:CreateLogStream", "logs:PutLogEvents"], Resource: groups },
        ],
      },
    });
    new ApiGatewayAccount(this, "ApiGatewayAccount", { cloudwatchRoleArn: role.roleArn, dependsOn: role.withPermissions });
  }
}
