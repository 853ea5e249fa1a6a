import { z } from "zod";
import { defineLayer, type LayerContext } from "../context";
import { enumOf, intBetween, oneOf } from "../fields";
import { type CloudflareSettings, cloudflareSchema, resolveCloudflare } from "./edge-cloudflare";
import { type DistributionSettings, distributionSchema, resolveDistributions } from "./edge-distributions";
import { domainName } from "./edge-domains";

/** AWS managed rule groups a web ACL may run (vendor AWS); each costs WCUs, all of these fit the 1,500 default. */
export const MANAGED_RULE_GROUPS = [
  "AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesAmazonIpReputationList",
  "AWSManagedRulesAnonymousIpList", "AWSManagedRulesSQLiRuleSet", "AWSManagedRulesLinuxRuleSet",
] as const;

/** Evaluation windows a WAF rate-based rule accepts, in seconds. */
export const RATE_WINDOWS = [60, 120, 300, 600] as const;

/** The `edge.waf` section: one web ACL per deployment in front of every distribution. */
const wafSchema = z.strictObject({
  /** Requests one client IP may make per window before it is blocked (WAF accepts 10 to 2,000,000,000). @default 2000 */
  rateLimit: intBetween(10, 2_000_000_000, "requests").default(2000),
  /** @default 300 */
  rateWindowSeconds: z.number().refine((s) => (RATE_WINDOWS as readonly number[]).includes(s), { error: `${oneOf(RATE_WINDOWS)} (seconds)` }).default(300),
  /** @default the common, known-bad-inputs and IP-reputation groups */
  managedRuleGroups: z.array(enumOf(MANAGED_RULE_GROUPS)).min(1).default(["AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesAmazonIpReputationList"]),
});

/** The `edge.userPool` section: a Cognito user pool for an internal frontend (seed 003). */
const userPoolSchema = z.strictObject({
  /** @default "ON" (every user has a TOTP second factor) */
  mfa: enumOf(["OFF", "OPTIONAL", "ON"]).default("ON"),
  /** Prefix of the hosted sign-in domain `<prefix>.auth.<region>.amazoncognito.com`. */
  domainPrefix: z.string().regex(/^(?!.*(?:aws|amazon|cognito))[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, {
    error: "must be 1-63 lowercase letters, digits and inner hyphens, without aws, amazon or cognito (Cognito prefix domains)",
  }),
  /** Host name of the app the authorization-code flow returns to; under the deployment's zone. */
  callbackHost: z.string(),
});

/**
 * The `edge.api` section: the Regional REST API in front of one function of
 * `compute.functions` (through its alias when it has one). Its account and
 * region get the API Gateway CloudWatch role (EdgeAccountStack).
 */
const apiSchema = z.strictObject({
  /** Name of the function of `compute.functions` every path proxies to. */
  function: z.string(),
  /** Stage the API is served under (seed 000 calls `/prod/api/health`). @default "prod" */
  stageName: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, { error: "must be 1-128 letters, digits, hyphens and underscores (API Gateway stage names)" }).default("prod"),
  /**
   * API Gateway's integration timeout. Its quota is 29 s; a function running
   * longer (StackFlowAPI's 300 s) is cut at 29 s unless the account's quota
   * is raised first (docs/edge.md). @default 29000
   */
  integrationTimeoutMs: intBetween(50, 29_000, "milliseconds (API Gateway's integration timeout quota)").default(29_000),
  /** Per-method throttling: steady requests per second and the burst above it (the account allows 10,000 and 5,000). */
  throttling: z.strictObject({
    /** @default 1000 */
    rateLimit: intBetween(1, 10_000, "requests per second (API Gateway's account quota)").default(1000),
    /** @default 2000 */
    burstLimit: intBetween(1, 5_000, "requests (API Gateway's account burst quota)").default(2000),
  }).default({ rateLimit: 1000, burstLimit: 2000 }),
  /**
   * A Lambda REQUEST authorizer (seed 003), keyed and cached on the
   * Authorization header, on every method but OPTIONS (CORS preflights
   * carry no credentials). @default none (methods open: CloudFront's secret
   * header and the web ACLs guard the API)
   */
  authorizer: z.strictObject({
    /** Name of the function of `compute.functions` that authorizes. */
    function: z.string(),
    /**
     * Seconds API Gateway caches a decision per Authorization value: 1 to
     * 3,600 (API Gateway's maximum; 0 would turn off the cache the seed
     * relies on). @default 300 (API Gateway's default)
     */
    resultTtlSeconds: intBetween(1, 3600, "seconds (a cached authorizer: API Gateway allows up to 3600, 0 turns the cache off)").default(300),
  }).optional(),
});

/** A function of the compute layer an API calls: its contract key and the alias it is called through. */
export interface ApiFunction {
  readonly name: string;
  /** The alias API Gateway invokes; undefined calls the unqualified function ($LATEST). */
  readonly alias?: string;
}

/** The `edge` section of a deployment. */
export const edgeSchema = z.strictObject({
  /**
   * The Route 53 zone the deployment answers for: created unless
   * `existingZoneId` names one it does not own. @default none (no AWS custom domains)
   */
  zone: z.strictObject({
    name: domainName,
    existingZoneId: z.string().regex(/^Z[A-Z0-9]{1,31}$/, { error: "must be a Route 53 hosted zone id (Z and up to 31 upper-case letters and digits)" }).optional(),
  }).optional(),
  waf: wafSchema.default(wafSchema.parse({})),
  distributions: z.array(distributionSchema).default([]),
  userPool: userPoolSchema.optional(),
  /** The Cloudflare zone and the endpoint it proxies (config/layers/edge-cloudflare.ts). @default none */
  cloudflare: cloudflareSchema.optional(),
  /** The REST API in front of the deployment's API function. @default none */
  api: apiSchema.optional(),
});

/** Resolved REST API settings. */
export interface ApiSettings {
  /** `<deployment>-api`. */
  readonly name: string;
  /** The stage's regional web ACL (the API's name). */
  readonly webAclName: string;
  readonly function: ApiFunction;
  readonly stageName: string;
  readonly integrationTimeoutMs: number;
  readonly throttling: { readonly rateLimit: number; readonly burstLimit: number };
  readonly authorizer?: { readonly function: ApiFunction; readonly resultTtlSeconds: number };
  /** `aws-waf-logs-<name>`: the regional web ACL's log group. */
  readonly wafLogGroupName: string;
  /** Access log group `/aws/apigateway/<name>/access`. */
  readonly accessLogGroupName: string;
  /** Secrets Manager name of CloudFront's origin header value, which the API's web ACL requires. */
  readonly originSecretName: string;
}

/** Resolved settings of the deployment's web ACL (CLOUDFRONT scope). */
export interface WafSettings {
  readonly name: string;
  readonly rateLimit: number;
  readonly rateWindowSeconds: number;
  readonly managedRuleGroups: readonly string[];
  /** `aws-waf-logs-<deployment>`: WAF only delivers to destinations named so. */
  readonly logGroupName: string;
}

/** Resolved Cognito settings. */
export interface UserPoolSettings {
  readonly name: string;
  readonly mfa: "OFF" | "OPTIONAL" | "ON";
  readonly domainPrefix: string;
  readonly callbackUrl: string;
  readonly logoutUrl: string;
  readonly deletionProtection: boolean;
}

/** Resolved edge settings of a deployment. */
export interface EdgeSettings {
  readonly zone?: { readonly name: string; readonly existingZoneId?: string };
  /** The CLOUDFRONT-scope web ACL; undefined without distributions. */
  readonly waf?: WafSettings;
  readonly distributions: readonly DistributionSettings[];
  readonly userPool?: UserPoolSettings;
  readonly cloudflare?: CloudflareSettings;
  /** The REST API; its account and region then need the API Gateway CloudWatch role. */
  readonly api?: ApiSettings;
  /** Days edge logs (WAF, CloudFront access) are kept: the deployment's log retention. */
  readonly logRetentionDays: number;
  /** `prevent_destroy` and deletion protection on what holds data (site buckets, log groups, the user pool). */
  readonly protect: boolean;
}

/** Names the API and its parts, and checks that its functions exist in the compute layer. */
function resolveApi(a: z.output<typeof apiSchema>, ctx: LayerContext): ApiSettings {
  const d = ctx.deployment;
  const functions = ctx.settingsOf("compute")?.functions ?? [];
  const fn = (field: string, name: string): ApiFunction => {
    const f = functions.find((x) => x.name === name);
    if (!f) ctx.problem(field, name, `must name a function of compute.functions (${functions.map((x) => x.name).join(", ") || "none declared"})`);
    return { name, alias: f?.alias };
  };
  const name = ctx.name("api-gateway-rest-api", `${d.name}-api`, "edge.api");
  return {
    name, webAclName: ctx.name("waf-web-acl", name, "edge.api"), function: fn("edge.api.function", a.function), stageName: a.stageName, integrationTimeoutMs: a.integrationTimeoutMs, throttling: a.throttling,
    authorizer: a.authorizer && { function: fn("edge.api.authorizer.function", a.authorizer.function), resultTtlSeconds: a.authorizer.resultTtlSeconds },
    wafLogGroupName: ctx.name("log-group", `aws-waf-logs-${name}`, "edge.api"),
    accessLogGroupName: ctx.name("log-group", `/aws/apigateway/${name}/access`, "edge.api"),
    originSecretName: ctx.name("secret", `${d.system}/${d.environment}/api-origin-header`, "edge.api"),
  };
}

/**
 * Edge layer: the CloudFront side (one WAF web ACL per deployment,
 * distributions over private S3 sites or custom origins with their
 * certificates and DNS), a REST API in front of a compute function, a
 * Cognito user pool, and the Cloudflare zone of a deployment Cloudflare fronts.
 */
export const edgeLayer = defineLayer({
  layer: "edge",
  schema: edgeSchema.default(edgeSchema.parse({})),
  resolve(e, ctx): EdgeSettings {
    const d = ctx.deployment;
    // One web ACL in front of every distribution; none without distributions.
    const waf: WafSettings | undefined = e.distributions.length === 0 ? undefined : {
      name: ctx.name("waf-web-acl", `${d.name}-edge`, "edge.waf"), ...e.waf,
      logGroupName: ctx.name("log-group", `aws-waf-logs-${d.name}`, "edge.waf"),
    };
    let userPool: UserPoolSettings | undefined;
    if (e.userPool) {
      const u = e.userPool;
      if (!e.zone) ctx.problem("edge.userPool.callbackHost", u.callbackHost, "needs edge.zone: the app it returns to is served under the deployment's domain");
      else if (u.callbackHost !== e.zone.name && !u.callbackHost.endsWith(`.${e.zone.name}`)) ctx.problem("edge.userPool.callbackHost", u.callbackHost, `must be ${e.zone.name} or a name under it`);
      userPool = {
        name: ctx.name("cognito-user-pool", `${d.name}-users`, "edge.userPool"), mfa: u.mfa,
        domainPrefix: ctx.name("cognito-domain", u.domainPrefix, "edge.userPool.domainPrefix"),
        callbackUrl: `https://${u.callbackHost}/oauth2/callback`, logoutUrl: `https://${u.callbackHost}/`, deletionProtection: d.deletionProtection,
      };
    }
    if (e.api && !e.distributions.some((x) => x.origin.kind === "api")) {
      ctx.problem("edge.api", e.api.function, "needs a distribution with origin {kind: \"api\"} in edge.distributions: the API refuses requests that did not come through CloudFront");
    }
    // Cloudflare's header value is the origin function's own secret, in the compute layer.
    const needsSecretKey = e.api !== undefined || e.distributions.some((x) => x.origin.kind === "host");
    const hasDataKey = (["store", "table", "bucket"] as const).some((kind) => ctx.idsOf(kind).length > 0);
    if (needsSecretKey && !hasDataKey) ctx.problem("edge", "origin secrets", "need the data layer: its key encrypts the secret header a custom origin checks (declare the deployment's data stores first)");
    return {
      zone: e.zone, waf, userPool,
      distributions: resolveDistributions(e.distributions, e.zone?.name, e.api !== undefined, e.userPool?.callbackHost, ctx),
      cloudflare: e.cloudflare && resolveCloudflare(e.cloudflare, ctx),
      api: e.api && resolveApi(e.api, ctx),
      logRetentionDays: d.logRetentionDays, protect: d.deletionProtection,
    };
  },
  used: (s: EdgeSettings) => s.distributions.length > 0 || s.userPool !== undefined || s.cloudflare !== undefined || s.api !== undefined,
});
