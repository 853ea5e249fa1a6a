import type { Environment } from "../../presets";
import type { EdgeInput } from "../types";

/** The seed names no domain; the deployment's zone is this choice (delegate it from the registrar before the first apply). */
const zone = (env: Environment): string => (env === "prod" ? "commerce-shop.com" : `${env}.commerce-shop.com`);

/**
 * "Users -> CloudFront -> Application Load Balancer" (seed 004): the ALB is
 * the AWS Load Balancer Controller's, answering as `ingress.<zone>` (the
 * ingress's host and certificate). Static assets use the managed caching
 * policy; the product catalog is cached 60 s at the edge ("TTL=60s is fine
 * for catalog data"); checkout, cart and the rest of the API never are.
 */
export function edge(env: Environment): EdgeInput {
  return {
    zone: { name: zone(env) },
    distributions: [{
      id: "Storefront",
      hostname: `www.${zone(env)}`,
      origin: { kind: "host", host: `ingress.${zone(env)}` },
      paths: [
        { path: "/api/catalog/*", ttlSeconds: 60 },
        { path: "/api/checkout/*", cache: false },
        { path: "/api/cart/*", cache: false },
        { path: "/api/*", cache: false },
      ],
    }],
  };
}
