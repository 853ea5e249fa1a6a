import { z } from "zod";
import type { LayerContext } from "../context";
import { constructId, intBetween } from "../fields";
import { hostnameUnder } from "./edge-domains";

/** Longest TTL CloudFront cache policies accept: one year, in seconds. */
const MAX_TTL = 31_536_000;

/** A path pattern of a cache behavior: CloudFront allows 255 characters of `A-Za-z0-9_-.*$/~"'@:+&` and `?`. */
const pathPattern = z.string().regex(/^\/[A-Za-z0-9_\-.*$/~"'@:+&?]{0,254}$/, {
  error: "must start with / and use up to 255 of A-Z a-z 0-9 _ - . * $ / ~ \" ' @ : + & ? (CloudFront path patterns)",
});

/** One path's caching: a TTL, or never cached (checkout, cart). */
const pathSchema = z.strictObject({
  path: pathPattern,
  /** Cache responses here. @default true */
  cache: z.boolean().default(true),
  /** Seconds a response is cached (default and maximum TTL); only for a cached path. @default CloudFront's managed CachingOptimized policy */
  ttlSeconds: intBetween(0, MAX_TTL, "seconds").optional(),
});

/** Where a distribution fetches from. */
const originSchema = z.discriminatedUnion("kind", [
  /** A private S3 bucket of this layer, read through origin access control. */
  z.strictObject({
    kind: z.literal("site"),
    /** A single-page app: 403/404 from the bucket answer with /index.html and 200. @default false */
    spa: z.boolean().default(false),
  }),
  /**
   * A custom HTTPS origin reached by host name (an ALB the in-cluster
   * controller creates, whose name the deployment assigns), which must refuse
   * requests without the secret origin header.
   */
  z.strictObject({
    kind: z.literal("host"),
    host: z.string(),
    /** Seconds CloudFront waits for the origin (1-60 without a quota increase). @default 30 */
    readTimeoutSeconds: intBetween(1, 60, "seconds").default(30),
  }),
  /**
   * The deployment's REST API (`edge.api`) at its execute-api host; nothing
   * is cached unless a path says so, and the API's web ACL refuses requests
   * without this distribution's secret header.
   */
  z.strictObject({
    kind: z.literal("api"),
    /** Seconds CloudFront waits for the API (1-60; API Gateway ends integrations at 29 s). @default 30 */
    readTimeoutSeconds: intBetween(1, 60, "seconds").default(30),
  }),
], { error: "must be {kind: \"site\"}, {kind: \"host\", host} or {kind: \"api\"}" });

const VIEWER_MEMORY = "must be 128 (Lambda@Edge viewer triggers allow at most 128 MB, Lambda's minimum)";

/**
 * The Lambda@Edge viewer-request check in front of a site: viewers without a
 * valid Cognito session (`edge.userPool`) are sent to its managed login.
 * Viewer triggers allow at most 128 MB and 5 s (CloudFront quotas on Lambda@Edge).
 */
const viewerAuthSchema = z.strictObject({
  /** Memory of the function; Lambda's minimum is also the viewer triggers' maximum. @default 128 */
  memoryMb: z.number({ error: VIEWER_MEMORY }).refine((v) => v === 128, { error: VIEWER_MEMORY }).default(128),
  /** Seconds the check may take. @default 5 */
  timeoutSeconds: intBetween(1, 5, "seconds (Lambda@Edge viewer triggers)").default(5),
});

/** One CloudFront distribution. */
export const distributionSchema = z.strictObject({
  id: constructId,
  /** Host name viewers use, under `edge.zone` (its certificate is issued and validated there). */
  hostname: z.string(),
  /**
   * An ACM certificate to use instead of issuing one in the zone: it must be
   * in us-east-1, where CloudFront reads certificates. @default issued in the zone
   */
  certificateArn: z.string().optional(),
  origin: originSchema,
  /** Path-specific caching, in precedence order. @default none */
  paths: z.array(pathSchema).default([]),
  /** Refuse viewers without a Cognito session (a site whose hostname is `edge.userPool.callbackHost`). @default open */
  viewerAuth: viewerAuthSchema.optional(),
});

/** A resolved viewer check: the us-east-1 function, its role, log group and code bucket. */
export interface ViewerAuthSettings {
  readonly functionName: string;
  readonly roleName: string;
  /** `/aws/lambda/us-east-1.<function>`: where Lambda@Edge logs in us-east-1 (other regions create their own). */
  readonly logGroupName: string;
  /** The us-east-1 bucket holding its packages (Lambda reads code from its own region). */
  readonly codeBucketName: string;
  /** Its own us-east-1 key (code bucket and log group), without `alias/`. */
  readonly keyAlias: string;
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
}

/** A resolved cache behavior. */
export interface PathSettings {
  readonly path: string;
  readonly cache: boolean;
  readonly ttlSeconds?: number;
}

/** A resolved distribution. */
export interface DistributionSettings {
  readonly id: string;
  readonly hostname: string;
  readonly certificateArn?: string;
  readonly origin:
    | { readonly kind: "site"; readonly spa: boolean; readonly bucketName: string }
    | { readonly kind: "host"; readonly host: string; readonly readTimeoutSeconds: number; readonly originSecretName: string }
    /** The REST API; its origin secret is the API's (`edge.api`). */
    | { readonly kind: "api"; readonly readTimeoutSeconds: number };
  readonly paths: readonly PathSettings[];
  /** CloudFront access logs (a CloudWatch log group in us-east-1). */
  readonly logGroupName: string;
  readonly viewerAuth?: ViewerAuthSettings;
}

const ACM_ARN = /^arn:aws[a-z-]*:acm:([a-z0-9-]+):\d{12}:certificate\/[0-9a-f-]{36}$/;
const kebab = (id: string) => id.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();

/** Checks hosts against the zone, certificates' region, and caching of uncacheable paths; names buckets, log groups and secrets. */
export function resolveDistributions(input: readonly z.output<typeof distributionSchema>[], zone: string | undefined, hasApi: boolean, callbackHost: string | undefined, ctx: LayerContext): DistributionSettings[] {
  const d = ctx.deployment;
  return input.map((x, i): DistributionSettings => {
    const field = (key: string) => `edge.distributions.${i}.${key}`;
    ctx.define("distribution", x.id, field("id"));
    if (zone) hostnameUnder(x.hostname, zone, field("hostname"), ctx);
    else if (!x.certificateArn) ctx.problem(field("hostname"), x.hostname, "needs a certificate: set edge.zone (to issue one) or certificateArn");
    if (x.certificateArn !== undefined) {
      const region = ACM_ARN.exec(x.certificateArn)?.[1];
      if (region !== "us-east-1") ctx.problem(field("certificateArn"), x.certificateArn, "must be an ACM certificate ARN in us-east-1 (CloudFront only uses certificates from there)");
    }
    x.paths.forEach((p, j) => {
      if (!p.cache && p.ttlSeconds !== undefined) ctx.problem(field(`paths.${j}.ttlSeconds`), p.ttlSeconds, `must be unset: ${p.path} is marked uncacheable (cache: false)`);
    });
    const logGroupName = ctx.name("log-group", `/aws/cloudfront/${d.name}/${kebab(x.id)}`, field("id"), x.id);
    const origin = x.origin.kind === "site"
      ? { ...x.origin, bucketName: ctx.name("s3-bucket", `${d.name}-${kebab(x.id)}-site`, field("id"), x.id) }
      : x.origin.kind === "host"
        ? { ...x.origin, originSecretName: ctx.name("secret", `${d.system}/${d.environment}/${kebab(x.id)}-origin-header`, field("id"), x.id) }
        : x.origin;
    if (x.origin.kind === "host") hostnameUnder(x.origin.host, x.origin.host, field("origin.host"), ctx);
    if (x.origin.kind === "api" && !hasApi) ctx.problem(field("origin.kind"), "api", "needs edge.api: the REST API this distribution fronts");
    return { id: x.id, hostname: x.hostname, certificateArn: x.certificateArn, origin, paths: x.paths, logGroupName, viewerAuth: x.viewerAuth && resolveViewerAuth(x, callbackHost, field, ctx) };
  });
}

/** Checks the site, pool and host a viewer check needs; names its function, role, log group and code bucket. */
function resolveViewerAuth(x: z.output<typeof distributionSchema>, callbackHost: string | undefined, field: (key: string) => string, ctx: LayerContext): ViewerAuthSettings {
  const d = ctx.deployment;
  const v = x.viewerAuth!;
  if (x.origin.kind !== "site") ctx.problem(field("viewerAuth"), x.origin.kind, "needs origin {kind: \"site\"}: only a site's viewers sign in through the user pool");
  if (callbackHost === undefined) ctx.problem(field("viewerAuth"), x.id, "needs edge.userPool: the pool whose sessions the check accepts");
  else if (x.hostname !== callbackHost) ctx.problem(field("hostname"), x.hostname, `must be edge.userPool.callbackHost (${callbackHost}): the pool returns signed-in viewers there`);
  const functionName = ctx.name("lambda-function", `${d.name}-${kebab(x.id)}-viewer-auth`, field("id"), x.id);
  return {
    functionName,
    roleName: ctx.name("iam-role", `${d.name}-${kebab(x.id)}-viewer-auth`, field("id"), x.id),
    logGroupName: ctx.name("log-group", `/aws/lambda/us-east-1.${functionName}`, field("id"), x.id),
    codeBucketName: ctx.name("s3-bucket", `${d.name}-${kebab(x.id)}-edge-code`, field("id"), x.id),
    keyAlias: ctx.name("kms-alias", `${d.name}/${kebab(x.id)}-viewer-auth`, field("id"), x.id),
    memoryMb: v.memoryMb, timeoutSeconds: v.timeoutSeconds,
  };
}
