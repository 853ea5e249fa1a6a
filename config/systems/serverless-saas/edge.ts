import type { Environment } from "../../presets";
import type { EdgeInput } from "../types";
import { appDomain } from "./domain";

/**
 * The Stack's edge (seed 003): Route 53 zone and ACM certificates, the
 * public frontend (CloudFront over private S3, SPA routing) and the Cognito
 * pool of the internal frontend (MFA on, authorization-code flow). The
 * internal frontend's distribution and the API path (CloudFront -> WAF ->
 * REST API with the cached authorizer) need compute's functions (docs/edge.md).
 */
export function edge(env: Environment): EdgeInput {
  const domain = appDomain(env);
  return {
    zone: { name: domain },
    distributions: [{ id: "Frontend", hostname: `app.${domain}`, origin: { kind: "site", spa: true } }],
    userPool: { mfa: "ON", domainPrefix: `thestack-${env}-internal`, callbackHost: `internal.${domain}` },
    // The REST API in front of the GraphQL router (defaults: stage prod, 29 s, 1,000 rps with bursts of 2,000).
    api: {},
  };
}
