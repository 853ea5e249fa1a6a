import { ElasticacheParameterGroup } from "@cdktf/provider-aws/lib/elasticache-parameter-group";
import { ElasticacheReplicationGroup } from "@cdktf/provider-aws/lib/elasticache-replication-group";
import { ElasticacheSubnetGroup } from "@cdktf/provider-aws/lib/elasticache-subnet-group";
import { Construct } from "constructs";
import { logGroupPrefix, storeNames } from "../../lib/store-names";
import type { RedisSettings } from "../../config/layers/data";
import { familyOf } from "../../config/engine-versions";
import { LogGroup } from "../logs/log-group";
import { GeneratedSecret } from "../secrets/generated-secret";
import { between, check, validateProps } from "../validate";
import type { StorePlacement } from "./placement";
import { protection } from "./protection";
import { autoMinorVersionUpgrade, storeIdentifier } from "./rules";
import { StoreSecurityGroup } from "./store-security-group";

/** Props of a Redis replication group. */
export interface RedisReplicationGroupProps {
  readonly settings: RedisSettings;
  readonly placement: StorePlacement;
}

/**
 * ElastiCache Redis (cluster mode off): a primary plus replicas spread over
 * the AZs, TLS required, an auth token generated into Secrets Manager,
 * encrypted at rest with the data key, automatic failover and Multi-AZ when
 * there is a replica, daily snapshots, slow log to an encrypted log group.
 */
export class RedisReplicationGroup extends Construct {
  readonly primaryEndpoint: string;
  readonly readerEndpoint: string;
  readonly port: number;
  readonly authTokenSecretArn: string;
  readonly securityGroupId: string;

  constructor(scope: Construct, id: string, props: RedisReplicationGroupProps) {
    super(scope, id);
    const s = props.settings;
    const p = props.placement;
    validateProps(this, [
      check("settings.replicationGroupId", s.replicationGroupId, storeIdentifier(40)),
      check("settings.nodes", s.nodes, between(1, 6, "a primary and up to 5 replicas with cluster mode off")),
      check("settings.snapshotRetentionDays", s.snapshotRetentionDays, between(0, 35, "ElastiCache snapshot retention in days")),
    ]);
    const guard = protection(s.deletionProtection, s.replicationGroupId);
    const group = new StoreSecurityGroup(this, "SecurityGroup", { identifier: s.replicationGroupId, kind: "Redis", port: s.port, placement: p });
    const subnets = new ElasticacheSubnetGroup(this, "SubnetGroup", {
      name: storeNames(s.replicationGroupId).subnetGroup, description: `Data subnets of ${s.replicationGroupId}`, subnetIds: [...p.subnetIds],
    });
    // Redis AUTH accepts printable ASCII except space, " / and @.
    const token = new GeneratedSecret(this, "AuthToken", {
      name: s.authTokenSecretName, description: `AUTH token of ${s.replicationGroupId}`,
      kmsKeyArn: p.kmsKeyArn, recoveryWindowDays: guard.secretRecoveryWindowDays, preventDestroy: guard.lifecycle.preventDestroy,
      length: 64, specialCharacters: "!&#$^<>-",
    });
    const slowLog = new LogGroup(this, "SlowLog", {
      name: logGroupPrefix.redisSlowLog(s.replicationGroupId), retentionDays: p.logRetentionDays, kmsKeyArn: p.logsKmsKeyArn,
      deletionProtection: guard.deletionProtection,
    });
    // A group of our own, not `default.redis7`: parameters can then change without moving the cache to another group (TFLint's default-parameter-group rule).
    const parameters = new ElasticacheParameterGroup(this, "ParameterGroup", {
      name: storeNames(s.replicationGroupId).parameterGroup,
      family: familyOf("redis", s.engineVersion),
      description: `Parameters of ${s.replicationGroupId}`,
    });
    const failover = s.nodes > 1;
    const replicationGroup = new ElasticacheReplicationGroup(this, "ReplicationGroup", {
      replicationGroupId: s.replicationGroupId,
      description: `Redis ${s.replicationGroupId}`,
      engine: "redis",
      engineVersion: s.engineVersion,
      parameterGroupName: parameters.name,
      nodeType: s.nodeType,
      numCacheClusters: s.nodes,
      preferredCacheClusterAzs: Array.from({ length: s.nodes }, (_, i) => p.azs[i % p.azs.length]),
      port: s.port,
      subnetGroupName: subnets.name,
      securityGroupIds: [group.securityGroupId],
      atRestEncryptionEnabled: "true",
      kmsKeyId: p.kmsKeyArn,
      transitEncryptionEnabled: true,
      transitEncryptionMode: "required",
      authToken: token.value,
      automaticFailoverEnabled: failover,
      multiAzEnabled: failover && s.multiAz,
      snapshotRetentionLimit: s.snapshotRetentionDays,
      snapshotWindow: s.backupWindow,
      maintenanceWindow: s.maintenanceWindow,
      finalSnapshotIdentifier: guard.finalSnapshotIdentifier,
      autoMinorVersionUpgrade: String(autoMinorVersionUpgrade("redis", s.engineVersion)),
      applyImmediately: false,
      logDeliveryConfiguration: [{
        destination: slowLog.logGroup.name, destinationType: "cloudwatch-logs", logFormat: "json", logType: "slow-log",
      }],
      lifecycle: guard.lifecycle,
      tags: { Name: s.replicationGroupId },
    });
    token.storeJson("authToken", { host: replicationGroup.primaryEndpointAddress, port: s.port, tls: "required" });
    this.primaryEndpoint = replicationGroup.primaryEndpointAddress;
    this.readerEndpoint = replicationGroup.readerEndpointAddress;
    this.port = s.port;
    this.authTokenSecretArn = token.secretArn;
    this.securityGroupId = group.securityGroupId;
  }
}
