import { configProblems } from "../support/config-problems";
import { describe, expect, it } from "vitest";
import { NameRegistry } from "../../config/names";
import { resolveDeployments } from "../../config/resolve";

const base = {
  system: "webhooks", environment: "prod", region: "eu-central-1", account: "webhooks-prod",
  network: { cidr: "10.20.0.0/16", workloads: [{ name: "broker", description: "RabbitMQ broker hosts" }, { name: "worker", description: "queue consumers" }] },
  data: { dynamodb: [{ id: "Events", name: "webhooks-events", partitionKey: { name: "id", type: "S" } }] },
};

const problemsOf = (broker: unknown, patch: Record<string, unknown> = {}): string[] =>
  configProblems([{ ...base, ...patch, messaging: { broker } }]);

describe("messaging.broker configuration", () => {
  it("defaults to RabbitMQ 4.2 on one Graviton t4g.small with a 20 GiB data volume, and registers every name it creates", () => {
    const names = new NameRegistry();
    const [d] = resolveDeployments([{ ...base, messaging: { broker: {} } }], undefined, names);
    expect(d.messaging.broker).toEqual({
      kind: "ec2", name: "webhooks-prod-broker", version: "4.2", workload: "broker", instanceType: "t4g.small", architecture: "arm64",
      dataVolumeGib: 20, adminUsername: "admin", appUsername: "webhooks",
      adminSecretName: "webhooks/prod/rabbitmq-admin", appSecretName: "webhooks/prod/rabbitmq-app", tlsSecretName: "webhooks/prod/rabbitmq-tls",
      zoneName: "webhooks-prod.internal", recordName: "rabbitmq.webhooks-prod.internal", hostRoleName: "webhooks-prod-broker-host",
      logGroupName: "/ec2/webhooks-prod/rabbitmq", logRetentionDays: 365, metricsNamespace: "Platform/RabbitMQ", protect: true,
    });
    expect(d.layers).toEqual(["network", "data", "messaging", "observability"]);
    const registered = names.entries().filter((e) => e.owner.deployment === "webhooks-prod").map((e) => `${e.kind} ${e.name}`);
    expect(registered).toEqual(expect.arrayContaining([
      "secret webhooks/prod/rabbitmq-admin", "secret webhooks/prod/rabbitmq-app", "secret webhooks/prod/rabbitmq-tls",
      "iam-role webhooks-prod-broker-host", "instance-profile webhooks-prod-broker-host", "iam-role AWSServiceRoleForAutoScaling_webhooks-prod-broker",
      "launch-template webhooks-prod-broker", "autoscaling-group webhooks-prod-broker", "hosted-zone webhooks-prod.internal",
      "log-group /ec2/webhooks-prod/rabbitmq",
    ]));
  });

  it("picks the x86_64 AMI for an Intel type, and an Amazon MQ cluster where the deployment is Multi-AZ", () => {
    const [ec2] = resolveDeployments([{ ...base, messaging: { broker: { instanceType: "m7i.large" } } }]);
    expect(ec2.messaging.broker).toMatchObject({ kind: "ec2", architecture: "x86_64" });
    const names = new NameRegistry();
    const [mq] = resolveDeployments([{ ...base, messaging: { broker: { kind: "amazon-mq" } } }], undefined, names);
    expect(mq.messaging.broker).toEqual({
      kind: "amazon-mq", name: "webhooks-prod-broker", version: "4.2", workload: "broker", instanceType: "mq.m7g.large", deploymentMode: "CLUSTER_MULTI_AZ",
      adminUsername: "admin", appUsername: "webhooks", adminSecretName: "webhooks/prod/rabbitmq-admin", appSecretName: "webhooks/prod/rabbitmq-app", protect: true,
    });
    expect(names.entries().map((e) => `${e.kind} ${e.name}`)).toContain("mq-broker webhooks-prod-broker");
    const [single] = resolveDeployments([{ ...base, multiAz: false, messaging: { broker: { kind: "amazon-mq" } } }]);
    expect(single.messaging.broker).toMatchObject({ deploymentMode: "SINGLE_INSTANCE" });
  });

  it.each<[string, unknown, string[]]>([
    ["a broker instance type outside the supported families", { instanceType: "x2gd.large" },
      ['webhooks-prod: messaging.broker.instanceType = "x2gd.large": must be a type of a supported family: t4g, m6g, m7g, m8g, c6g, c7g, c8g, r6g, r7g, r8g (Graviton) or t3, t3a, m7i, c7i, r7i (x86_64)']],
    ["a size the family does not offer", { instanceType: "m7i.medium" },
      ['webhooks-prod: messaging.broker.instanceType = "m7i.medium": must be a size m7i offers: large, xlarge, 2xlarge, 4xlarge, 8xlarge, 12xlarge, 16xlarge, 24xlarge, 48xlarge']],
    ["an instance type too small for RabbitMQ", { instanceType: "t4g.micro" },
      ['webhooks-prod: messaging.broker.instanceType = "t4g.micro": has 1 GiB of memory; a RabbitMQ host needs at least 2 GiB (the default memory high watermark is 40% of it)']],
    ["Amazon MQ on a type that cannot run RabbitMQ 4.2", { kind: "amazon-mq", instanceType: "mq.m5.large" },
      ['webhooks-prod: messaging.broker.instanceType = "mq.m5.large": must be an mq.m7g type: Amazon MQ runs RabbitMQ 4.2 only on mq.m7g (mq.m7g.medium, mq.m7g.large, mq.m7g.xlarge, mq.m7g.2xlarge, mq.m7g.4xlarge, mq.m7g.8xlarge, mq.m7g.12xlarge, mq.m7g.16xlarge)']],
    ["Amazon MQ with an EC2 instance type", { kind: "amazon-mq", instanceType: "m7g.large" },
      ['webhooks-prod: messaging.broker.instanceType = "m7g.large": must be an mq.m7g type: Amazon MQ runs RabbitMQ 4.2 only on mq.m7g (mq.m7g.medium, mq.m7g.large, mq.m7g.xlarge, mq.m7g.2xlarge, mq.m7g.4xlarge, mq.m7g.8xlarge, mq.m7g.12xlarge, mq.m7g.16xlarge)']],
    ["a data volume size on Amazon MQ", { kind: "amazon-mq", dataVolumeGib: 50 },
      ["webhooks-prod: messaging.broker.dataVolumeGib = 50: applies to kind ec2 only (Amazon MQ sizes its own storage)"]],
    ["an unknown kind", { kind: "rabbitmq-on-k8s" },
      ['webhooks-prod: messaging.broker.kind = "rabbitmq-on-k8s": must be one of: ec2, amazon-mq']],
    ["a RabbitMQ series other than 4.2", { version: "3.13" },
      ['webhooks-prod: messaging.broker.version = "3.13": must be one of: 4.2']],
    ["a data volume EBS refuses", { dataVolumeGib: 16385 },
      ["webhooks-prod: messaging.broker.dataVolumeGib = 16385: must be a whole number between 8 and 16384 GiB"]],
    ["an unknown workload", { workload: "rabbit" },
      ['webhooks-prod: messaging.broker.workload = "rabbit": must name a workload of network.workloads (broker, worker)']],
    ["RabbitMQ's default user", { appUsername: "guest" },
      ['webhooks-prod: messaging.broker.appUsername = "guest": must be 2-100 letters, digits and - _ . ~, and not guest (RabbitMQ\'s default user, which the host removes)']],
    ["the application running as the administrator", { appUsername: "admin" },
      ['webhooks-prod: messaging.broker.appUsername = "admin": must differ from adminUsername (the application must not hold administrator rights)']],
  ])("rejects %s", (_title, broker, expected) => {
    expect(problemsOf(broker)).toEqual(expected);
  });

  it("rejects a broker in a deployment without the data layer, whose key encrypts its secrets and volumes", () => {
    expect(problemsOf({}, { data: {} })).toEqual([
      'webhooks-prod: messaging.broker.kind = "ec2": needs the data layer: its key encrypts the broker\'s secrets and volumes (declare the deployment\'s data stores first)',
    ]);
  });

  it("rejects a broker secret named like one the data layer creates", () => {
    expect(problemsOf({ adminSecretName: "webhooks/prod/main-db-credentials" }, {
      data: { rds: [{ id: "Main", identifier: "webhooks-prod-db", engine: "mysql", engineVersion: "8.4", instanceClass: "db.t4g.medium", allocatedStorageGib: 20, databaseName: "webhooks", masterUsername: "webhooks_admin" }] },
    })).toEqual([
      'webhooks-prod: messaging.broker.adminSecretName = "webhooks/prod/main-db-credentials": secret name "webhooks/prod/main-db-credentials" is also created by webhooks-prod (data.rds.0.credentialsSecretName); secret names must be unique in account webhooks-prod, eu-central-1',
    ]);
  });
});
