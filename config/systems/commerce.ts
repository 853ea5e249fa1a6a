import type { DeploymentInput } from "../schema";

/**
 * E-commerce platform (seed 004): 3-AZ VPC 10.0.0.0/16 in production with a
 * NAT gateway per AZ ("no cross-AZ NAT traffic during an AZ failure"), EKS
 * nodes in private subnets, Aurora and Redis in database subnets with no
 * internet route. The seed keeps dev and staging in one account
 * (AWS_ACCOUNT_ID) and prod in another (AWS_ACCOUNT_PROD_ID).
 */
const endpoints = ["ecr.api", "ecr.dkr", "logs", "secretsmanager", "sts"] as const;

export const commerce: readonly DeploymentInput[] = [
  {
    system: "commerce",
    environment: "prod",
    region: "us-west-2",
    account: { name: "commerce-prod" },
    network: { cidr: "10.0.0.0/16", interfaceEndpoints: [...endpoints] },
  },
  {
    system: "commerce",
    environment: "staging",
    region: "us-west-2",
    account: { name: "commerce-nonprod" },
    network: { cidr: "10.1.0.0/16", interfaceEndpoints: [...endpoints] },
  },
  {
    system: "commerce",
    environment: "dev",
    region: "us-west-2",
    account: { name: "commerce-nonprod" },
    network: { cidr: "10.2.0.0/20", interfaceEndpoints: [...endpoints] },
  },
];
