import type { DataInput } from "../data-schema";
import type { Environment } from "../presets";
import type { DeploymentInput } from "../schema";

/**
 * "The Stack" serverless SaaS (seed 003): its Lambdas run outside a VPC and
 * reach DynamoDB and S3 over AWS endpoints, so the VPC exists for future
 * VPC-bound work and carries no NAT gateway (the seed's goal: low cost).
 */

/**
 * One on-demand table (todo and media services) whose stream feeds
 * EventBridge, and image and video buckets that clients upload to through
 * signed URLs; objects over 1 MB move to Intelligent-Tiering (seed).
 */
function data(env: Environment): DataInput {
  const origin = env === "prod" ? "https://app.thestack.dev" : "https://app.dev.thestack.dev";
  return {
    dynamodb: [{
      id: "App", name: `serverless-saas-${env}-app`,
      partitionKey: { name: "pk", type: "S" }, sortKey: { name: "sk", type: "S" },
      stream: "NEW_AND_OLD_IMAGES", ttlAttribute: "expiresAt",
    }],
    mediaBuckets: [
      { id: "Images", name: `serverless-saas-${env}-media-images`, intelligentTieringMinBytes: 1048576, corsAllowedOrigins: [origin] },
      { id: "Videos", name: `serverless-saas-${env}-media-videos`, intelligentTieringMinBytes: 1048576, corsAllowedOrigins: [origin] },
    ],
  };
}

export const serverlessSaas: readonly DeploymentInput[] = [
  {
    system: "serverless-saas",
    environment: "prod",
    region: "eu-west-1",
    account: { name: "saas-prod-multi-tenant" },
    network: { cidr: "10.40.0.0/16", nat: "none" },
    data: data("prod"),
  },
  {
    system: "serverless-saas",
    environment: "dev",
    region: "eu-west-1",
    account: { name: "saas-integration-test" },
    network: { cidr: "10.41.0.0/20", nat: "none" },
    data: data("dev"),
  },
];
