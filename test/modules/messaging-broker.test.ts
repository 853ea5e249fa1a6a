import { describe, expect, it } from "vitest";
import { grantLogWrite, grantMetricData, grantOwnRecordUpsert } from "../../modules/iam/host-grants";
import { InstanceRole } from "../../modules/iam/instance-role";
import { mergeStatements } from "../../modules/iam/merge-statements";
import { AmazonMqBroker, type AmazonMqBrokerProps } from "../../modules/messaging/amazon-mq-broker";
import { BrokerDns } from "../../modules/messaging/broker-dns";
import { BROKER_HOST_FILES } from "../../modules/messaging/broker-host-files";
import { RabbitmqBroker, type RabbitmqBrokerProps } from "../../modules/messaging/rabbitmq-broker";
import { problemsOf, synthOf } from "../support/modules";
import { policy } from "../support/synth";
import { cloudConfigFiles, userDataText } from "../support/user-data";

const KEY = "arn:aws:kms:eu-west-1:111122223333:key/data";
const EC2: RabbitmqBrokerProps = {
  name: "shop-dev-broker", version: "4.2", region: "eu-west-1", partition: "aws", vpcId: "vpc-1", subnetIds: ["subnet-a", "subnet-b"],
  securityGroupId: "sg-broker", instanceType: "t4g.small", architecture: "arm64", dataVolumeGib: 20, kmsKeyArn: KEY,
  logsKmsKeyArn: "arn:aws:kms:eu-west-1:111122223333:key/logs", logRetentionDays: 30, adminUsername: "admin", appUsername: "shop",
  adminSecretName: "shop/dev/rabbitmq-admin", appSecretName: "shop/dev/rabbitmq-app", tlsSecretName: "shop/dev/rabbitmq-tls",
  zoneName: "shop-dev.internal", recordName: "rabbitmq.shop-dev.internal", hostRoleName: "shop-dev-broker-host",
  logGroupName: "/ec2/shop-dev/rabbitmq", metricsNamespace: "Platform/RabbitMQ", protect: false,
};
const MQ: AmazonMqBrokerProps = {
  name: "shop-dev-broker", version: "4.2", instanceType: "mq.m7g.medium", deploymentMode: "SINGLE_INSTANCE", subnetIds: ["subnet-a", "subnet-b"],
  securityGroupId: "sg-broker", kmsKeyArn: KEY, adminUsername: "admin", appUsername: "shop",
  adminSecretName: "shop/dev/rabbitmq-admin", appSecretName: "shop/dev/rabbitmq-app", protect: false,
};

describe("RabbitmqBroker", () => {
  it.each([
    ["an unsupported family", { instanceType: "x2gd.large" },
      'test/Broker: instanceType = "x2gd.large": must be a type of a supported family: t4g, m6g, m7g, m8g, c6g, c7g, c8g, r6g, r7g, r8g (Graviton) or t3, t3a, m7i, c7i, r7i (x86_64)'],
    ["a type too small", { instanceType: "t4g.micro" },
      'test/Broker: instanceType = "t4g.micro": has 1 GiB of memory; a RabbitMQ host needs at least 2 GiB (the default memory high watermark is 40% of it)'],
    ["an architecture that is not the type's", { instanceType: "t3.medium" },
      'test/Broker: architecture = "arm64": must be x86_64, the architecture of t3.medium'],
    ["another RabbitMQ series", { version: "3.13" }, 'test/Broker: version = "3.13": must be one of: 4.2 (RabbitMQ series this module installs)'],
    ["a data volume EBS refuses", { dataVolumeGib: 16385 }, "test/Broker: dataVolumeGib = 16385: must be a whole number from 8 to 16384 (gp3 volume size in GiB)"],
    ["a log retention CloudWatch refuses", { logRetentionDays: 10 }, "test/Broker: logRetentionDays = 10: must be one of: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 (CloudWatch Logs retention values)"],
  ])("refuses %s", (_case, bad, message) => {
    expect(problemsOf((s) => new RabbitmqBroker(s, "Broker", { ...EC2, ...bad }))).toEqual([message]);
  });

  it("boots an x86_64 type from the x86_64 AL2023 parameter and deletes an unprotected data volume with its host", () => {
    const json = synthOf((s) => new RabbitmqBroker(s, "Broker", { ...EC2, instanceType: "t3.medium", architecture: "x86_64" })) as unknown as {
      data: Record<string, Record<string, Record<string, unknown>>>; resource: Record<string, Record<string, Record<string, unknown>>>;
    };
    expect(Object.values(json.data.aws_ssm_parameter)[0].name).toBe("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64");
    const [template] = Object.values(json.resource.aws_launch_template);
    expect((template.block_device_mappings as { ebs: Record<string, unknown> }[]).map((m) => m.ebs.delete_on_termination)).toEqual(["true", "true"]);
  });
});

describe("AmazonMqBroker", () => {
  it.each([
    ["a type other than mq.m7g", { instanceType: "mq.t3.micro" },
      'test/Broker: instanceType = "mq.t3.micro": must be an mq.m7g type: Amazon MQ runs RabbitMQ 4.2 only on mq.m7g (mq.m7g.medium, mq.m7g.large, mq.m7g.xlarge, mq.m7g.2xlarge, mq.m7g.4xlarge, mq.m7g.8xlarge, mq.m7g.12xlarge, mq.m7g.16xlarge)'],
    ["a name Amazon MQ refuses", { name: "shop dev" }, 'test/Broker: name = "shop dev": must be 1-50 letters, digits, hyphens and underscores (Amazon MQ broker names)'],
    ["another RabbitMQ series", { version: "3.13" }, 'test/Broker: version = "3.13": must be one of: 4.2 (RabbitMQ series this module runs)'],
  ])("refuses %s", (_case, bad, message) => {
    expect(problemsOf((s) => new AmazonMqBroker(s, "Broker", { ...MQ, ...bad }))).toEqual([message]);
  });

  it("places a single instance in the first subnet, private, with the administrator from its generated secret", () => {
    const json = synthOf((s) => new AmazonMqBroker(s, "Broker", MQ));
    const [broker] = Object.values(json.resource.aws_mq_broker);
    expect(broker).toMatchObject({
      engine_type: "RabbitMQ", engine_version: "4.2", deployment_mode: "SINGLE_INSTANCE", subnet_ids: ['${element(["subnet-a", "subnet-b"], 0)}'],
      publicly_accessible: false, auto_minor_version_upgrade: true, security_groups: ["sg-broker"],
    });
    const [admin] = Object.keys(json.resource.random_password).filter((id) => id.includes("Admin"));
    expect(broker.user).toEqual([{ username: "admin", password: `\${random_password.${admin}.result}` }]);
    expect(broker).not.toHaveProperty("lifecycle");
    expect(broker).not.toHaveProperty("encryption_options");
  });
});

describe("broker host user data", () => {
  it("round-trips every host file byte for byte through HCL (backslashes, quotes, dollars), references kept as references", () => {
    const json = synthOf((s) => new RabbitmqBroker(s, "Broker", EC2));
    const [template] = Object.values(json.resource.aws_launch_template);
    const files = cloudConfigFiles(userDataText(template.user_data));
    for (const file of BROKER_HOST_FILES) expect(files[file.path], file.path).toEqual({ permissions: file.permissions, content: file.content });
    const [tlsSecret] = Object.keys(json.resource.aws_secretsmanager_secret).filter((id) => id.includes("Tls"));
    expect(files["/etc/broker/broker.env"].content).toContain(`TLS_SECRET_ARN=\${aws_secretsmanager_secret.${tlsSecret}.arn}\n`);
  });
});

describe("BrokerDns", () => {
  it("refuses a record outside its zone", () => {
    expect(problemsOf((s) => new BrokerDns(s, "Dns", { zoneName: "shop-dev.internal", recordName: "rabbitmq.other.internal", vpcId: "vpc-1" })))
      .toEqual(['test/Dns: recordName = "rabbitmq.other.internal": must be one label inside shop-dev.internal']);
  });
});

describe("host grants, statement merging and the instance role", () => {
  it("hold metrics to one namespace, logs to one group's streams, DNS to one record", () => {
    expect(grantMetricData("Platform/RabbitMQ")).toEqual([{ Effect: "Allow", Action: "cloudwatch:PutMetricData", Resource: "*", Condition: { StringEquals: { "cloudwatch:namespace": "Platform/RabbitMQ" } } }]);
    expect(grantLogWrite("arn:aws:logs:eu-west-1:1:log-group:g")).toEqual([{ Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: "arn:aws:logs:eu-west-1:1:log-group:g:log-stream:*" }]);
    expect(grantOwnRecordUpsert({ partition: "aws", zoneId: "Z1", recordName: "mq.shop.internal", type: "A" })[0]).toMatchObject({
      Resource: "arn:aws:route53:::hostedzone/Z1",
      Condition: { "ForAllValues:StringEquals": { "route53:ChangeResourceRecordSetsNormalizedRecordNames": ["mq.shop.internal"], "route53:ChangeResourceRecordSetsActions": ["UPSERT"] } },
    });
  });

  it("merges statements that differ only in resources, without repeats, and leaves the rest alone", () => {
    const read = (r: string) => ({ Effect: "Allow" as const, Action: ["s:Get"], Resource: r });
    const decrypt = { Effect: "Allow" as const, Action: ["kms:Decrypt"], Resource: "k", Condition: { StringEquals: { "kms:ViaService": "s" } } };
    const named = { Sid: "Keep", Effect: "Allow" as const, Action: ["s:Get"], Resource: "c" };
    expect(mergeStatements([read("a"), decrypt, read("b"), decrypt, named, read("a")])).toEqual([
      { Effect: "Allow", Action: ["s:Get"], Resource: ["a", "b"] }, decrypt, named,
    ]);
  });

  it("trusts EC2 without a condition EC2 never sends, and names the profile like the role", () => {
    const json = synthOf((s) => new InstanceRole(s, "Role", { name: "shop-dev-host", description: "host" }));
    const [role] = Object.values(json.resource.aws_iam_role);
    expect(policy(role.assume_role_policy).Statement).toEqual([{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }]);
    expect(Object.values(json.resource.aws_iam_instance_profile)[0]).toMatchObject({ name: "shop-dev-host" });
    expect(problemsOf((s) => new InstanceRole(s, "Role", { name: "x".repeat(65), description: "host" })))
      .toEqual([`test/Role: name = "${"x".repeat(65)}": must be 1-64 letters, digits and +=,.@_- (IAM role names)`]);
  });
});
