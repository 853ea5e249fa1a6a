import type { PolicyStatement } from "../../iam/policy-document";

/**
 * What a task role needs for ECS Exec with CloudWatch session logging (ECS
 * developer guide, "Monitor Amazon ECS containers with ECS Exec", IAM
 * permissions): the four SSM message channels, which have no resource type
 * (so `*`), finding the log group (`DescribeLogGroups` is account-wide), and
 * writing the session streams of that one group.
 */
export function execStatements(execLogGroupArn: string): PolicyStatement[] {
  return [
    {
      Sid: "ExecChannels", Effect: "Allow",
      Action: ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"],
      Resource: "*",
    },
    { Sid: "ExecFindLogGroup", Effect: "Allow", Action: "logs:DescribeLogGroups", Resource: "*" },
    { Sid: "ExecWriteSessionLogs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"], Resource: `${execLogGroupArn}:*` },
  ];
}
