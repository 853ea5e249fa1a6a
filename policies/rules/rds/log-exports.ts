import { fail, pass, unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { list } from "../../engine/values";
import { engineFamily } from "./engine-family";

/** The log each engine family must export to CloudWatch. */
const REQUIRED_LOG = { postgres: "postgresql", mysql: "error" } as const;

/** Database logs go to CloudWatch Logs. */
export const RdsLogExports: ResourceRule = {
  id: "RDS.LogExports",
  scope: "resource",
  description: "aws_db_instance and aws_rds_cluster export their engine log to CloudWatch (postgresql for PostgreSQL, error for MySQL/MariaDB, any for others).",
  why: "Logs kept only on the instance rotate away within days and vanish with it; exported logs have retention, encryption and can be searched and alarmed on.",
  resourceTypes: ["aws_db_instance", "aws_rds_cluster"],
  check(db) {
    const exports = list(db.attributes.enabled_cloudwatch_logs_exports);
    if (exports === "unknown") return unknown("enabled_cloudwatch_logs_exports is computed");
    const family = engineFamily(db);
    const required = family === "postgres" || family === "mysql" ? REQUIRED_LOG[family] : undefined;
    if (required ? exports.includes(required) : exports.length > 0) return pass();
    return fail(`enabled_cloudwatch_logs_exports is ${JSON.stringify(exports)}; must include ${required ?? "at least one log"}`);
  },
};
