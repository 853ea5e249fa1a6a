import type { NetworkInput } from "../types";

/**
 * The Stack's Lambdas run outside a VPC and reach DynamoDB and S3 over AWS
 * endpoints, so the VPC exists for future VPC-bound work and carries no NAT
 * gateway (the seed's goal: low cost).
 */
export function network(env: "prod" | "dev"): NetworkInput {
  return { cidr: env === "prod" ? "10.40.0.0/16" : "10.41.0.0/20", nat: "none" };
}
