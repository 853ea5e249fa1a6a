/**
 * Resource types that hold data a re-create does not bring back: destroying
 * or replacing one loses data (a database, a bucket's objects, a key and
 * everything encrypted with it, a secret's value, a queue's messages, audit
 * logs) or breaks what depends on its identity. The plan gate
 * (`scripts/ops/ci/gate.ts`, docs/delivery.md "Plan gate") stops a plan that
 * would delete or replace one of these in a gated stack.
 *
 * Add a type here when a layer starts creating a new kind of store. Types
 * that are cheap to re-create from code (security groups, subnets, roles,
 * parameter groups, subnet groups, aliases) are deliberately absent: the gate
 * is only useful while it fires rarely.
 */
import { STATEFUL_RESOURCE_TYPES as PROTECTED_TYPES } from "../../../policies/stateful-types";

/**
 * Types the gate watches besides those that must carry `prevent_destroy`
 * (policies/stateful-types.ts): members and versions that are replaced by
 * design, so they cannot be protected, but whose replacement a reviewer
 * must still see (a cluster instance, a secret's value), and stores no
 * layer creates yet.
 */
const GATE_ONLY_TYPES = [
  "aws_rds_cluster_instance",
  "aws_rds_global_cluster",
  "aws_neptune_cluster_instance",
  "aws_docdb_cluster_instance",
  "aws_elasticache_cluster",
  "aws_dynamodb_global_table",
  "aws_fsx_lustre_file_system",
  "aws_fsx_ontap_file_system",
  "aws_fsx_openzfs_file_system",
  "aws_fsx_windows_file_system",
  "aws_secretsmanager_secret_version",
  "aws_ssm_parameter",
  "aws_sns_topic",
  "aws_kinesis_stream",
  "aws_msk_cluster",
  "cloudflare_zone",
  "cloudflare_r2_bucket",
  "cloudflare_workers_kv_namespace",
];

/** Everything the plan gate refuses to delete or replace unnoticed. */
export const STATEFUL_RESOURCE_TYPES: ReadonlySet<string> = new Set([...PROTECTED_TYPES, ...GATE_ONLY_TYPES]);

/** Whether a resource type holds data that a destroy or replace loses. */
export function isStateful(type: string): boolean {
  return STATEFUL_RESOURCE_TYPES.has(type);
}
