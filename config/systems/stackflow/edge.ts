import type { Environment } from "../../presets";
import type { EdgeInput } from "../types";

/** The seed names no domain; the deployment's zone is this choice (delegate it from the registrar before the first apply). */
const zone = (env: Environment): string => (env === "prod" ? "stackflow-itsm.com" : `${env}.stackflow-itsm.com`);

/**
 * The seed's "Docs site CDN" (CloudFront E1UTZ9SVSR2WGV) as a distribution
 * over a private bucket, and "CloudFront -> API Gateway -> Lambda": the
 * REST API (`uazcuhdus2`, REST API entry point) proxying to StackFlowAPI's
 * alias behind its own distribution, viewers calling
 * `https://api.<zone>/prod/api/health` as the seed's health check does. All
 * in a Route 53 zone the deployment owns.
 */
export function edge(env: Environment): EdgeInput {
  return {
    zone: { name: zone(env) },
    distributions: [
      { id: "Docs", hostname: `docs.${zone(env)}`, origin: { kind: "site" } },
      { id: "Api", hostname: `api.${zone(env)}`, origin: { kind: "api" } },
    ],
    // Stage `prod` (the seed's `/prod/api/health`); 29 s integration timeout, while StackFlowAPI may run 300 s (docs/edge.md).
    api: { function: "StackFlowAPI", stageName: "prod", integrationTimeoutMs: 29_000 },
  };
}
