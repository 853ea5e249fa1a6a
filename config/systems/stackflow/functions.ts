import type { Environment } from "../../presets";
import type { FunctionsInput } from "../types";

/** The seed's application tier security group ("StackFlow application tier SG"): every function runs in it. */
const workload = "app";

/**
 * Bedrock models the cache warmer pre-warms answers and embeddings with. The
 * seed names Bedrock but no model: a small text model and the Titan v2
 * embeddings, both on-demand in us-east-1 (a choice, docs/functions.md).
 */
const BEDROCK_MODELS = ["anthropic.claude-3-haiku-20240307-v1:0", "amazon.titan-embed-text-v2:0"];

/**
 * The seed's eight functions by their exact names, runtimes and memory.
 * Only StackFlowAPI has a stated timeout (300 s) and only the API and the
 * cache warmer a stated architecture (arm64): the others run on arm64 too,
 * and their timeouts are chosen for their work: 60 s for webhook handling
 * and rotation steps, 300 s for pre-warming and key rotation, 900 s (the
 * maximum) for the CMDB sync and the patcher, which run long batches.
 *
 * Queue consumers (the seed names none): the API takes general ITSM events
 * (email-to-ticket, webhook ingestion) from StackFlow-Events-Ingestion.fifo,
 * the patcher both remediation tiers. The GitHub webhook handler feeds the
 * ingestion queue. Every function is in the VPC with the application tier's
 * group, as the seed says; each role holds only its own grants.
 */
export function functions(env: Environment): FunctionsInput {
  const prod = env === "prod";
  return {
    secrets: [
      { id: "GitHubApiToken", name: "stackflow/github-api-token", description: "GitHub API token of the GitHub sync; set by operators, rotated by StackFlowGenericSecretRotation" },
      { id: "GitHubWebhookSecret", name: "stackflow/github-webhook-secret", description: "Shared secret GitHub signs webhook deliveries with", generated: true },
      { id: "FieldEncryptionKeys", name: "stackflow/field-encryption-keys", description: "Field-level encryption keys, rotated by StackFlowFieldKeyRotator", generated: true },
    ],
    functions: [
      {
        name: "StackFlowAPI", description: "Main API handler", runtime: "nodejs22.x", architecture: "arm64", memoryMb: 1792, timeoutSeconds: 300,
        workload, alias: "live", reservedConcurrency: prod ? 200 : undefined,
        access: {
          databases: [{ store: "Main", user: "stackflow_api" }, { store: "Requirements", user: "stackflow_api" }],
          graphs: [{ store: "KnowledgeGraph", write: true }],
          storeSecrets: ["Cache"], secrets: ["FieldEncryptionKeys"],
        },
        consumes: [{ queue: "EventsIngestion", batchSize: 10 }],
      },
      {
        name: "StackFlowCacheWarmer", description: "Redis and Bedrock cache pre-warming", runtime: "python3.12", architecture: "arm64", memoryMb: 512, timeoutSeconds: 300,
        workload, access: { storeSecrets: ["Cache"], bedrockModels: BEDROCK_MODELS },
      },
      {
        name: "StackFlowNeptuneCMDBSeeder", description: "Sync CMDB to Neptune graph", runtime: "nodejs22.x", memoryMb: 512, timeoutSeconds: 900,
        workload, access: { databases: [{ store: "Main", user: "stackflow_cmdb_reader" }], graphs: [{ store: "KnowledgeGraph", write: true }] },
      },
      {
        name: "StackFlowGitHubSync", description: "GitHub webhook handler", runtime: "nodejs22.x", memoryMb: 512, timeoutSeconds: 60,
        workload, access: { secrets: ["GitHubApiToken", "GitHubWebhookSecret"], sendTo: ["EventsIngestion"] },
      },
      {
        name: "StackFlowSecretsRotation", description: "Rotate StackFlow-specific secrets", runtime: "python3.12", memoryMb: 256, timeoutSeconds: 60,
        workload, rotates: [{ secret: "Main", schedule: "rate(30 days)" }, { secret: "Requirements", schedule: "rate(30 days)" }],
      },
      {
        name: "StackFlowGenericSecretRotation", description: "Rotate external API keys", runtime: "python3.12", memoryMb: 256, timeoutSeconds: 60,
        workload, rotates: [{ secret: "GitHubApiToken", schedule: "rate(90 days)" }],
      },
      {
        name: "StackFlowFieldKeyRotator", description: "Rotate field-level encryption keys", runtime: "python3.12", memoryMb: 512, timeoutSeconds: 300,
        workload, rotates: [{ secret: "FieldEncryptionKeys", schedule: "rate(90 days)" }],
      },
      {
        name: "StackFlowPatcher", description: "Apply schema and data patches", runtime: "python3.12", memoryMb: 512, timeoutSeconds: 900,
        workload,
        access: {
          databases: [{ store: "Main", user: "stackflow_patcher" }, { store: "Requirements", user: "stackflow_patcher" }],
          graphs: [{ store: "KnowledgeGraph", write: true }],
        },
        consumes: [{ queue: "RemediationP1", batchSize: 1 }, { queue: "RemediationStandard", batchSize: 10 }],
      },
    ],
  };
}
