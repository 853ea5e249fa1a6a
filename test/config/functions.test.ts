import { describe, expect, it } from "vitest";
import { resolveDeployments } from "../../config/resolve";
import { configProblems } from "../support/config-problems";

const base = {
  system: "serverless-saas", environment: "prod", region: "eu-west-1", account: "saas-prod-multi-tenant",
  network: { cidr: "10.40.0.0/16", workloads: [{ name: "app", description: "the functions of the app" }, { name: "other", description: "someone else entirely" }] },
  data: {
    dynamodb: [{ id: "App", name: "shop-app", partitionKey: { name: "pk", type: "S" } }],
    redis: [{ id: "Cache", replicationGroupId: "shop-cache", engineVersion: "7.1", nodeType: "cache.t4g.micro", consumers: ["app"] }],
  },
  messaging: {
    queues: [
      { id: "Work", visibilityTimeoutSeconds: 60, deadLetter: { queue: "WorkDlq", maxReceiveCount: 5 } },
      { id: "WorkDlq", retentionDays: 14 },
      { id: "Orders", fifo: true, name: "orders.fifo", visibilityTimeoutSeconds: 60, deadLetter: { queue: "OrdersDlq", maxReceiveCount: 5 } },
      { id: "OrdersDlq", fifo: true, name: "orders-dlq.fifo", retentionDays: 14 },
    ],
  },
};
const fn = { name: "Worker", description: "does work", runtime: "nodejs22.x", memoryMb: 512, timeoutSeconds: 30 };
const D = "serverless-saas-prod";

const problemsOf = (functions: unknown[], extra: Record<string, unknown> = {}): string[] => configProblems([{ ...base, compute: { functions, ...extra } }]);

describe("functions configuration", () => {
  it("accepts a function, defaulting to arm64, index.handler and no alias, and registers its code bucket", () => {
    expect(problemsOf([fn])).toEqual([]);
    const [d] = resolveDeployments([{ ...base, compute: { functions: [fn] } }]);
    expect(d.compute.functions[0]).toMatchObject({ architecture: "arm64", handler: "index.handler", alias: undefined, workload: undefined });
    expect(d.compute.codeBucketName).toBe("serverless-saas-prod-eu-west-1-function-code");
    expect(d.layers).toContain("compute");
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ["the least memory Lambda allows", { memoryMb: 128 }, []],
    ["the most memory Lambda allows", { memoryMb: 10240 }, []],
    ["less memory than Lambda allows", { memoryMb: 127 }, [`${D}: compute.functions.0.memoryMb = 127: must be a whole number between 128 and 10240 MB`]],
    ["more memory than Lambda allows", { memoryMb: 10241 }, [`${D}: compute.functions.0.memoryMb = 10241: must be a whole number between 128 and 10240 MB`]],
    ["the longest timeout", { timeoutSeconds: 900 }, []],
    ["a timeout over 900 s", { timeoutSeconds: 901 }, [`${D}: compute.functions.0.timeoutSeconds = 901: must be a whole number between 1 and 900 seconds`]],
    ["a deprecated runtime", { runtime: "nodejs20.x" }, [
      `${D}: compute.functions.0.runtime = "nodejs20.x": is deprecated since 2026-04-30; Lambda refuses it for new functions (must be one of: nodejs22.x, nodejs24.x, python3.12, python3.13, python3.14, provided.al2023; docs/versions.md)`]],
    ["py3.12 (not a runtime identifier)", { runtime: "py3.12" }, [
      `${D}: compute.functions.0.runtime = "py3.12": must be one of: nodejs22.x, nodejs24.x, python3.12, python3.13, python3.14, provided.al2023 (Lambda runtime identifiers; docs/versions.md)`]],
    ["an unknown architecture", { architecture: "arm32" }, [`${D}: compute.functions.0.architecture = "arm32": must be one of: arm64, x86_64`]],
    ["a name Lambda refuses", { name: "my.worker" }, [`${D}: compute.functions.0.name = "my.worker": must be 1-64 letters, digits, hyphens and underscores (Lambda function names)`]],
    ["a store reached from outside the VPC", { access: { storeSecrets: ["Cache"] } }, [
      `${D}: compute.functions.0.access.storeSecrets.0 = "Cache": is reachable only inside the VPC: set the function's workload to one the store admits`]],
    ["a store reached from a workload it does not admit", { workload: "other", access: { storeSecrets: ["Cache"] } }, [
      `${D}: compute.functions.0.access.storeSecrets.0 = "Cache": admits only the workloads app (data consumers), not other`]],
    ["a graph that is no Neptune store", { workload: "app", access: { graphs: [{ store: "Cache" }] } }, [
      `${D}: compute.functions.0.access.graphs.0.store = "Cache": must name a Neptune store (none declared)`]],
    ["a consumer naming a queue that does not exist", { consumes: [{ queue: "Nope" }] }, [
      `${D}: compute.functions.0.consumes.0.queue = "Nope": must name a queue of messaging.queues (Work, WorkDlq, Orders, OrdersDlq)`]],
    ["a FIFO consumer with a batch window", { consumes: [{ queue: "Orders", batchWindowSeconds: 5 }] }, [
      `${D}: compute.functions.0.consumes.0.batchWindowSeconds = 5: is not allowed: Orders is a FIFO queue and Lambda takes no batch window from FIFO sources`]],
    ["a standard consumer with a batch window", { consumes: [{ queue: "Work", batchWindowSeconds: 5, batchSize: 100 }] }, []],
    ["a batch over 10 without a window", { consumes: [{ queue: "Work", batchSize: 11 }] }, [
      `${D}: compute.functions.0.consumes.0.batchSize = 11: must be at most 10 without a batch window, and on FIFO queues (Lambda SQS event source limits)`]],
    ["a queue whose visibility timeout is the function's timeout", { timeoutSeconds: 60, consumes: [{ queue: "Work" }] }, []],
    ["a queue hiding messages for less than the function runs", { timeoutSeconds: 61, consumes: [{ queue: "Work" }] }, [
      `${D}: compute.functions.0.consumes.0.queue = "Work": must have a visibility timeout of at least the function's timeout (60 < 61 s); Lambda refuses the mapping`]],
    ["broker credentials without a broker", { workload: "app", access: { brokerCredentials: true } }, [`${D}: compute.functions.0.access.brokerCredentials = true: needs a broker in messaging.broker`]],
    ["email without messaging.email", { access: { sendsEmail: true } }, [`${D}: compute.functions.0.access.sendsEmail = true: needs email in messaging.email`]],
    ["invoking a function not declared before", { access: { invokes: ["Later"] } }, [
      `${D}: compute.functions.0.access.invokes.0 = "Later": must name a function declared before this one in compute.functions (none)`]],
    ["an unknown rule", { eventRule: "Nope" }, [`${D}: compute.functions.0.eventRule = "Nope": must name a rule of messaging.buses.*.rules (none declared)`]],
    ["a URL without an alias", { url: { allowedDomain: "hooks.example.com", edgeSecretHeader: "X-Edge", edgeSecret: "Edge" } }, [
      `${D}: compute.functions.0.url.edgeSecret = "Edge": must name a secret of compute.secrets (none declared)`,
      `${D}: compute.functions.0.alias = (missing): is required with a url: the URL serves the alias, so a release can be rolled back by moving it`]],
    ["a rotation schedule Secrets Manager refuses", { rotates: [{ secret: "Cache", schedule: "every day" }] }, [
      `${D}: compute.functions.0.rotates.0.schedule = "every day": must be rate(<n> hours|days) or cron(<expression>)`]],
    ["rotating a store's secret outside the VPC", { rotates: [{ secret: "Cache", schedule: "rate(30 days)" }] }, [
      `${D}: compute.functions.0.workload = (missing): is required: a function rotating a store's credentials connects to the store, which is reachable only inside the VPC`]],
    ["reserved concurrency over the default account limit", { reservedConcurrency: 1001 }, [`${D}: compute.functions.0.reservedConcurrency = 1001: must be a whole number between 0 and 1000`]],
  ])("%s", (_title, patch, expected) => {
    expect(problemsOf([{ ...fn, ...patch }])).toEqual(expected);
  });

  it("rejects two functions of one name, and a role name IAM refuses", () => {
    expect(problemsOf([fn, fn])).toEqual([
      `${D}: compute.functions.1.name = "Worker": lambda-function name "Worker" is also created by ${D} (compute.functions.0.name); lambda-function names must be unique in account saas-prod-multi-tenant, eu-west-1`,
      `${D}: compute.functions.1.name = "Worker": iam-role name "${D}-Worker" is also created by ${D} (compute.functions.0.name); iam-role names must be unique in account saas-prod-multi-tenant`,
    ]);
    const long = "W".repeat(44);
    expect(problemsOf([{ ...fn, name: long }])).toEqual([
      `${D}: compute.functions.0.name = "${long}": makes the iam-role name "${D}-${long}" 65 characters long; iam-role names allow 64`,
    ]);
  });

  it("rejects names that collide once - and _ are dropped from their Terraform addresses, and duplicate secret ids", () => {
    expect(problemsOf([fn, { ...fn, name: "Work-er" }])).toEqual([
      `${D}: compute.functions.1.name = "Work-er": must differ from Worker in more than - and _ (both would have the Terraform addresses Worker_*)`,
    ]);
    expect(problemsOf([{ ...fn, name: "_" }])).toEqual([
      `${D}: compute.functions.0.name = "_": must hold a letter or digit (without - and _ it names the function's Terraform addresses)`,
    ]);
    const secret = { id: "Key", name: "k", description: "a key" };
    expect(problemsOf([fn], { secrets: [secret, { ...secret, name: "k2" }] })).toEqual([`${D}: compute.secrets.1.id = "Key": must be unique among compute.secrets`]);
  });

  it("rejects rotating a Neptune store, which has no secret", () => {
    const neptune = [{ id: "Graph", identifier: "shop-graph", engineVersion: "1.4.7.1", minCapacity: 1, maxCapacity: 2, consumers: ["app"] }];
    const input = { ...base, data: { ...base.data, neptune }, compute: { functions: [{ ...fn, workload: "app", rotates: [{ secret: "Graph", schedule: "rate(30 days)" }] }] } };
    expect(configProblems([input])).toEqual([`${D}: compute.functions.0.rotates.0.secret = "Graph": names a Neptune store, which has no secret (it authenticates with IAM)`]);
  });

  it("rejects MediaConvert jobs without media buckets", () => {
    expect(problemsOf([{ ...fn, access: { mediaConvert: true } }])).toEqual([
      `${D}: compute.functions.0.access.mediaConvert = true: needs media buckets in data.mediaBuckets (MediaConvert reads and writes them)`,
    ]);
  });

  it("rejects functions in a deployment without the data layer, whose key encrypts their code and secrets", () => {
    expect(configProblems([{ ...base, data: {}, messaging: {}, compute: { functions: [fn] } }])).toEqual([
      `${D}: compute.functions = ["Worker"]: need the data layer: its key encrypts the code bucket and the functions' secrets`,
    ]);
  });
});
