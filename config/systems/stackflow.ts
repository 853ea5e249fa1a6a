import type { DeploymentInput } from "../schema";

/**
 * StackFlow ITSM (seed 000): API Gateway -> Lambda in VPC, Aurora, Neptune,
 * Redis, SQS FIFO. Production runs in account 373544523367, us-east-1, with
 * subnets in us-east-1a and us-east-1b. Lambdas reach AWS APIs through
 * interface endpoints (the seed: "without internet exposure"); the NAT is for
 * external APIs only. Bedrock is called by StackFlowCacheWarmer.
 */
const endpoints = ["secretsmanager", "kms", "sqs", "logs", "sts", "bedrock-runtime"] as const;

export const stackflow: readonly DeploymentInput[] = [
  {
    system: "stackflow",
    environment: "prod",
    region: "us-east-1",
    account: { name: "stackflow-prod", id: "373544523367" },
    network: { cidr: "10.10.0.0/16", azCount: 2, interfaceEndpoints: [...endpoints] },
  },
  {
    system: "stackflow",
    environment: "dev",
    region: "us-east-1",
    account: { name: "stackflow-dev" },
    network: { cidr: "10.11.0.0/20", interfaceEndpoints: [...endpoints] },
  },
];
