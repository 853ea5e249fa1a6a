import type { Environment } from "../../presets";
import type { EdgeInput } from "../types";
import { appDomain } from "./domain";

/**
 * The Stack's edge (seed 003): Route 53 zone and ACM certificates, the
 * public frontend (CloudFront over private S3, SPA routing), the internal
 * frontend behind the Cognito pool (MFA on, authorization-code flow), and the
 * API path CloudFront -> WAF -> REST API, whose REQUEST authorizer
 * ("Authentication cached via API Gateway") and GraphQL router are called
 * through their `live` aliases. The seed gives no cache TTL: API Gateway's
 * default 300 s. The internal frontend is a second site whose viewers
 * without a Cognito session are refused at the edge.
 */
export function edge(env: Environment): EdgeInput {
  const domain = appDomain(env);
  return {
    zone: { name: domain },
    distributions: [
      { id: "Frontend", hostname: `app.${domain}`, origin: { kind: "site", spa: true } },
      { id: "Api", hostname: `api.${domain}`, origin: { kind: "api" } },
      // The internal frontend: staff sign in through the pool below (a Lambda@Edge check, 128 MB and 5 s by default).
      { id: "Internal", hostname: `internal.${domain}`, origin: { kind: "site", spa: true }, viewerAuth: {} },
    ],
    userPool: { mfa: "ON", domainPrefix: `thestack-${env}-internal`, callbackHost: `internal.${domain}` },
    // The REST API in front of the GraphQL router (defaults: stage prod, 29 s, 1,000 rps with bursts of 2,000).
    api: { function: "GraphQLRouter", authorizer: { function: "CustomAuthorizer", resultTtlSeconds: 300 } },
  };
}
