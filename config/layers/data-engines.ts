/**
 * What AWS accepts per database engine, beyond the version table
 * (config/engine-versions.ts): master usernames it refuses, and the instance
 * classes and node types it offers. Checked 2026-11 against the RDS, Aurora
 * and ElastiCache user guides ("Supported DB engines for DB instance
 * classes", "Supported node types", "Quotas and constraints"), the
 * PostgreSQL 17 and MySQL 8.4 reserved-word lists, and cfn-lint's master
 * username rules. Extend a table when AWS adds a family; never loosen it
 * into a pattern.
 */

/** Engines with a master user. */
export type RelationalEngine = "aurora-postgresql" | "postgres" | "mysql" | "mariadb";

/** PostgreSQL's reserved key words (PostgreSQL 17 appendix C, "reserved"), as role names. */
const POSTGRES_RESERVED = [
  "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast", "check",
  "collate", "column", "constraint", "create", "current_catalog", "current_date", "current_role", "current_time",
  "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except",
  "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in", "initially", "intersect", "into",
  "lateral", "leading", "limit", "localtime", "localtimestamp", "not", "null", "offset", "on", "only", "or", "order",
  "placing", "primary", "references", "returning", "select", "session_user", "some", "symmetric", "system_user",
  "table", "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "when", "where", "window", "with",
];

/** MySQL 8.4's reserved words (R) that fit a 16-character lowercase username. */
const MYSQL_RESERVED = [
  "accessible", "add", "all", "alter", "analyze", "and", "as", "asc", "asensitive", "before", "between", "bigint", "binary",
  "blob", "both", "by", "call", "cascade", "case", "change", "char", "character", "check", "collate", "column", "condition",
  "constraint", "continue", "convert", "create", "cross", "cube", "cume_dist", "current_date", "current_time",
  "current_user", "cursor", "database", "databases", "day_hour", "day_minute", "day_second", "dec", "decimal",
  "declare", "default", "delayed", "delete", "dense_rank", "desc", "describe", "deterministic", "distinct", "distinctrow",
  "div", "double", "drop", "dual", "each", "else", "elseif", "empty", "enclosed", "escaped", "except", "exists", "exit",
  "explain", "false", "fetch", "first_value", "float", "float4", "float8", "for", "force", "foreign", "from", "fulltext",
  "function", "generated", "get", "grant", "group", "grouping", "groups", "having", "high_priority", "hour_minute",
  "hour_second", "if", "ignore", "in", "index", "infile", "inner", "inout", "insensitive", "insert", "int", "int1", "int2",
  "int3", "int4", "int8", "integer", "intersect", "interval", "into", "is", "iterate", "join", "json_table", "key", "keys",
  "kill", "lag", "last_value", "lateral", "lead", "leading", "leave", "left", "like", "limit", "linear", "lines", "load",
  "localtime", "lock", "long", "longblob", "longtext", "loop", "low_priority", "match", "maxvalue", "mediumblob",
  "mediumint", "mediumtext", "middleint", "minute_second", "mod", "modifies", "natural", "not", "nth_value", "ntile",
  "null", "numeric", "of", "on", "optimize", "option", "optionally", "or", "order", "out", "outer", "outfile", "over",
  "partition", "percent_rank", "precision", "primary", "procedure", "purge", "range", "rank", "read", "reads",
  "read_write", "real", "recursive", "references", "regexp", "release", "rename", "repeat", "replace", "require",
  "resignal", "restrict", "return", "revoke", "right", "rlike", "row", "rows", "row_number", "schema", "schemas",
  "select", "sensitive", "separator", "set", "show", "signal", "smallint", "spatial", "specific", "sql", "sqlexception",
  "sqlstate", "sqlwarning", "ssl", "starting", "stored", "straight_join", "system", "table", "terminated", "then",
  "tinyblob", "tinyint", "tinytext", "to", "trailing", "trigger", "true", "undo", "union", "unique", "unlock", "unsigned",
  "update", "usage", "use", "using", "utc_date", "utc_time", "values", "varbinary", "varchar", "varcharacter", "varying",
  "virtual", "when", "where", "while", "window", "with", "write", "xor", "year_month", "zerofill",
];

/** Users RDS itself creates in every engine. */
const RDS_USERS = ["rdsadmin", "rdsrepladmin"];

/** PostgreSQL engines also refuse `admin` and the `pg_` prefix (reserved role names). */
const postgresUsers = { names: [...RDS_USERS, "admin", "rds_superuser", "rds_replication", "rds_iam", ...POSTGRES_RESERVED], prefixes: ["pg_"] };
const mysqlUsers = { names: [...RDS_USERS, ...MYSQL_RESERVED], prefixes: [] };

/** Master usernames each engine refuses: exact names and prefixes. */
export const RESERVED_USERNAMES: Readonly<Record<RelationalEngine, { readonly names: readonly string[]; readonly prefixes: readonly string[] }>> = {
  "aurora-postgresql": postgresUsers,
  postgres: postgresUsers,
  mysql: mysqlUsers,
  mariadb: mysqlUsers,
};

/** Why `username` is refused by `engine`, or undefined when it is accepted. */
export function reservedUsername(engine: RelationalEngine, username: string): string | undefined {
  const reserved = RESERVED_USERNAMES[engine];
  if (reserved.names.includes(username)) return `must not be a name ${engine} reserves (${username} is reserved by the engine or by RDS)`;
  const prefix = reserved.prefixes.find((p) => username.startsWith(p));
  return prefix ? `must not start with ${prefix} (reserved by ${engine})` : undefined;
}

const burstable = ["medium", "large"] as const;
const sized = (...sizes: string[]) => sizes;
const GRAVITON = sized("large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge");
const INTEL = sized("large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge");

/**
 * DB instance classes offered per engine, family -> sizes. Classes below
 * medium are left out: Performance Insights, which every instance enables,
 * needs medium or larger.
 */
export const INSTANCE_CLASSES: Readonly<Record<RelationalEngine, Readonly<Record<string, readonly string[]>>>> = {
  "aurora-postgresql": {
    t3: burstable, t4g: burstable, r5: INTEL, r6g: GRAVITON, r6i: sized(...INTEL, "32xlarge"), r7g: GRAVITON,
    r7i: sized(...INTEL, "48xlarge"), r8g: sized(...GRAVITON, "24xlarge", "48xlarge"), x2g: GRAVITON,
  },
  postgres: rdsClasses(),
  mysql: rdsClasses(),
  mariadb: rdsClasses(),
};

function rdsClasses(): Readonly<Record<string, readonly string[]>> {
  const t = sized("medium", "large", "xlarge", "2xlarge");
  return {
    t3: t, t4g: t, m5: INTEL, m6g: GRAVITON, m6i: sized(...INTEL, "32xlarge"), m7g: GRAVITON, m7i: sized(...INTEL, "48xlarge"),
    m8g: sized(...GRAVITON, "24xlarge", "48xlarge"), r5: INTEL, r6g: GRAVITON, r6i: sized(...INTEL, "32xlarge"), r7g: GRAVITON,
    r7i: sized(...INTEL, "48xlarge"), r8g: sized(...GRAVITON, "24xlarge", "48xlarge"), x2g: GRAVITON,
  };
}

/** ElastiCache node types for Redis OSS / Valkey, family -> sizes. */
export const CACHE_NODE_TYPES: Readonly<Record<string, readonly string[]>> = {
  t3: ["micro", "small", "medium"], t4g: ["micro", "small", "medium"],
  m5: sized("large", "xlarge", "2xlarge", "4xlarge", "12xlarge", "24xlarge"), m6g: sized("large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"),
  m7g: sized("large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"),
  r5: sized("large", "xlarge", "2xlarge", "4xlarge", "12xlarge", "24xlarge"), r6g: sized("large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"),
  r7g: sized("large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"), r6gd: sized("xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"),
};

/** Why `<prefix>.<family>.<size>` is not in `table`, or undefined when it is. */
export function unofferedClass(prefix: "db" | "cache", value: string, table: Readonly<Record<string, readonly string[]>>, what: string): string | undefined {
  const [head, family, size, ...rest] = value.split(".");
  if (head === prefix && rest.length === 0 && table[family]?.includes(size)) return undefined;
  if (head === prefix && rest.length === 0 && table[family]) return `${prefix}.${family} offers ${table[family].join(", ")} for ${what}`;
  return `must be a ${prefix}.<family>.<size> ${what} offers; families: ${Object.keys(table).join(", ")}`;
}
