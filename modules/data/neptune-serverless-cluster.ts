import { NeptuneCluster } from "@cdktf/provider-aws/lib/neptune-cluster";
import { NeptuneClusterInstance } from "@cdktf/provider-aws/lib/neptune-cluster-instance";
import { NeptuneClusterParameterGroup } from "@cdktf/provider-aws/lib/neptune-cluster-parameter-group";
import { NeptuneSubnetGroup } from "@cdktf/provider-aws/lib/neptune-subnet-group";
import { Construct } from "constructs";
import { EXPORTED_LOGS, logGroupPrefix, storeNames } from "../../lib/store-names";
import type { NeptuneSettings } from "../../config/layers/data";
import { familyOf } from "../../config/engine-versions";
import { exportLogGroups } from "../logs/log-group";
import { between, check, validateProps, type Rule } from "../validate";
import type { StorePlacement } from "./placement";
import { protection } from "./protection";
import { autoMinorVersionUpgrade, backupRetentionDays, storeIdentifier } from "./rules";
import { StoreSecurityGroup } from "./store-security-group";

/** Props of a Neptune serverless cluster. */
export interface NeptuneServerlessClusterProps {
  readonly settings: NeptuneSettings;
  readonly placement: StorePlacement;
}

/** Neptune serverless capacity: 1 to 128 NCU in steps of 0.5. */
const capacity: Rule<number> = {
  when: (ncu) => ncu < 1 || ncu > 128 || !Number.isInteger(ncu * 2),
  allowed: "must be from 1 to 128 in steps of 0.5 (Neptune capacity units)",
};

/** Neptune logs exported to CloudWatch, each enabled by its cluster parameter. */

/**
 * Neptune serverless: capacity between `minCapacity` and `maxCapacity` NCU,
 * IAM authentication (no passwords exist), encrypted with the data key,
 * audit and slow-query logs exported to pre-created encrypted groups, a
 * writer plus `readers` in other AZs.
 */
export class NeptuneServerlessCluster extends Construct {
  readonly endpoint: string;
  readonly readerEndpoint: string;
  readonly port: number;
  readonly securityGroupId: string;
  /** ARN, for backup selections and alarms. */
  readonly arn: string;
  readonly clusterResourceId: string;

  constructor(scope: Construct, id: string, props: NeptuneServerlessClusterProps) {
    super(scope, id);
    const s = props.settings;
    const p = props.placement;
    validateProps(this, [
      check("settings.identifier", s.identifier, storeIdentifier(63)),
      check("settings.minCapacity", s.minCapacity, capacity),
      check("settings.maxCapacity", s.maxCapacity, capacity),
      check("settings.maxCapacity", s.maxCapacity, { when: (max) => max < s.minCapacity, allowed: `must be at least minCapacity (${s.minCapacity})` }),
      check("settings.readers", s.readers, between(0, 15, "Neptune replicas per cluster")),
      check("settings.backupRetentionDays", s.backupRetentionDays, backupRetentionDays),
    ]);
    const guard = protection(s.deletionProtection, s.identifier);
    const group = new StoreSecurityGroup(this, "SecurityGroup", { identifier: s.identifier, kind: "Neptune", port: s.port, placement: p });
    const subnets = new NeptuneSubnetGroup(this, "SubnetGroup", {
      name: storeNames(s.identifier).subnetGroup, description: `Data subnets of ${s.identifier}`, subnetIds: [...p.subnetIds],
    });
    const parameters = new NeptuneClusterParameterGroup(this, "ParameterGroup", {
      name: storeNames(s.identifier).parameterGroup, family: familyOf("neptune", s.engineVersion),
      description: `Audit and slow-query logging for ${s.identifier}`,
      parameter: [
        { name: "neptune_enable_audit_log", value: "1" },
        { name: "neptune_enable_slow_query_log", value: "info" },
      ],
    });
    const logGroups = exportLogGroups(this, logGroupPrefix.neptuneCluster(s.identifier), EXPORTED_LOGS.neptune, {
      retentionDays: p.logRetentionDays, kmsKeyArn: p.logsKmsKeyArn, deletionProtection: guard.deletionProtection,
    });
    const cluster = new NeptuneCluster(this, "Cluster", {
      clusterIdentifier: s.identifier,
      engine: "neptune",
      engineVersion: s.engineVersion,
      port: s.port,
      neptuneSubnetGroupName: subnets.name,
      vpcSecurityGroupIds: [group.securityGroupId],
      neptuneClusterParameterGroupName: parameters.name,
      serverlessV2ScalingConfiguration: { minCapacity: s.minCapacity, maxCapacity: s.maxCapacity },
      storageEncrypted: true,
      kmsKeyArn: p.kmsKeyArn,
      iamDatabaseAuthenticationEnabled: true,
      backupRetentionPeriod: s.backupRetentionDays,
      preferredBackupWindow: s.backupWindow,
      preferredMaintenanceWindow: s.maintenanceWindow,
      copyTagsToSnapshot: true,
      deletionProtection: guard.deletionProtection,
      skipFinalSnapshot: guard.skipFinalSnapshot,
      finalSnapshotIdentifier: guard.finalSnapshotIdentifier,
      enableCloudwatchLogsExports: [...EXPORTED_LOGS.neptune],
      applyImmediately: false,
      dependsOn: logGroups,
      lifecycle: guard.lifecycle,
    });
    for (let index = 0; index < 1 + s.readers; index++) {
      new NeptuneClusterInstance(this, index === 0 ? "Writer" : `Reader${index}`, {
        identifier: `${s.identifier}-${index + 1}`,
        clusterIdentifier: cluster.clusterIdentifier,
        engine: "neptune",
        instanceClass: "db.serverless",
        availabilityZone: p.azs[index % p.azs.length],
        promotionTier: index === 0 ? 0 : 1,
        autoMinorVersionUpgrade: autoMinorVersionUpgrade("neptune", s.engineVersion),
        applyImmediately: false,
        tags: { Name: `${s.identifier}-${index + 1}`, role: index === 0 ? "writer" : "reader" },
      });
    }
    this.endpoint = cluster.endpoint;
    this.readerEndpoint = cluster.readerEndpoint;
    this.port = s.port;
    this.securityGroupId = group.securityGroupId;
    this.arn = cluster.arn;
    this.clusterResourceId = cluster.clusterResourceId;
  }
}
