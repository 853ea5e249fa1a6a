import { describe, expect, it } from "vitest";
import { at, type Boundary, expectBoundary, problemsOf, shown } from "./boundaries";

const base = {
  system: "commerce", environment: "prod", region: "us-west-2", account: "commerce-prod", network: { cidr: "10.40.0.0/16" },
  data: { dynamodb: [{ id: "App", name: "shop-app", partitionKey: { name: "pk", type: "S" } }] },
  compute: {
    functions: [
      { name: "Api", description: "the API", runtime: "nodejs22.x", memoryMb: 512, timeoutSeconds: 29, alias: "live" },
      { name: "Auth", description: "the authorizer", runtime: "nodejs22.x", memoryMb: 256, timeoutSeconds: 10 },
      {
        name: "Hook", description: "the receiver Cloudflare fronts", runtime: "nodejs22.x", memoryMb: 256, timeoutSeconds: 10, alias: "live",
        url: { allowedDomain: "in.hooks.example.com", edgeSecretHeader: "X-Origin-Verify", edgeSecret: "Shared" },
      },
    ],
    secrets: [{ id: "Shared", name: "shop/edge-shared", description: "the header value", generated: true }],
  },
};
const ZONE = "shop.example.com";
const CERT = (region: string) => `arn:aws:acm:${region}:123456789012:certificate/12345678-1234-1234-1234-123456789012`;

/** A zone, a distribution in front of a host origin with a catalog path, an API with its authorizer behind a second one, and a Cloudflare zone, all valid; each row changes one field. */
const valid = () => ({
  zone: { name: ZONE } as Record<string, unknown>,
  waf: {} as Record<string, unknown>,
  distributions: [{
    id: "Store", hostname: `www.${ZONE}`, origin: { kind: "host", host: "alb.example.com" } as Record<string, unknown>,
    paths: [{ path: "/catalog/*", ttlSeconds: 60 } as Record<string, unknown>, { path: "/checkout/*", cache: false } as Record<string, unknown>],
  } as Record<string, unknown>, { id: "ApiCdn", hostname: `api.${ZONE}`, origin: { kind: "api" } } as Record<string, unknown>],
  api: { function: "Api", throttling: {} as Record<string, unknown>, authorizer: { function: "Auth" } as Record<string, unknown> } as Record<string, unknown>,
  cloudflare: { zone: { name: "hooks.example.com" }, endpoint: "in.hooks.example.com", origin: "Hook", rateLimit: {} as Record<string, unknown> } as Record<string, unknown>,
});
type Edge = ReturnType<typeof valid>;
const edge = (change: (e: Edge, v: unknown) => void) => (v: unknown) => {
  const e = valid();
  change(e, v);
  return { ...base, edge: e };
};
const distribution = (key: string) => edge((e, v) => { e.distributions[0][key] = v; });
const path = (i: number, key: string) => edge((e, v) => { (e.distributions[0].paths as Record<string, unknown>[])[i][key] = v; });
/** No zone: the API's distribution brings its own certificate, so only the first distribution's is in question. */
const noZone = (e: Edge) => {
  Object.assign(e, { zone: undefined });
  e.distributions[1].certificateArn = CERT("us-east-1");
};
/** The valid edge plus a Cognito pool and an internal site (distribution 2) whose viewers it checks. */
const internal = (change: (e: Edge, x: Record<string, unknown>, v: unknown) => void) => edge((e, v) => {
  Object.assign(e, { userPool: { mfa: "ON", domainPrefix: "shop-internal", callbackHost: `internal.${ZONE}` } });
  const x: Record<string, unknown> = { id: "Internal", hostname: `internal.${ZONE}`, origin: { kind: "site", spa: true }, viewerAuth: {} };
  e.distributions.push(x);
  change(e, x, v);
});
const viewerAuth = (key: string) => internal((_e, x, v) => { x.viewerAuth = { [key]: v }; });
const VIEWER_MEMORY = "must be 128 (Lambda@Edge viewer triggers allow at most 128 MB, Lambda's minimum)";
const whole = (min: number, max: number, unit = "") => `must be a whole number between ${min} and ${max}${unit ? ` ${unit}` : ""}`;
const DOMAIN = "must be a lowercase domain name: dot-separated labels of letters, digits and inner hyphens (up to 63 characters each), at most 253 characters";
const label = (n: number) => "a".repeat(n);

const rows: Boundary[] = [
  at("edge.waf.rateLimit", 10, 9, whole(10, 2_000_000_000, "requests"), edge((e, v) => { e.waf.rateLimit = v; })),
  at("edge.waf.rateLimit", 2_000_000_000, 2_000_000_001, whole(10, 2_000_000_000, "requests"), edge((e, v) => { e.waf.rateLimit = v; })),
  at("edge.waf.rateWindowSeconds", 600, 601, "must be one of: 60, 120, 300, 600 (seconds)", edge((e, v) => { e.waf.rateWindowSeconds = v; })),
  at("edge.api.integrationTimeoutMs", 29_000, 29_001, whole(50, 29_000, "milliseconds (API Gateway's integration timeout quota)"), edge((e, v) => { e.api.integrationTimeoutMs = v; })),
  at("edge.api.integrationTimeoutMs", 50, 49, whole(50, 29_000, "milliseconds (API Gateway's integration timeout quota)"), edge((e, v) => { e.api.integrationTimeoutMs = v; })),
  at("edge.api.throttling.rateLimit", 10_000, 10_001, whole(1, 10_000, "requests per second (API Gateway's account quota)"), edge((e, v) => { (e.api.throttling as Record<string, unknown>).rateLimit = v; })),
  at("edge.api.throttling.rateLimit", 1, 0, whole(1, 10_000, "requests per second (API Gateway's account quota)"), edge((e, v) => { (e.api.throttling as Record<string, unknown>).rateLimit = v; })),
  at("edge.api.throttling.burstLimit", 5_000, 5_001, whole(1, 5_000, "requests (API Gateway's account burst quota)"), edge((e, v) => { (e.api.throttling as Record<string, unknown>).burstLimit = v; })),
  at("edge.api.authorizer.resultTtlSeconds", 1, 0, whole(1, 3600, "seconds (a cached authorizer: API Gateway allows up to 3600, 0 turns the cache off)"), edge((e, v) => { (e.api.authorizer as Record<string, unknown>).resultTtlSeconds = v; })),
  at("edge.api.authorizer.resultTtlSeconds", 3600, 3601, whole(1, 3600, "seconds (a cached authorizer: API Gateway allows up to 3600, 0 turns the cache off)"), edge((e, v) => { (e.api.authorizer as Record<string, unknown>).resultTtlSeconds = v; })),
  at("edge.api.stageName", "s".repeat(128), "s".repeat(129), "must be 1-128 letters, digits, hyphens and underscores (API Gateway stage names)", edge((e, v) => { e.api.stageName = v; })),
  at("edge.distributions.0.paths.0.ttlSeconds", 31_536_000, 31_536_001, whole(0, 31_536_000, "seconds"), path(0, "ttlSeconds")),
  at("edge.distributions.0.paths.0.ttlSeconds", 0, -1, whole(0, 31_536_000, "seconds"), path(0, "ttlSeconds")),
  at("edge.distributions.0.origin.readTimeoutSeconds", 60, 61, whole(1, 60, "seconds"), edge((e, v) => { e.distributions[0].origin = { kind: "host", host: "alb.example.com", readTimeoutSeconds: v }; })),
  // A 63-character label is the last valid one; 64 is one too many.
  at("edge.zone.name", `${label(63)}.com`, `${label(64)}.com`, DOMAIN, edge((e, v) => {
    e.zone.name = v;
    e.distributions[0].hostname = `www.${String(v)}`;
    e.distributions[1].hostname = `api.${String(v)}`;
  })),
  at("edge.cloudflare.rateLimit.requestsPerPeriod", 1_000_000, 1_000_001, whole(1, 1_000_000, "requests"), edge((e, v) => { (e.cloudflare.rateLimit as Record<string, unknown>).requestsPerPeriod = v; })),
  at("edge.distributions.2.viewerAuth.timeoutSeconds", 5, 6, whole(1, 5, "seconds (Lambda@Edge viewer triggers)"), viewerAuth("timeoutSeconds")),
  at("edge.distributions.2.viewerAuth.timeoutSeconds", 1, 0, whole(1, 5, "seconds (Lambda@Edge viewer triggers)"), viewerAuth("timeoutSeconds")),
  at("edge.distributions.2.viewerAuth.memoryMb", 128, 129, VIEWER_MEMORY, viewerAuth("memoryMb")),
  at("edge.distributions.2.viewerAuth.memoryMb", 128, 127, VIEWER_MEMORY, viewerAuth("memoryMb")),
  at("edge.cloudflare.rateLimit.requestsPerPeriod", 1, 0, whole(1, 1_000_000, "requests"), edge((e, v) => { (e.cloudflare.rateLimit as Record<string, unknown>).requestsPerPeriod = v; })),
];

describe("edge config boundaries: last valid value passes, first invalid fails with its message", () => {
  it.each(rows.map((r) => [r.field, shown(r.ok), shown(r.bad), r] as const))("%s: %s ok, %s refused", (_f, _ok, _bad, row) => expectBoundary(row, "commerce-prod"));
});

describe("edge bad input: one clear problem each", () => {
  const cases: [string, unknown, string][] = [
    ["a malformed domain", edge((e) => { e.zone.name = "Shop.example.com"; })(null), `commerce-prod: edge.zone.name = "Shop.example.com": ${DOMAIN}`],
    ["a hostname outside the zone", distribution("hostname")("www.other.com"),
      `commerce-prod: edge.distributions.0.hostname = "www.other.com": must be ${ZONE} or a name under it (the zone the deployment answers for)`],
    ["a custom domain without a certificate", edge((e) => { noZone(e); })(null),
      `commerce-prod: edge.distributions.0.hostname = "www.${ZONE}": needs a certificate: set edge.zone (to issue one) or certificateArn`],
    ["a CloudFront certificate outside us-east-1", edge((e) => { noZone(e); e.distributions[0].certificateArn = CERT("us-west-2"); })(null),
      `commerce-prod: edge.distributions.0.certificateArn = "${CERT("us-west-2")}": must be an ACM certificate ARN in us-east-1 (CloudFront only uses certificates from there)`],
    ["a cache TTL on a path marked uncacheable", path(1, "ttlSeconds")(60),
      "commerce-prod: edge.distributions.0.paths.1.ttlSeconds = 60: must be unset: /checkout/* is marked uncacheable (cache: false)"],
    ["a rate-limit period the free plan does not offer", edge((e) => { e.cloudflare.rateLimit = { periodSeconds: 60 }; })(null),
      "commerce-prod: edge.cloudflare.rateLimit.periodSeconds = 60: must be one of: 10 (seconds, on the free plan)"],
    ["a Cloudflare endpoint outside its zone", edge((e) => { e.cloudflare.endpoint = "in.example.org"; })(null),
      'commerce-prod: edge.cloudflare.endpoint = "in.example.org": must be hooks.example.com or a name under it (the zone the deployment answers for)'],
    ["a Cloudflare origin that is not a function with a URL", edge((e) => { e.cloudflare.origin = "Api"; })(null),
      'commerce-prod: edge.cloudflare.origin = "Api": must name a function of compute.functions with a url (Hook)'],
    ["a Cloudflare endpoint other than the host its origin accepts", edge((e) => { e.cloudflare.endpoint = "out.hooks.example.com"; })(null),
      'commerce-prod: edge.cloudflare.endpoint = "out.hooks.example.com": must be in.hooks.example.com, the only host Hook accepts (its url.allowedDomain)'],
    ["an API function compute does not declare", edge((e) => { e.api.function = "Router"; })(null),
      'commerce-prod: edge.api.function = "Router": must name a function of compute.functions (Api, Auth, Hook)'],
    ["an authorizer function compute does not declare", edge((e) => { (e.api.authorizer as Record<string, unknown>).function = "Authz"; })(null),
      'commerce-prod: edge.api.authorizer.function = "Authz": must name a function of compute.functions (Api, Auth, Hook)'],
    ["an API no distribution fronts", edge((e) => { e.distributions.pop(); })(null),
      'commerce-prod: edge.api = "Api": needs a distribution with origin {kind: "api"} in edge.distributions: the API refuses requests that did not come through CloudFront'],
    ["an API distribution without an API", edge((e) => { Object.assign(e, { api: undefined }); })(null),
      'commerce-prod: edge.distributions.1.origin.kind = "api": needs edge.api: the REST API this distribution fronts'],
    ["a viewer check on an origin other than a site", internal((_e, x) => { x.origin = { kind: "host", host: "alb.example.com" }; })(null),
      'commerce-prod: edge.distributions.2.viewerAuth = "host": needs origin {kind: "site"}: only a site\'s viewers sign in through the user pool'],
    ["a viewer check without a user pool", internal((e) => { Object.assign(e, { userPool: undefined }); })(null),
      'commerce-prod: edge.distributions.2.viewerAuth = "Internal": needs edge.userPool: the pool whose sessions the check accepts'],
    ["a viewer check on a host the pool does not return to", internal((_e, x) => { x.hostname = `staff.${ZONE}`; })(null),
      `commerce-prod: edge.distributions.2.hostname = "staff.${ZONE}": must be edge.userPool.callbackHost (internal.${ZONE}): the pool returns signed-in viewers there`],
  ];

  it("accepts the valid edge as it is", () => {
    expect(problemsOf([{ ...base, edge: valid() }])).toEqual([]);
  });

  it.each(cases)("refuses %s", (_name, input, message) => {
    expect(problemsOf([input])).toEqual([message]);
  });

  it("accepts an internal site behind the pool with the viewer check's defaults", () => {
    expect(problemsOf([internal(() => undefined)(null)])).toEqual([]);
  });

  it("takes a certificate from us-east-1 where no zone is set", () => {
    expect(problemsOf([edge((e) => { noZone(e); e.distributions[0].certificateArn = CERT("us-east-1"); })(null)])).toEqual([]);
  });
});
