import { Construct } from "constructs";
import { type Architecture, brokerInstanceType, brokerInstanceTypeProblem } from "../../lib/instance-types";
import { grantSecretRead } from "../iam/grants";
import { grantLogWrite, grantMetricData, grantOwnRecordUpsert } from "../iam/host-grants";
import { InstanceRole } from "../iam/instance-role";
import { mergeStatements } from "../iam/merge-statements";
import { cloudwatchRetention, LogGroup } from "../logs/log-group";
import { between, check, oneOf, validateProps } from "../validate";
import { BrokerCredentials } from "./broker-credentials";
import { brokerUserData } from "./broker-cloud-init";
import { BROKER_RECORD_TTL, BrokerDns } from "./broker-dns";
import { AMQPS_PORT, type BrokerEndpoint } from "./broker-endpoint";
import { rabbitmqImage } from "./broker-host-files";
import { BrokerHostGroup } from "./broker-host-group";
import { BrokerLaunchTemplate, DATA_DEVICE } from "./broker-launch-template";
import { BrokerTls } from "./broker-tls";

/** Props of a self-hosted RabbitMQ broker. */
export interface RabbitmqBrokerProps {
  /** `<deployment>-broker`: the group, template and service-linked role suffix; the `Broker` metric dimension. */
  readonly name: string;
  /** RabbitMQ series; the image tag follows it. */
  readonly version: string;
  readonly region: string;
  readonly partition: string;
  readonly vpcId: string;
  /** Private compute subnets, every AZ. */
  readonly subnetIds: readonly string[];
  /** The broker workload's security group (network layer), which says who reaches 5671 and 15692. */
  readonly securityGroupId: string;
  /** A type of lib/instance-types.ts with at least 2 GiB. */
  readonly instanceType: string;
  /** Must be the instance type's; picks the AMI. */
  readonly architecture: Architecture;
  /** 8-16,384 GiB of gp3 for /var/lib/rabbitmq. */
  readonly dataVolumeGib: number;
  /** Data key: volumes and secrets. */
  readonly kmsKeyArn: string;
  /** Logs key of the network layer. */
  readonly logsKmsKeyArn: string;
  readonly logRetentionDays: number;
  readonly adminUsername: string;
  readonly appUsername: string;
  readonly adminSecretName: string;
  readonly appSecretName: string;
  readonly tlsSecretName: string;
  readonly zoneName: string;
  readonly recordName: string;
  /** Name of the host's role and instance profile. */
  readonly hostRoleName: string;
  readonly logGroupName: string;
  readonly metricsNamespace: string;
  /** Staging and prod: `prevent_destroy` on the secrets, the data volume kept when its host goes. */
  readonly protect: boolean;
}

/**
 * RabbitMQ on one EC2 host that an Auto Scaling group replaces when it
 * fails: credentials and TLS material in Secrets Manager, a private DNS
 * name the host points at itself, logs in an encrypted group, and the
 * per-queue metrics the processors' back-pressure scaling reads. The host's
 * role holds Session Manager's managed policy and exactly what the host
 * does: read its three secrets, publish into one metric namespace, write
 * one log group, move one DNS record.
 */
export class RabbitmqBroker extends Construct implements BrokerEndpoint {
  readonly kind = "ec2";
  readonly name: string;
  readonly endpoint: string;
  readonly port = AMQPS_PORT;
  readonly adminSecretArn: string;
  readonly appSecretArn: string;
  readonly securityGroupId: string;
  readonly caCertificatePem: string;
  readonly metricsNamespace: string;

  constructor(scope: Construct, id: string, props: RabbitmqBrokerProps) {
    super(scope, id);
    const typeProblem = brokerInstanceTypeProblem(props.instanceType);
    const facts = brokerInstanceType(props.instanceType);
    validateProps(this, [
      check("instanceType", props.instanceType, { when: () => typeProblem !== undefined, allowed: typeProblem ?? "" }),
      check("architecture", props.architecture, {
        when: (a) => "architecture" in facts && facts.architecture !== a,
        allowed: `must be ${"architecture" in facts ? facts.architecture : "the instance type's"}, the architecture of ${props.instanceType}`,
      }),
      check("version", props.version, oneOf(["4.2"], "RabbitMQ series this module installs")),
      check("dataVolumeGib", props.dataVolumeGib, between(8, 16384, "gp3 volume size in GiB")),
      check("logRetentionDays", props.logRetentionDays, cloudwatchRetention),
    ]);
    const credentials = new BrokerCredentials(this, "Credentials", props);
    credentials.store({ host: props.recordName, port: AMQPS_PORT });
    const tls = new BrokerTls(this, "Tls", {
      dnsName: props.recordName, authority: props.name, secretName: props.tlsSecretName, kmsKeyArn: props.kmsKeyArn, protect: props.protect,
    });
    const dns = new BrokerDns(this, "Dns", { zoneName: props.zoneName, recordName: props.recordName, vpcId: props.vpcId });
    const logs = new LogGroup(this, "Logs", { name: props.logGroupName, retentionDays: props.logRetentionDays, kmsKeyArn: props.logsKmsKeyArn });

    const secrets = [credentials.admin.secretArn, credentials.app.secretArn, tls.secretArn];
    const role = new InstanceRole(this, "HostRole", {
      name: props.hostRoleName,
      description: `RabbitMQ host of ${props.name}: its secrets, metrics, logs and DNS record`,
      managedPolicyArns: { SessionManager: `arn:${props.partition}:iam::aws:policy/AmazonSSMManagedInstanceCore` },
      inlinePolicy: {
        name: "broker-host",
        statements: mergeStatements([
          ...secrets.flatMap((secretArn) => grantSecretRead({ secretArn, kmsKeyArn: props.kmsKeyArn, region: props.region })),
          ...grantMetricData(props.metricsNamespace),
          ...grantLogWrite(logs.logGroup.arn),
          ...grantOwnRecordUpsert({ partition: props.partition, zoneId: dns.zoneId, recordName: props.recordName, type: "A" }),
        ]),
      },
    });
    const template = new BrokerLaunchTemplate(this, "Host", {
      name: props.name, instanceType: props.instanceType, architecture: props.architecture,
      instanceProfileArn: role.instanceProfileArn, securityGroupId: props.securityGroupId,
      kmsKeyArn: props.kmsKeyArn, dataVolumeGib: props.dataVolumeGib, keepDataVolume: props.protect,
      userData: brokerUserData({
        region: props.region, brokerName: props.name, image: rabbitmqImage(props.version), dataDevice: DATA_DEVICE,
        adminSecretArn: credentials.admin.secretArn, appSecretArn: credentials.app.secretArn, tlsSecretArn: tls.secretArn,
        zoneId: dns.zoneId, recordName: props.recordName, recordTtl: BROKER_RECORD_TTL,
        logGroupName: props.logGroupName, metricsNamespace: props.metricsNamespace,
      }),
    });
    new BrokerHostGroup(this, "HostGroup", {
      name: props.name, subnetIds: props.subnetIds, launchTemplateId: template.id, launchTemplateVersion: template.latestVersion,
      kmsKeyArn: props.kmsKeyArn, dependsOn: [dns.record, logs.logGroup, ...role.permissions],
    });

    this.name = props.name;
    this.endpoint = props.recordName;
    this.adminSecretArn = credentials.admin.secretArn;
    this.appSecretArn = credentials.app.secretArn;
    this.securityGroupId = props.securityGroupId;
    this.caCertificatePem = tls.caCertificatePem;
    this.metricsNamespace = props.metricsNamespace;
  }
}
