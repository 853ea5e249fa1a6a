import { configProblems } from "../support/config-problems";
import { describe, expect, it } from "vitest";
import type { AccountInput } from "../../config/accounts";
import { formatProblem } from "../../config/errors";
import { NameRegistry } from "../../config/names";
import { ReferenceRegistry } from "../../config/refs";
import { LAYERS } from "../../stacks/layers";

const aurora = { id: "Main", identifier: "shop-main", engineVersion: "15.15", instanceClass: "db.r7g.large", databaseName: "shop", masterUsername: "shop_admin", consumers: ["app"] };
const network = (cidr: string) => ({ cidr, workloads: [{ name: "app", description: "application containers" }] });
const prod = { system: "commerce", environment: "prod", region: "us-west-2", account: "commerce-prod", network: network("10.0.0.0/16"), data: { aurora: [aurora] } };
const staging = { ...prod, environment: "staging", network: network("10.1.0.0/16"), data: { aurora: [{ ...aurora, credentialsSecretName: "shop/staging/main" }] } };

/** Accounts of these cases: prod and staging share one account on purpose, to make their names meet. */
const ACCOUNTS: AccountInput[] = [
  { name: "commerce-prod", purpose: "workloads", environments: ["prod", "staging"] },
  { name: "commerce-nonprod", purpose: "workloads", environments: ["staging"] },
];

const problemsOf = (inputs: readonly unknown[]): string[] => configProblems(inputs, ACCOUNTS);

describe("reference registry (config/refs.ts)", () => {
  const registry = () => {
    const refs = new ReferenceRegistry("shop-prod", LAYERS);
    refs.define("workload", "app", "network", "network.workloads.0.name");
    refs.define("store", "Main", "data", "data.aurora.0.id");
    return refs;
  };

  it("resolves a use of an earlier layer's id of the right kind", () => {
    const refs = registry();
    refs.use("workload", "app", "data", "data.aurora.0.consumers.0");
    expect(refs.check()).toEqual([]);
  });

  it.each<[string, Parameters<ReferenceRegistry["use"]>, string]>([
    ["an unknown id", ["workload", "web", "data", "data.aurora.0.consumers.0"],
      'shop-prod: data.aurora.0.consumers.0 = "web": must name a workload of network.workloads (app)'],
    ["an id of the wrong kind", ["workload", "Main", "data", "data.aurora.0.consumers.0"],
      'shop-prod: data.aurora.0.consumers.0 = "Main": names a store of data.aurora / rds / neptune / redis (data.aurora.0.id), not a workload of network.workloads'],
    ["an id a later layer defines", ["store", "Main", "network", "network.workloads.0.reaches.0"],
      'shop-prod: network.workloads.0.reaches.0 = "Main": names a store of data.aurora / rds / neptune / redis defined by the data layer, which is applied after network; a layer may only use what its own or earlier layers define'],
    ["an unknown id where several kinds are allowed", [["table", "bucket"], "Orders", "data", "compute.functions.0.uses.0"],
      'shop-prod: compute.functions.0.uses.0 = "Orders": must name a table of data.dynamodb or a bucket of data.mediaBuckets (none declared)'],
  ])("rejects %s", (_title, use, message) => {
    const refs = registry();
    refs.use(...use);
    expect(refs.check().map(formatProblem)).toEqual([message]);
  });

  it("rejects a second definition of one id", () => {
    expect(formatProblem(registry().define("bucket", "Main", "data", "data.mediaBuckets.0.id")!))
      .toBe('shop-prod: data.mediaBuckets.0.id = "Main": must be unique among the deployment\'s ids (already store data.aurora.0.id)');
  });
});

describe("name registry (config/names.ts)", () => {
  const owner = { deployment: "shop-prod", account: "shop", region: "us-west-2" };
  const problems = (register: (names: NameRegistry) => void) => {
    const names = new NameRegistry();
    register(names);
    return names.check().map(formatProblem);
  };

  it.each<[Parameters<NameRegistry["register"]>[0], string, string]>([
    ["load-balancer", "shop-prod-internal-agent-balancer", "33 characters long; load-balancer names allow 32"],
    ["target-group", "shop-prod-orchestrator-8081-http", ""],
    ["target-group", "shop-prod-orchestrator-8081-https", "33 characters long; target-group names allow 32"],
    ["iam-role", `shop-prod-${"x".repeat(55)}`, "65 characters long; iam-role names allow 64"],
    ["lambda-function", `shop-prod-${"x".repeat(55)}`, "65 characters long; lambda-function names allow 64"],
    ["sqs-queue", `Shop-${"x".repeat(70)}.fifo`, ""],
    ["sqs-queue", `Shop-${"x".repeat(71)}.fifo`, "81 characters long; sqs-queue names allow 80"],
    ["elasticache-replication-group", `shop-${"x".repeat(36)}`, "41 characters long; elasticache-replication-group names allow 40"],
  ])("checks %s length: %s", (kind, name, problem) => {
    const found = problems((names) => names.register(kind, name, owner, "x"));
    expect(found).toEqual(problem ? [`shop-prod: x = ${JSON.stringify(name)}: makes the ${kind} name ${JSON.stringify(name)} ${problem}`] : []);
  });

  it.each<[Parameters<NameRegistry["register"]>[0], string, string]>([
    ["s3-bucket", "xn--shop-media", "3-63 lowercase letters"],
    ["s3-bucket", "shop-media-s3alias", "-s3alias"],
    ["s3-bucket", "Shop-Media", "3-63 lowercase letters"],
    ["db-cluster", "shop--main", "single hyphens"],
    ["db-cluster", "shop-main-", "not ending with a hyphen"],
    ["kms-alias", "aws/shop", "not starting with aws/"],
    ["security-group", "sg-shop", "not starting with sg-"],
    ["security-group", "shop – app", "a-z A-Z 0-9"],
  ])("checks %s characters: %s", (kind, name, rule) => {
    const [found] = problems((names) => names.register(kind, name, owner, "x"));
    expect(found).toContain(`makes the ${kind} name ${JSON.stringify(name)}, which AWS refuses:`);
    expect(found).toContain(rule);
  });

  it("rejects two deployments creating one name in an account and region, naming both", () => {
    const found = problemsOf([prod, staging]);
    expect(found).toContain('commerce-staging: data.aurora.0.identifier = "shop-main": db-cluster name "shop-main" is also created by commerce-prod (data.aurora.0.identifier); db-cluster names must be unique in account commerce-prod, us-west-2');
    expect(found).toContain('commerce-staging: data.aurora.0.identifier = "shop-main": db-subnet-group name "shop-main-subnets" is also created by commerce-prod (data.aurora.0.identifier); db-subnet-group names must be unique in account commerce-prod, us-west-2');
    expect(found.every((p) => p.startsWith("commerce-staging: data.aurora.0.identifier = \"shop-main\": "))).toBe(true);
  });

  it("lets deployments in different accounts reuse a regional name", () => {
    expect(problemsOf([prod, { ...staging, account: "commerce-nonprod" }])).toEqual([]);
  });

  it("puts Aurora, RDS and Neptune in one cluster and subnet-group namespace", () => {
    const neptune = { id: "Graph", identifier: "shop-main", engineVersion: "1.4.7.1", minCapacity: 1, maxCapacity: 8, consumers: ["app"] };
    const found = problemsOf([{ ...prod, data: { aurora: [aurora], neptune: [neptune] } }]);
    expect(found).toContain('commerce-prod: data.neptune.0.identifier = "shop-main": db-cluster name "shop-main" is also created by commerce-prod (data.aurora.0.identifier); db-cluster names must be unique in account commerce-prod, us-west-2');
  });

  it("rejects a bucket name used twice anywhere, whatever the account", () => {
    const bucket = { id: "Images", name: "shop-media-images", corsAllowedOrigins: ["https://shop.example"] };
    const found = problemsOf([
      { ...prod, data: { mediaBuckets: [bucket] } },
      { ...staging, account: "commerce-nonprod", region: "eu-west-1", data: { mediaBuckets: [{ ...bucket, id: "Pictures" }] } },
    ]);
    expect(found).toEqual(['commerce-staging: data.mediaBuckets.0.name = "shop-media-images": s3-bucket name "shop-media-images" is also created by commerce-prod (data.mediaBuckets.0.name); s3-bucket names must be unique anywhere in AWS']);
  });

  it("rejects a second deployment copied into an account whose fixed names it repeats", () => {
    const redis = { id: "Cache", replicationGroupId: "shop-cache", engineVersion: "7.1", nodeType: "cache.t4g.micro", nodes: 2, authTokenSecretName: "shop/redis-auth-token" };
    const found = problemsOf([{ ...prod, data: { redis: [redis] } }, { ...staging, data: { redis: [{ ...redis, replicationGroupId: "shop-cache-staging" }] } }]);
    expect(found).toEqual(['commerce-staging: data.redis.0.authTokenSecretName = "shop/redis-auth-token": secret name "shop/redis-auth-token" is also created by commerce-prod (data.redis.0.authTokenSecretName); secret names must be unique in account commerce-prod, us-west-2']);
  });
});
