import type { Environment } from "../../presets";
import type { EdgeInput } from "../types";
import { appDomain } from "./domain";

/**
 * The Stack's edge (seed 003): Route 53 zone and ACM certificates, the
 * public frontend (CloudFront over private S3, SPA routing), the Cognito
 * pool of the internal frontend (MFA on, authorization-code flow), and the
 * API path CloudFront -> WAF -> REST API, whose REQUEST authorizer
 * ("Authentication cached via API Gateway") and GraphQL router are called
 * through their `live` aliases. The seed gives no cache TTL: API Gateway's
 * default 300 s. The internal frontend's distribution is not built yet
 * (docs/edge.md, "Not built yet").
 */
export function edge(env: Environment): EdgeInput {
  const domain = appDomain(env);
  return {
    zone: { name: domain },
    distributions: [
      { id: "Frontend", hostname: `app.${domain}`, origin: { kind: "site", spa: true } },
      { id: "Api", hostname: `api.${domain}`, origin: { kind: "api" } },
    ],
    userPool: { mfa: "ON", domainPrefix: `thestack-${env}-internal`, callbackHost: `internal.${domain}` },
    // The REST API in front of the GraphQL router (defaults: stage prod, 29 s, 1,000 rps with bursts of 2,000).
    api: { function: "GraphQLRouter", authorizer: { function: "CustomAuthorizer", resultTtlSeconds: 300 } },
  };
}
