import type { DeploymentInput } from "../schema";

/**
 * "The Stack" serverless SaaS (seed 003): its Lambdas run outside a VPC and
 * reach DynamoDB and S3 over AWS endpoints, so the VPC exists for future
 * VPC-bound work and carries no NAT gateway (the seed's goal: low cost).
 */
export const serverlessSaas: readonly DeploymentInput[] = [
  {
    system: "serverless-saas",
    environment: "prod",
    region: "eu-west-1",
    account: { name: "saas-prod-multi-tenant" },
    network: { cidr: "10.40.0.0/16", nat: "none" },
  },
  {
    system: "serverless-saas",
    environment: "dev",
    region: "eu-west-1",
    account: { name: "saas-integration-test" },
    network: { cidr: "10.41.0.0/20", nat: "none" },
  },
];
