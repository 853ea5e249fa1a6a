import type { Environment } from "../../presets";
import type { FunctionsInput } from "../types";

/**
 * The Stack's six functions (seed 003), outside the VPC (they reach
 * DynamoDB, S3, SES and SNS through AWS endpoints). The seed names them
 * by role only; the names are chosen. All run on arm64 (the seed's
 * GB-second price is arm64's).
 *
 * The API Gateway calls the authorizer and the router through their
 * `live` aliases; the router calls the Todo and Media subgraphs through
 * theirs ("Pin Router Lambda to versions of Subgraphs for safe
 * deployments"): a bad release is rolled back by moving an alias. The
 * router is Apollo Router, a native binary, hence `provided.al2023`.
 * Analytics is the target of the domain-events rule; Notification
 * consumes the notifications queue and sends email (SES) and mobile push (SNS).
 */
export function functions(env: Environment): FunctionsInput {
  const prod = env === "prod";
  const node = { runtime: "nodejs22.x", architecture: "arm64" } as const;
  return {
    functions: [
      { name: "CustomAuthorizer", description: "API Gateway custom authorizer (cached by the API)", ...node, memoryMb: 256, timeoutSeconds: 10, alias: "live" },
      {
        name: "TodoSubgraph", description: "GraphQL subgraph: Todo service", ...node, memoryMb: 512, timeoutSeconds: 29, alias: "live",
        access: { tables: [{ table: "App", write: true }], sendTo: ["Notifications"] },
      },
      {
        name: "MediaSubgraph", description: "GraphQL subgraph: Media service (signed uploads, MediaConvert jobs)", ...node, memoryMb: 512, timeoutSeconds: 29, alias: "live",
        access: { tables: [{ table: "App", write: true }], presignedUploads: ["Images", "Videos"], mediaConvert: true },
      },
      {
        name: "GraphQLRouter", description: "GraphQL supergraph (Apollo Router)", runtime: "provided.al2023", architecture: "arm64", handler: "bootstrap",
        memoryMb: 1024, timeoutSeconds: 29, alias: "live", reservedConcurrency: prod ? 100 : undefined,
        access: { invokes: ["TodoSubgraph", "MediaSubgraph"] },
      },
      {
        name: "Analytics", description: "Consumer of domain events (EventBridge rule target)", ...node, memoryMb: 256, timeoutSeconds: 60,
        eventRule: "AnalyticsDomainEvents",
      },
      {
        name: "Notification", description: "Sends notifications as email (SES) and mobile push (SNS)", ...node, memoryMb: 256, timeoutSeconds: 30,
        access: { sendsEmail: true, publishesTo: ["MobilePush"] },
        consumes: [{ queue: "Notifications", batchSize: 10 }],
      },
    ],
  };
}
