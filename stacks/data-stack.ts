import { TerraformOutput } from "cdktf";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { RandomProvider } from "@cdktf/provider-random/lib/provider";
import { Construct } from "constructs";
import { resourceName } from "../lib/naming";
import { AuroraPostgresCluster } from "../modules/data/aurora-postgres-cluster";
import { DynamodbTable } from "../modules/data/dynamodb-table";
import { MediaBucket } from "../modules/data/media-bucket";
import { MonitoringRole } from "../modules/data/monitoring-role";
import { NeptuneServerlessCluster } from "../modules/data/neptune-serverless-cluster";
import type { StorePlacement } from "../modules/data/placement";
import { RdsDatabase } from "../modules/data/rds-database";
import { RedisReplicationGroup } from "../modules/data/redis-replication-group";
import { deploymentRolesKeyUse } from "../modules/kms/key-grants";
import { KmsKey } from "../modules/kms/kms-key";
import { LayerStackProps, LayerStack } from "./layer-stack";
import type { NetworkOutputs } from "./network-stack";

/** Props of the data layer. */
export interface DataStackProps extends LayerStackProps {
  readonly network: NetworkOutputs;
}

/** Connection facts of one store, for the layers that use it. */
export interface StoreOutputs {
  readonly endpoint: string;
  /** Reader endpoint; the primary endpoint where the store has none. */
  readonly readerEndpoint: string;
  readonly port: number;
  readonly securityGroupId: string;
  /** Secret holding credentials or auth token; undefined for IAM-only stores. */
  readonly secretArn: string | undefined;
}

/** What later layers consume from the data layer. */
export interface DataOutputs {
  readonly kmsKeyArn: string;
  /** Relational, graph and cache stores by their config id. */
  readonly stores: Readonly<Record<string, StoreOutputs>>;
  readonly tables: Readonly<Record<string, { readonly name: string; readonly arn: string; readonly streamArn: string }>>;
  readonly buckets: Readonly<Record<string, { readonly name: string; readonly arn: string }>>;
}

/**
 * Data layer: the deployment's data key and every store its config declares,
 * in the isolated data subnets, admitting only their consuming workloads.
 */
export class DataStack extends LayerStack {
  readonly outputs: DataOutputs;

  constructor(scope: Construct, props: DataStackProps) {
    super(scope, "data", props);
    const d = this.deployment;
    const identity = new DataAwsCallerIdentity(this, "Caller");
    const partition = new DataAwsPartition(this, "Partition");
    const key = new KmsKey(this, "DataKey", {
      alias: resourceName(d, "data"),
      description: `Encrypts every data store of ${d.name}`,
      accountId: identity.accountId,
      partition: partition.partition,
      multiRegion: d.data.kms.multiRegion,
      preventDestroy: d.deletionProtection,
      // Every role of the deployment is named `<system>-<env>-...` (lib/naming.ts).
      grants: [deploymentRolesKeyUse({ sid: "SystemRolesUse", partition: partition.partition, accountId: identity.accountId, roleNamePrefix: `${d.name}-` })],
    });

    const placement = (consumers: readonly string[]): StorePlacement => ({
      vpcId: props.network.vpcId,
      subnetIds: props.network.dataSubnetIds,
      azs: props.network.azs,
      consumers: Object.fromEntries(consumers.map((c) => [c, props.network.workloadSecurityGroupIds[c]])),
      kmsKeyArn: key.arn,
      logsKmsKeyArn: props.network.logsKmsKeyArn,
      logRetentionDays: d.logRetentionDays,
    });
    const relational = [...d.data.aurora, ...d.data.rds];
    if (relational.length + d.data.redis.length > 0) new RandomProvider(this, "random");
    const monitoringRoleArn = relational.some((r) => r.monitoringIntervalSeconds > 0)
      ? new MonitoringRole(this, "MonitoringRole", { name: resourceName(d, "rds-monitoring"), accountId: identity.accountId, partition: partition.partition }).roleArn
      : "";

    const stores: Record<string, StoreOutputs> = {};
    for (const s of d.data.aurora) {
      const c = new AuroraPostgresCluster(this, s.id, { settings: s, placement: placement(s.consumers), monitoringRoleArn });
      stores[s.id] = { endpoint: c.endpoint, readerEndpoint: c.readerEndpoint, port: c.port, securityGroupId: c.securityGroupId, secretArn: c.secretArn };
    }
    for (const s of d.data.rds) {
      const db = new RdsDatabase(this, s.id, { settings: s, placement: placement(s.consumers), monitoringRoleArn });
      stores[s.id] = { endpoint: db.address, readerEndpoint: db.address, port: db.port, securityGroupId: db.securityGroupId, secretArn: db.secretArn };
    }
    for (const s of d.data.neptune) {
      const n = new NeptuneServerlessCluster(this, s.id, { settings: s, placement: placement(s.consumers) });
      stores[s.id] = { endpoint: n.endpoint, readerEndpoint: n.readerEndpoint, port: n.port, securityGroupId: n.securityGroupId, secretArn: undefined };
    }
    for (const s of d.data.redis) {
      const r = new RedisReplicationGroup(this, s.id, { settings: s, placement: placement(s.consumers) });
      stores[s.id] = { endpoint: r.primaryEndpoint, readerEndpoint: r.readerEndpoint, port: r.port, securityGroupId: r.securityGroupId, secretArn: r.authTokenSecretArn };
    }
    const tables = Object.fromEntries(d.data.dynamodb.map((s) => {
      const t = new DynamodbTable(this, s.id, { settings: s, kmsKeyArn: key.arn });
      return [s.id, { name: t.tableName, arn: t.arn, streamArn: t.streamArn }];
    }));
    const buckets = Object.fromEntries(d.data.mediaBuckets.map((s) => {
      const b = new MediaBucket(this, s.id, { settings: s, kmsKeyArn: key.arn });
      return [s.id, { name: b.bucketName, arn: b.arn }];
    }));
    this.outputs = { kmsKeyArn: key.arn, stores, tables, buckets };

    new TerraformOutput(this, "data_kms_key_arn", { value: key.arn, description: "Key encrypting every data store" });
    for (const [id, store] of Object.entries(stores)) {
      new TerraformOutput(this, `${id}_endpoint`, { value: store.endpoint, description: `${id} endpoint` });
      new TerraformOutput(this, `${id}_port`, { value: store.port, description: `${id} port` });
      new TerraformOutput(this, `${id}_security_group_id`, { value: store.securityGroupId, description: `${id} security group` });
      if (store.secretArn) new TerraformOutput(this, `${id}_secret_arn`, { value: store.secretArn, description: `${id} credentials secret (ARN only)` });
    }
  }
}
