import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";

const SERVICES = ["lambda", "ecs-tasks", "ec2", "states", "events", "glue", "codebuild", "sagemaker", "firehose", "scheduler"];
const MANAGED_POLICIES = ["ReadOnlyAccess", "CloudWatchLogsFullAccess"];

/** Ten service roles, each with two managed policies attached (30 resources). */
export class RolesStack extends TerraformStack {
  constructor(scope: Construct, id: string, region: string) {
    super(scope, id);
    new AwsProvider(this, "aws", { region });
    for (const service of SERVICES) {
      const role = new IamRole(this, service, {
        name: `${id}-${service}`,
        assumeRolePolicy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Principal: { Service: `${service}.amazonaws.com` }, Action: "sts:AssumeRole" }],
        }),
      });
      for (const policy of MANAGED_POLICIES) {
        new IamRolePolicyAttachment(this, `${service}-${policy}`, { role: role.name, policyArn: `arn:aws:iam::aws:policy/${policy}` });
      }
    }
  }
}
