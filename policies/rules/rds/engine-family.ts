import type { ResourceView } from "../../engine/types";
import { isSet, literal } from "../../engine/values";

/** Database engine family of an RDS resource, from its `engine` literal. */
export type EngineFamily = "postgres" | "mysql" | "other" | "unknown";

/** `postgres`/`aurora-postgresql` -> postgres; `mysql`/`mariadb`/`aurora-mysql`/`aurora` -> mysql. */
export function engineFamily(resource: ResourceView): EngineFamily {
  const engine = literal(resource.attributes.engine);
  if (engine === undefined) return resource.type === "aws_rds_cluster" && !isSet(resource.attributes.engine) ? "mysql" : "unknown";
  if (/postgres/.test(engine)) return "postgres";
  if (/^(mysql|mariadb|aurora-mysql|aurora)$/.test(engine)) return "mysql";
  return "other";
}

/** A read replica or restore: it inherits encryption, credentials and backups from its source. */
export function isReplicaOrRestore(resource: ResourceView): boolean {
  const a = resource.attributes;
  return isSet(a.replicate_source_db) || isSet(a.replication_source_identifier) || isSet(a.snapshot_identifier)
    || isSet(a.global_cluster_identifier) && !isSet(a.master_username) && !isSet(a.username);
}
