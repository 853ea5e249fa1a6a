import type { DataInput } from "../types";
import { appDomain } from "./domain";

/**
 * One on-demand table (todo and media services) whose stream feeds
 * EventBridge, and image and video buckets that clients upload to through
 * signed URLs; objects over 1 MB move to Intelligent-Tiering (seed).
 */
/** `env`: the environment, or `pr-<n>` for a preview (config/preview.ts). */
export function data(env: string): DataInput {
  const origin = `https://app.${appDomain(env)}`;
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
