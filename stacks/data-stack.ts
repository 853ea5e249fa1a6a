import { RandomProvider } from "@cdktf/provider-random/lib/provider";
import { Construct } from "constructs";
import { resourceName } from "../lib/naming";
import { AuroraPostgresCluster } from "../modules/data/aurora-postgres-cluster";
import { DatabaseBackupPlan } from "../modules/data/backup-plan";
import { DynamodbTable } from "../modules/data/dynamodb-table";
import { MediaBucket } from "../modules/data/media-bucket";
import { MonitoringRole } from "../modules/data/monitoring-role";
import { NeptuneServerlessCluster } from "../modules/data/neptune-serverless-cluster";
import type { StorePlacement } from "../modules/data/placement";
import { RdsDatabase } from "../modules/data/rds-database";
import { RedisReplicationGroup } from "../modules/data/redis-replication-group";
import { deploymentRolesKeyUse } from "../modules/kms/key-grants";
import { KmsKey } from "../modules/kms/kms-key";
import { consume, defineContract, publish } from "./contracts";
import { LayerStackProps, LayerStack } from "./layer-stack";
import { NETWORK, type NetworkStack } from "./network-stack";

/** Props of the data layer. */
export interface DataStackProps extends LayerStackProps {
  readonly network: NetworkStack;
}

/** What the data layer publishes for later layers; maps are keyed by the store's config id. */
export const DATA = defineContract("data", {
  data_kms_key_arn: { kind: "string", description: "Key encrypting every data store of the deployment" },
  store_endpoints: { kind: "map", description: "Writer (primary) endpoint of each relational, graph and cache store" },
  store_reader_endpoints: { kind: "map", description: "Reader endpoint of each store; the primary endpoint where the store has none" },
  store_ports: { kind: "map", description: "Port of each store" },
  store_security_group_ids: { kind: "map", description: "Security group of each store" },
  store_secret_arns: { kind: "map", description: "Secret holding credentials or auth token (ARN only), for stores that have one" },
  table_names: { kind: "map", description: "DynamoDB table names" },
  table_arns: { kind: "map", description: "DynamoDB table ARNs" },
  table_stream_arns: { kind: "map", description: "DynamoDB stream ARNs (empty for a table without a stream)" },
  bucket_names: { kind: "map", description: "Media bucket names" },
  bucket_arns: { kind: "map", description: "Media bucket ARNs" },
  store_resource_ids: { kind: "map", description: "Resource id of each Aurora, RDS and Neptune store (rds-db:connect and neptune-db ARNs name it)" },
});

/** Connection facts of one store. */
interface StoreOutputs {
  readonly endpoint: string;
  readonly readerEndpoint: string;
  readonly port: number;
  readonly securityGroupId: string;
  readonly secretArn: string | undefined;
  /** Resource id IAM database authentication ARNs name; undefined for a cache. */
  readonly resourceId: string | undefined;
}

/**
 * Data layer: the deployment's data key and every store its config declares,
 * in the isolated data subnets, admitting only their consuming workloads.
 */
export class DataStack extends LayerStack {
  constructor(scope: Construct, props: DataStackProps) {
    super(scope, "data", props);
    const d = this.deployment;
    const network = consume(this, NETWORK, props.network);
    const key = new KmsKey(this, "DataKey", {
      alias: resourceName(d, "data"),
      description: `Encrypts every data store of ${d.name}`,
      accountId: this.accountId,
      partition: this.partition,
      multiRegion: d.data.kms.multiRegion,
      preventDestroy: d.deletionProtection,
      // Every role of the deployment is named `<system>-<env>-...` (lib/naming.ts).
      grants: [deploymentRolesKeyUse({ sid: "SystemRolesUse", partition: this.partition, accountId: this.accountId, roleNamePrefix: `${d.name}-` })],
    });

    const placement = (consumers: readonly string[]): StorePlacement => ({
      vpcId: network.get("vpc_id"),
      subnetIds: network.get("data_subnet_ids"),
      azs: d.network.azs,
      consumers: Object.fromEntries(consumers.map((c) => [c, network.entry("workload_security_group_ids", c)])),
      kmsKeyArn: key.arn,
      logsKmsKeyArn: network.get("logs_kms_key_arn"),
      logRetentionDays: d.logRetentionDays,
    });
    const relational = [...d.data.aurora, ...d.data.rds];
    if (relational.length + d.data.redis.length > 0) new RandomProvider(this, "random");
    const monitoringRoleArn = relational.some((r) => r.monitoringIntervalSeconds > 0)
      ? new MonitoringRole(this, "MonitoringRole", { name: resourceName(d, "rds-monitoring"), accountId: this.accountId, partition: this.partition }).roleArn
      : "";

    const stores: Record<string, StoreOutputs> = {};
    const databaseArns: string[] = [];
    for (const s of d.data.aurora) {
      const c = new AuroraPostgresCluster(this, s.id, { settings: s, placement: placement(s.consumers), monitoringRoleArn });
      stores[s.id] = { endpoint: c.endpoint, readerEndpoint: c.readerEndpoint, port: c.port, securityGroupId: c.securityGroupId, secretArn: c.secretArn, resourceId: c.clusterResourceId };
      databaseArns.push(c.arn);
    }
    for (const s of d.data.rds) {
      const db = new RdsDatabase(this, s.id, { settings: s, placement: placement(s.consumers), monitoringRoleArn });
      stores[s.id] = { endpoint: db.address, readerEndpoint: db.address, port: db.port, securityGroupId: db.securityGroupId, secretArn: db.secretArn, resourceId: db.resourceId };
      databaseArns.push(db.arn);
    }
    for (const s of d.data.neptune) {
      const n = new NeptuneServerlessCluster(this, s.id, { settings: s, placement: placement(s.consumers) });
      stores[s.id] = { endpoint: n.endpoint, readerEndpoint: n.readerEndpoint, port: n.port, securityGroupId: n.securityGroupId, secretArn: undefined, resourceId: n.clusterResourceId };
      databaseArns.push(n.arn);
    }
    if (d.data.awsBackup) {
      new DatabaseBackupPlan(this, "Backup", {
        name: resourceName(d, "data"), kmsKeyArn: key.arn, resourceArns: databaseArns,
        dailyRetentionDays: d.data.awsBackup.dailyRetentionDays, monthlyRetentionDays: d.data.awsBackup.monthlyRetentionDays,
        accountId: this.accountId, partition: this.partition,
      });
    }
    for (const s of d.data.redis) {
      const r = new RedisReplicationGroup(this, s.id, { settings: s, placement: placement(s.consumers) });
      stores[s.id] = { endpoint: r.primaryEndpoint, readerEndpoint: r.readerEndpoint, port: r.port, securityGroupId: r.securityGroupId, secretArn: r.authTokenSecretArn, resourceId: undefined };
    }
    const tables = d.data.dynamodb.map((s) => [s.id, new DynamodbTable(this, s.id, { settings: s, kmsKeyArn: key.arn })] as const);
    const buckets = d.data.mediaBuckets.map((s) => [s.id, new MediaBucket(this, s.id, { settings: s, kmsKeyArn: key.arn, accessLogBucket: this.accessLogBucket })] as const);
    const byId = <T, V>(entries: readonly (readonly [string, T])[], value: (t: T) => V | undefined) =>
      Object.fromEntries(entries.flatMap(([id, t]) => (value(t) === undefined ? [] : [[id, value(t) as V]])));
    const storeList = Object.entries(stores);
    publish(this, DATA, {
      data_kms_key_arn: key.arn,
      store_endpoints: byId(storeList, (s) => s.endpoint),
      store_reader_endpoints: byId(storeList, (s) => s.readerEndpoint),
      store_ports: byId(storeList, (s) => s.port),
      store_security_group_ids: byId(storeList, (s) => s.securityGroupId),
      store_secret_arns: byId(storeList, (s) => s.secretArn),
      table_names: byId(tables, (t) => t.tableName),
      table_arns: byId(tables, (t) => t.arn),
      table_stream_arns: byId(tables, (t) => t.streamArn),
      bucket_names: byId(buckets, (b) => b.bucketName),
      bucket_arns: byId(buckets, (b) => b.arn),
      store_resource_ids: byId(storeList, (s) => s.resourceId),
    });
  }
}
