import { DbSubnetGroup } from "@cdktf/provider-aws/lib/db-subnet-group";
import { RdsCluster } from "@cdktf/provider-aws/lib/rds-cluster";
import { RdsClusterInstance } from "@cdktf/provider-aws/lib/rds-cluster-instance";
import { RdsClusterParameterGroup } from "@cdktf/provider-aws/lib/rds-cluster-parameter-group";
import { Construct } from "constructs";
import { EXPORTED_LOGS, logGroupPrefix, storeNames } from "../../lib/store-names";
import type { AuroraSettings } from "../../config/layers/data";
import { familyOf } from "../../config/engine-versions";
import { LogGroup } from "../logs/log-group";
import { GeneratedSecret } from "../secrets/generated-secret";
import { between, check, validateProps } from "../validate";
import { RDS_CA, StorePlacement } from "./placement";
import { protection } from "./protection";
import {
  autoMinorVersionUpgrade, backupRetentionDays, monitoringIntervalSeconds, monitoringRoleFor, performanceInsightsRetentionDays, storeIdentifier,
} from "./rules";
import { StoreSecurityGroup } from "./store-security-group";

/** Props of an Aurora PostgreSQL cluster. */
export interface AuroraPostgresClusterProps {
  readonly settings: AuroraSettings;
  readonly placement: StorePlacement;
  /** Role for enhanced monitoring; required (non-empty) when `monitoringIntervalSeconds` > 0. */
  readonly monitoringRoleArn: string;
}

/**
 * Aurora PostgreSQL: encrypted with the data key, IAM authentication, TLS
 * forced by the cluster parameter group, a writer plus `readers` spread over
 * the other AZs, PostgreSQL logs exported to a pre-created encrypted group,
 * the master password generated into a Secrets Manager secret that also
 * carries the connection details.
 */
export class AuroraPostgresCluster extends Construct {
  readonly endpoint: string;
  readonly readerEndpoint: string;
  readonly port: number;
  readonly secretArn: string;
  readonly securityGroupId: string;
  /** ARN, for backup selections and alarms. */
  readonly arn: string;
  readonly clusterResourceId: string;

  constructor(scope: Construct, id: string, props: AuroraPostgresClusterProps) {
    super(scope, id);
    const s = props.settings;
    const p = props.placement;
    validateProps(this, [
      check("settings.identifier", s.identifier, storeIdentifier(63)),
      check("settings.readers", s.readers, between(0, 15, "Aurora replicas per cluster")),
      check("settings.backupRetentionDays", s.backupRetentionDays, backupRetentionDays),
      check("settings.monitoringIntervalSeconds", s.monitoringIntervalSeconds, monitoringIntervalSeconds),
      check("settings.performanceInsightsRetentionDays", s.performanceInsightsRetentionDays, performanceInsightsRetentionDays),
      check("monitoringRoleArn", props.monitoringRoleArn, monitoringRoleFor(s.monitoringIntervalSeconds)),
    ]);
    const guard = protection(s.deletionProtection, s.identifier);
    const group = new StoreSecurityGroup(this, "SecurityGroup", { identifier: s.identifier, kind: "Aurora PostgreSQL", port: s.port, placement: p });
    const subnets = new DbSubnetGroup(this, "SubnetGroup", {
      name: storeNames(s.identifier).subnetGroup, description: `Data subnets of ${s.identifier}`, subnetIds: [...p.subnetIds],
    });
    const parameters = new RdsClusterParameterGroup(this, "ParameterGroup", {
      name: storeNames(s.identifier).parameterGroup, family: familyOf("aurora-postgresql", s.engineVersion),
      description: `TLS-only connections for ${s.identifier}`,
      // TLS only; DDL statements and any statement slower than a second go to the exported postgresql log (an audit trail of schema changes, and the slow queries worth a look).
      parameter: [
        { name: "rds.force_ssl", value: "1" },
        { name: "log_statement", value: "ddl" },
        { name: "log_min_duration_statement", value: "1000" },
      ],
    });
    const credentials = new GeneratedSecret(this, "Credentials", {
      name: s.credentialsSecretName, description: `Master credentials of ${s.identifier}`,
      kmsKeyArn: p.kmsKeyArn, recoveryWindowDays: guard.secretRecoveryWindowDays, preventDestroy: guard.lifecycle.preventDestroy,
    });
    const logs = new LogGroup(this, "PostgresqlLogs", {
      name: `${logGroupPrefix.auroraCluster(s.identifier)}/${EXPORTED_LOGS["aurora-postgresql"][0]}`, retentionDays: p.logRetentionDays, kmsKeyArn: p.logsKmsKeyArn,
      deletionProtection: guard.deletionProtection,
    });
    const cluster = new RdsCluster(this, "Cluster", {
      clusterIdentifier: s.identifier,
      engine: "aurora-postgresql",
      engineMode: "provisioned",
      engineVersion: s.engineVersion,
      databaseName: s.databaseName,
      masterUsername: s.masterUsername,
      masterPasswordWo: credentials.value,
      masterPasswordWoVersion: credentials.version,
      port: s.port,
      dbSubnetGroupName: subnets.name,
      vpcSecurityGroupIds: [group.securityGroupId],
      dbClusterParameterGroupName: parameters.name,
      storageEncrypted: true,
      kmsKeyId: p.kmsKeyArn,
      iamDatabaseAuthenticationEnabled: true,
      backupRetentionPeriod: s.backupRetentionDays,
      preferredBackupWindow: s.backupWindow,
      preferredMaintenanceWindow: s.maintenanceWindow,
      copyTagsToSnapshot: true,
      deletionProtection: guard.deletionProtection,
      skipFinalSnapshot: guard.skipFinalSnapshot,
      finalSnapshotIdentifier: guard.finalSnapshotIdentifier,
      enabledCloudwatchLogsExports: ["postgresql"],
      allowMajorVersionUpgrade: false,
      applyImmediately: false,
      dependsOn: [logs.logGroup],
      lifecycle: guard.lifecycle,
    });
    const instanceCount = 1 + s.readers;
    for (let index = 0; index < instanceCount; index++) {
      const role = index === 0 ? "writer" : "reader";
      new RdsClusterInstance(this, index === 0 ? "Writer" : `Reader${index}`, {
        identifier: `${s.identifier}-${index + 1}`,
        clusterIdentifier: cluster.clusterIdentifier,
        engine: "aurora-postgresql",
        engineVersion: cluster.engineVersion,
        instanceClass: s.instanceClass,
        // Writer in the first AZ, readers in the next ones: a failover target outside the writer's AZ.
        availabilityZone: p.azs[index % p.azs.length],
        promotionTier: index === 0 ? 0 : 1,
        publiclyAccessible: false,
        caCertIdentifier: RDS_CA,
        performanceInsightsEnabled: true,
        performanceInsightsKmsKeyId: p.kmsKeyArn,
        performanceInsightsRetentionPeriod: s.performanceInsightsRetentionDays,
        monitoringInterval: s.monitoringIntervalSeconds,
        monitoringRoleArn: s.monitoringIntervalSeconds > 0 ? props.monitoringRoleArn : undefined,
        autoMinorVersionUpgrade: autoMinorVersionUpgrade("aurora-postgresql", s.engineVersion),
        copyTagsToSnapshot: true,
        applyImmediately: false,
        tags: { Name: `${s.identifier}-${index + 1}`, role },
      });
    }
    credentials.storeJson("password", {
      username: s.masterUsername, engine: "postgres", host: cluster.endpoint, port: s.port, dbname: s.databaseName,
    });
    this.endpoint = cluster.endpoint;
    this.readerEndpoint = cluster.readerEndpoint;
    this.port = s.port;
    this.secretArn = credentials.secretArn;
    this.securityGroupId = group.securityGroupId;
    this.arn = cluster.arn;
    this.clusterResourceId = cluster.clusterResourceId;
  }
}
