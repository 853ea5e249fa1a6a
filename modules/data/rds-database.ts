import { DbInstance } from "@cdktf/provider-aws/lib/db-instance";
import { DbParameterGroup } from "@cdktf/provider-aws/lib/db-parameter-group";
import { DbSubnetGroup } from "@cdktf/provider-aws/lib/db-subnet-group";
import { Fn } from "cdktf";
import { Construct } from "constructs";
import { EXPORTED_LOGS, logGroupPrefix, storeNames } from "../../lib/store-names";
import type { RdsSettings } from "../../config/layers/data";
import { familyOf } from "../../config/engine-versions";
import { exportLogGroups } from "../logs/log-group";
import { GeneratedSecret } from "../secrets/generated-secret";
import { between, check, validateProps } from "../validate";
import { RDS_CA, StorePlacement } from "./placement";
import { protection } from "./protection";
import {
  autoMinorVersionUpgrade, backupRetentionDays, monitoringIntervalSeconds, monitoringRoleFor, performanceInsightsRetentionDays, storeIdentifier,
} from "./rules";
import { StoreSecurityGroup } from "./store-security-group";

/** Props of an RDS database instance. */
export interface RdsDatabaseProps {
  readonly settings: RdsSettings;
  readonly placement: StorePlacement;
  /** Role for enhanced monitoring; required (non-empty) when `monitoringIntervalSeconds` > 0. */
  readonly monitoringRoleArn: string;
}

/** Per engine: the parameters that force TLS (and feed the exported logs), and the logs exported. */
const ENGINE_PROFILE = {
  postgres: { tls: [{ name: "rds.force_ssl", value: "1" }], logs: EXPORTED_LOGS.postgres },
  mysql: { tls: [{ name: "require_secure_transport", value: "1" }, { name: "slow_query_log", value: "1" }], logs: EXPORTED_LOGS.mysql },
  mariadb: { tls: [{ name: "require_secure_transport", value: "1" }, { name: "slow_query_log", value: "1" }], logs: EXPORTED_LOGS.mariadb },
} as const;

/** gp3 volumes below this size run at the fixed baseline and reject explicit IOPS or throughput. */
const GP3_PROVISIONING_THRESHOLD_GIB = 400;

/**
 * An RDS instance (PostgreSQL, MySQL or MariaDB) on encrypted gp3 storage in
 * the data subnets: never public, TLS forced by its parameter group, IAM
 * authentication, enhanced monitoring, Performance Insights, logs exported to
 * pre-created encrypted groups, and a generated master password held with
 * the connection details (username, password, engine, host, port, dbname)
 * in one Secrets Manager secret.
 */
export class RdsDatabase extends Construct {
  readonly address: string;
  readonly port: number;
  readonly secretArn: string;
  readonly securityGroupId: string;
  /** ARN, for backup selections and alarms. */
  readonly arn: string;
  readonly resourceId: string;

  constructor(scope: Construct, id: string, props: RdsDatabaseProps) {
    super(scope, id);
    const s = props.settings;
    const p = props.placement;
    validateProps(this, [
      check("settings.identifier", s.identifier, storeIdentifier(63)),
      check("settings.allocatedStorageGib", s.allocatedStorageGib, between(20, 65536, "gp3 storage in GiB")),
      check("settings.backupRetentionDays", s.backupRetentionDays, backupRetentionDays),
      check("settings.monitoringIntervalSeconds", s.monitoringIntervalSeconds, monitoringIntervalSeconds),
      check("settings.performanceInsightsRetentionDays", s.performanceInsightsRetentionDays, performanceInsightsRetentionDays),
      check("monitoringRoleArn", props.monitoringRoleArn, monitoringRoleFor(s.monitoringIntervalSeconds)),
    ]);
    const profile = ENGINE_PROFILE[s.engine];
    const guard = protection(s.deletionProtection, s.identifier);
    const group = new StoreSecurityGroup(this, "SecurityGroup", { identifier: s.identifier, kind: `RDS ${s.engine}`, port: s.port, placement: p });
    const subnets = new DbSubnetGroup(this, "SubnetGroup", {
      name: storeNames(s.identifier).subnetGroup, description: `Data subnets of ${s.identifier}`, subnetIds: [...p.subnetIds],
    });
    const parameters = new DbParameterGroup(this, "ParameterGroup", {
      name: storeNames(s.identifier).parameterGroup, family: familyOf(s.engine, s.engineVersion),
      description: `TLS-only connections for ${s.identifier}`,
      parameter: profile.tls.map((parameter) => ({ ...parameter })),
    });
    const credentials = new GeneratedSecret(this, "Credentials", {
      name: s.credentialsSecretName, description: `Master credentials of ${s.identifier}`,
      kmsKeyArn: p.kmsKeyArn, recoveryWindowDays: guard.secretRecoveryWindowDays, preventDestroy: guard.lifecycle.preventDestroy,
    });
    const logGroups = exportLogGroups(this, logGroupPrefix.rdsInstance(s.identifier), profile.logs, {
      retentionDays: p.logRetentionDays, kmsKeyArn: p.logsKmsKeyArn, deletionProtection: guard.deletionProtection,
    });
    const provisioned = s.allocatedStorageGib >= GP3_PROVISIONING_THRESHOLD_GIB;
    const instance = new DbInstance(this, "Instance", {
      identifier: s.identifier,
      engine: s.engine,
      engineVersion: s.engineVersion,
      instanceClass: s.instanceClass,
      allocatedStorage: s.allocatedStorageGib,
      storageType: "gp3",
      iops: provisioned ? s.iops : undefined,
      storageThroughput: provisioned ? s.throughputMibps : undefined,
      storageEncrypted: true,
      kmsKeyId: p.kmsKeyArn,
      multiAz: s.multiAz,
      dbName: s.databaseName,
      username: s.masterUsername,
      passwordWo: credentials.value,
      passwordWoVersion: credentials.version,
      port: s.port,
      dbSubnetGroupName: subnets.name,
      vpcSecurityGroupIds: [group.securityGroupId],
      parameterGroupName: parameters.name,
      publiclyAccessible: false,
      iamDatabaseAuthenticationEnabled: true,
      caCertIdentifier: RDS_CA,
      backupRetentionPeriod: s.backupRetentionDays,
      backupWindow: s.backupWindow,
      maintenanceWindow: s.maintenanceWindow,
      copyTagsToSnapshot: true,
      deletionProtection: guard.deletionProtection,
      skipFinalSnapshot: guard.skipFinalSnapshot,
      finalSnapshotIdentifier: guard.finalSnapshotIdentifier,
      monitoringInterval: s.monitoringIntervalSeconds,
      monitoringRoleArn: s.monitoringIntervalSeconds > 0 ? props.monitoringRoleArn : undefined,
      performanceInsightsEnabled: true,
      performanceInsightsKmsKeyId: p.kmsKeyArn,
      performanceInsightsRetentionPeriod: s.performanceInsightsRetentionDays,
      enabledCloudwatchLogsExports: [...profile.logs],
      autoMinorVersionUpgrade: autoMinorVersionUpgrade(s.engine, s.engineVersion),
      allowMajorVersionUpgrade: false,
      applyImmediately: false,
      dependsOn: logGroups,
      lifecycle: guard.lifecycle,
      tags: { Name: s.identifier },
    });
    if (!provisioned) {
      // Below 400 GiB AWS fixes gp3 at 3000 IOPS / 125 MiB/s and rejects explicit values; record them for review.
      instance.addOverride("//.storage_baseline", { iops: 3000, throughput_mibps: 125 });
    }
    credentials.storeJson("password", {
      username: s.masterUsername, engine: s.engine, host: instance.address, port: s.port, dbname: s.databaseName,
    }, s.engine === "postgres" ? (password) => ({ url: postgresUrl(s, instance.address, password) }) : undefined);
    this.address = instance.address;
    this.port = s.port;
    this.secretArn = credentials.secretArn;
    this.securityGroupId = group.securityGroupId;
    this.arn = instance.arn;
    this.resourceId = instance.resourceId;
  }
}

/**
 * `postgresql://` URL of a PostgreSQL database, the DATABASE_URL many
 * applications read (seed 002): the password percent-encoded (its alphabet
 * includes `#`, `?` and `:`), TLS required as the parameter group enforces.
 * Kept only in the secret, whose `url` key ECS injects by reference.
 */
function postgresUrl(s: RdsSettings, host: string, password: string): string {
  return `postgresql://${s.masterUsername}:${Fn.urlencode(password)}@${host}:${s.port}/${s.databaseName}?sslmode=require`;
}
