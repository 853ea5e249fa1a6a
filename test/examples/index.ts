import type { AccountInput } from "../../config/accounts";
import type { DeploymentInput } from "../../config/resolve";

/**
 * Deployments that exist only to reach module branches no real deployment
 * uses, synthesized once per test run beside the real ones
 * (test/support/global-setup.ts) and asserted in test/examples.test.ts.
 * They live in accounts of their own, so their names never meet the real ones.
 */
export const EXAMPLE_ACCOUNTS: readonly AccountInput[] = [
  { name: "example-a", id: "210987654321", purpose: "workloads", environments: ["prod", "staging"] },
  { name: "example-b", purpose: "workloads", environments: ["dev"] },
];

export const EXAMPLE_INPUTS: readonly DeploymentInput[] = [
  {
    // MariaDB on provisioned gp3 (400 GiB and more); NAT none while Lambdas still reach AWS through interface endpoints.
    system: "webhooks", environment: "staging", region: "eu-west-2", account: "example-a",
    network: {
      cidr: "172.16.0.0/16", nat: "none", interfaceEndpoints: ["sts", "logs"],
      workloads: [{ name: "worker", description: "example queue workers", ingressFrom: [{ workload: "edge", port: 9000 }] }, { name: "edge", description: "example internal load balancer" }],
    },
    data: {
      rds: [{
        id: "Ledger", identifier: "example-ledger", engine: "mariadb", engineVersion: "11.4", instanceClass: "db.r7g.xlarge",
        allocatedStorageGib: 400, iops: 12000, throughputMibps: 500, databaseName: "ledger", masterUsername: "ledger_admin",
        monitoringIntervalSeconds: 0, consumers: ["worker"],
      }],
      dynamodb: [{ id: "Events", name: "example-events", partitionKey: { name: "id", type: "S" }, stream: "none" }],
    },
    // An ARM service without scaling or secrets behind a balancer with a public, DNS-validated certificate, a named
    // balancer and source ranges; no ECS Exec.
    compute: {
      ecs: {
        services: [{ id: "Worker", workload: "worker", image: "public.ecr.aws/example/worker@sha256:" + "a".repeat(64), cpu: 256, memoryMib: 512, architecture: "ARM64", port: 9000, desiredCount: 2 }],
        loadBalancers: [{
          id: "Edge", name: "example-edge", workload: "edge", service: "Worker", ingressCidrs: ["10.8.0.0/16"], deletionProtection: true, healthCheckPath: "/ready",
          certificate: { source: "publicDns", domainName: "worker.example.com", hostedZoneId: "Z0123456789ABCDEFGHIJ" },
        }],
      },
    },
  },
  {
    // Aurora with three readers over three AZs; Redis with three nodes; everything unprotected, as dev is.
    system: "stackflow", environment: "dev", region: "us-east-2", account: "example-b", multiAz: true,
    network: { cidr: "192.168.0.0/20", nat: "perAz", azCount: 3, workloads: [{ name: "api", description: "example API containers" }] },
    data: {
      aurora: [{
        id: "Catalog", identifier: "example-catalog", engineVersion: "17.7", instanceClass: "db.r7g.large", readers: 3,
        databaseName: "catalog", masterUsername: "catalog_admin", performanceInsightsRetentionDays: 31, consumers: ["api"],
      }],
      redis: [{ id: "Sessions", replicationGroupId: "example-sessions", engineVersion: "7.1", nodeType: "cache.r7g.large", nodes: 3, consumers: ["api"] }],
      dynamodb: [{ id: "Jobs", name: "example-jobs", partitionKey: { name: "id", type: "S" }, stream: "KEYS_ONLY" }],
    },
    // A pipe with every tunable set and no filter onto a bus without rules; a topic CloudWatch alarms publish to; no email.
    messaging: {
      queues: [{ id: "JobChangesDlq", retentionDays: 14 }],
      buses: [{ id: "Ops", name: "example-ops" }],
      pipes: [{
        id: "JobChanges", name: "example-job-changes", table: "Jobs", bus: "Ops", deadLetterQueue: "JobChangesDlq",
        startingPosition: "TRIM_HORIZON", batchSize: 100, maximumRetryAttempts: 0, maximumRecordAgeSeconds: 60, eventSource: "example.jobs", detailType: "JobChanged",
      }],
      topics: [{ id: "Alarms", name: "example-alarms", servicePublishers: ["cloudwatch"] }],
    },
    // A function on x86_64 at Lambda's smallest size, reserved to zero, draining a standard queue with a
    // batch window and a concurrency cap, failing asynchronous invocations to a queue; an operator-filled secret.
    compute: {
      secrets: [{ id: "Partner", name: "example/partner-api-key", description: "Partner API key, set by operators" }],
      functions: [{
        name: "example-job-replayer", description: "Replays failed job changes", runtime: "python3.13", architecture: "x86_64",
        memoryMb: 128, timeoutSeconds: 1, reservedConcurrency: 0, workload: "api",
        access: { databases: [{ store: "Catalog", user: "replayer" }], secrets: ["Partner"] },
        consumes: [{ queue: "JobChangesDlq", batchSize: 100, batchWindowSeconds: 5, maxConcurrency: 2 }],
        onFailureQueue: "JobChangesDlq",
      }],
    },
  },
  {
    // Amazon MQ for RabbitMQ 4.2 in place of the EC2 broker: a three-node cluster in a protected production deployment.
    system: "webhooks", environment: "prod", region: "eu-west-2", account: "example-a",
    network: {
      cidr: "172.17.0.0/16",
      workloads: [
        { name: "worker", description: "example queue workers" },
        { name: "broker", description: "Amazon MQ for RabbitMQ broker", ingressFrom: [{ workload: "worker", port: 5671 }] },
      ],
    },
    data: { dynamodb: [{ id: "Deliveries", name: "example-deliveries", partitionKey: { name: "id", type: "S" } }] },
    messaging: { broker: { kind: "amazon-mq", instanceType: "mq.m7g.large", adminUsername: "ops" } },
  },
];
