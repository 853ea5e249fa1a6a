import { describe, expect, it } from "vitest";
import type { Deployment } from "../config/deployment";
import { DEPLOYMENTS } from "./support/deployments";
import { onlyRef, outputValues, refBy, resources, stack, stackNames, type StackJson } from "./support/synth";

/**
 * The value of every contract output of every network and data stack, not
 * only its name: an endpoint output pointing at the reader, or a subnet list
 * of the wrong tier, keeps the name and fails here.
 */

const byTier = (s: StackJson, tier: string) =>
  Object.entries(resources(s, "aws_subnet")).filter(([, subnet]) => (subnet.tags as Record<string, string>).tier === tier).map(([id]) => `\${aws_subnet.${id}.id}`);
const groupId = (s: StackJson, name: string) => refBy(s, "aws_security_group", "name", name, "id");

/** NAT gateways per mode, so the list output cannot silently drop one. */
const NAT_GATEWAYS: Record<Deployment["network"]["nat"], (azs: number) => number> = { none: () => 0, single: () => 1, perAz: (azs) => azs };

describe.each(DEPLOYMENTS.filter((d) => d.layers.includes("network")).map((d) => [d.name, d] as const))("%s-network publishes", (name, d: Deployment) => {
  it("its VPC, subnet tiers, NAT gateways, logs key and security groups", () => {
    const s = stack(`${name}-network`);
    const endpoints = d.network.interfaceEndpoints.length > 0;
    expect(outputValues(s)).toEqual({
      vpc_id: onlyRef(s, "aws_vpc", "id"),
      vpc_cidr: d.network.cidr,
      azs: d.network.azs,
      public_subnet_ids: byTier(s, "public"),
      compute_subnet_ids: byTier(s, "compute"),
      data_subnet_ids: byTier(s, "data"),
      nat_gateway_ids: Object.keys(resources(s, "aws_nat_gateway")).map((id) => `\${aws_nat_gateway.${id}.id}`),
      logs_kms_key_arn: onlyRef(s, "aws_kms_key", "arn"),
      endpoint_security_group_id: endpoints ? groupId(s, `${name}-endpoint-sg`) : "",
      workload_security_group_ids: Object.fromEntries(d.network.workloads.map((w) => [w.name, groupId(s, `${name}-${w.name}`)])),
    });
    expect(Object.keys(resources(s, "aws_nat_gateway")), d.network.nat).toHaveLength(NAT_GATEWAYS[d.network.nat](d.network.azs.length));
    // Each tier has one subnet per AZ, so a list of the wrong tier cannot equal the right one.
    for (const tier of ["public", "compute", "data"]) expect(byTier(s, tier)).toHaveLength(d.network.azs.length);
  });
});

/** A store's contract entries: the writer and reader endpoints, port, secret and security group it publishes. */
interface StoreOutputs { endpoint: string; reader: string; port: number; secret?: string; group: string; resource?: string }

/** Every store of a deployment's data layer, by config id, found in the stack by its configured name. */
function stores(s: StackJson, d: Deployment): Record<string, StoreOutputs> {
  const secret = (name: string) => refBy(s, "aws_secretsmanager_secret", "name", name, "arn");
  const entries: [string, StoreOutputs][] = [
    ...d.data.aurora.map((a): [string, StoreOutputs] => [a.id, {
      endpoint: refBy(s, "aws_rds_cluster", "cluster_identifier", a.identifier, "endpoint"),
      reader: refBy(s, "aws_rds_cluster", "cluster_identifier", a.identifier, "reader_endpoint"),
      port: a.port, secret: secret(a.credentialsSecretName), group: groupId(s, `${a.identifier}-sg`),
      resource: refBy(s, "aws_rds_cluster", "cluster_identifier", a.identifier, "cluster_resource_id"),
    }]),
    // A single instance has one address; its readers read the writer.
    ...d.data.rds.map((r): [string, StoreOutputs] => [r.id, {
      endpoint: refBy(s, "aws_db_instance", "identifier", r.identifier, "address"),
      reader: refBy(s, "aws_db_instance", "identifier", r.identifier, "address"),
      port: r.port, secret: secret(r.credentialsSecretName), group: groupId(s, `${r.identifier}-sg`),
      resource: refBy(s, "aws_db_instance", "identifier", r.identifier, "resource_id"),
    }]),
    // Neptune authenticates with IAM: no secret.
    ...d.data.neptune.map((n): [string, StoreOutputs] => [n.id, {
      endpoint: refBy(s, "aws_neptune_cluster", "cluster_identifier", n.identifier, "endpoint"),
      reader: refBy(s, "aws_neptune_cluster", "cluster_identifier", n.identifier, "reader_endpoint"),
      port: n.port, group: groupId(s, `${n.identifier}-sg`),
      resource: refBy(s, "aws_neptune_cluster", "cluster_identifier", n.identifier, "cluster_resource_id"),
    }]),
    ...d.data.redis.map((r): [string, StoreOutputs] => [r.id, {
      endpoint: refBy(s, "aws_elasticache_replication_group", "replication_group_id", r.replicationGroupId, "primary_endpoint_address"),
      reader: refBy(s, "aws_elasticache_replication_group", "replication_group_id", r.replicationGroupId, "reader_endpoint_address"),
      port: r.port, secret: secret(r.authTokenSecretName), group: groupId(s, `${r.replicationGroupId}-sg`),
    }]),
  ];
  return Object.fromEntries(entries);
}

const pick = <K extends keyof StoreOutputs>(all: Record<string, StoreOutputs>, key: K) =>
  Object.fromEntries(Object.entries(all).filter(([, o]) => o[key] !== undefined).map(([id, o]) => [id, o[key]]));

describe.each(DEPLOYMENTS.filter((d) => d.layers.includes("data")).map((d) => [d.name, d] as const))("%s-data publishes", (name, d: Deployment) => {
  it("its key, tables, buckets and every store's endpoints, port, secret and group", () => {
    const s = stack(`${name}-data`);
    const all = stores(s, d);
    const table = (attribute: string) => Object.fromEntries(d.data.dynamodb.map((t) => [t.id, refBy(s, "aws_dynamodb_table", "name", t.name, attribute)]));
    const bucket = (attribute: string) => Object.fromEntries(d.data.mediaBuckets.map((b) => [b.id, refBy(s, "aws_s3_bucket", "bucket", b.name, attribute)]));
    expect(outputValues(s)).toEqual({
      data_kms_key_arn: onlyRef(s, "aws_kms_key", "arn"),
      table_names: table("name"),
      table_arns: table("arn"),
      table_stream_arns: Object.fromEntries(d.data.dynamodb.filter((t) => t.stream).map((t) => [t.id, refBy(s, "aws_dynamodb_table", "name", t.name, "stream_arn")])),
      bucket_names: bucket("bucket"),
      bucket_arns: bucket("arn"),
      store_endpoints: pick(all, "endpoint"),
      store_reader_endpoints: pick(all, "reader"),
      store_ports: pick(all, "port"),
      store_secret_arns: pick(all, "secret"),
      store_security_group_ids: pick(all, "group"),
      store_resource_ids: pick(all, "resource"),
    });
  });
});

describe.each(stackNames().filter((n) => n.endsWith("-state")))("%s publishes", (name) => {
  it("its lock table, state bucket, access-log bucket and state key", () => {
    const s = stack(name);
    const prefix = name.slice(0, -"-state".length).replace(/^(.*)-([a-z]{2}-[a-z]+-\d)$/, (_m, account: string, region: string) => `${account}${account === "stackflow-prod" ? "-373544523367" : ""}-${region}`);
    expect(outputValues(s)).toEqual({
      lock_table: onlyRef(s, "aws_dynamodb_table", "name"),
      state_bucket: refBy(s, "aws_s3_bucket", "bucket", `${prefix}-tfstate`, "bucket"),
      access_log_bucket: refBy(s, "aws_s3_bucket", "bucket", `${prefix}-access-logs`, "bucket"),
      state_kms_key_arn: onlyRef(s, "aws_kms_key", "arn"),
    });
  });
});
