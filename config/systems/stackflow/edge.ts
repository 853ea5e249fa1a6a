import type { Environment } from "../../presets";
import type { EdgeInput } from "../types";

/** The seed names no domain; the deployment's zone is this choice (delegate it from the registrar before the first apply). */
const zone = (env: Environment): string => (env === "prod" ? "stackflow-itsm.com" : `${env}.stackflow-itsm.com`);

/**
 * The seed's "Docs site CDN" (CloudFront E1UTZ9SVSR2WGV) as a distribution
 * over a private bucket, in a Route 53 zone the deployment owns. The API's
 * distribution and the REST API itself (`/prod/api/health`, settings below)
 * join once compute publishes StackFlowAPI (docs/edge.md, Phase 2 wiring).
 */
export function edge(env: Environment): EdgeInput {
  return {
    zone: { name: zone(env) },
    distributions: [{ id: "Docs", hostname: `docs.${zone(env)}`, origin: { kind: "site" } }],
    // Stage `prod` (the seed's `/prod/api/health`); 29 s integration timeout, while StackFlowAPI may run 300 s (docs/edge.md).
    api: { stageName: "prod", integrationTimeoutMs: 29_000 },
  };
}
