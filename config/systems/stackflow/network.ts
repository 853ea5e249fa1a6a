import type { NetworkInput } from "../types";

/**
 * StackFlow (seed 000) production runs in us-east-1 with subnets in
 * us-east-1a and us-east-1b. Lambdas reach AWS APIs through interface
 * endpoints (the seed: "without internet exposure"); the NAT is for external
 * APIs only. Bedrock is called by StackFlowCacheWarmer.
 */
export function network(env: "prod" | "dev"): NetworkInput {
  return {
    cidr: env === "prod" ? "10.10.0.0/16" : "10.11.0.0/20",
    azCount: env === "prod" ? 2 : undefined,
    interfaceEndpoints: ["secretsmanager", "kms", "sqs", "logs", "sts", "bedrock-runtime"],
    /** The seed's "StackFlow application tier SG": every VPC-attached Lambda. */
    workloads: [{ name: "app", description: "StackFlow Lambda functions in the VPC (application tier)" }],
  };
}
