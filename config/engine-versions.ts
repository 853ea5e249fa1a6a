/**
 * Engine versions the data modules support, and the parameter-group family
 * of each. A seed's version that AWS no longer accepts for new resources is
 * mapped to the nearest supported version of the same line; docs/versions.md
 * records each such choice.
 */
export const ENGINE_VERSIONS = {
  "aurora-postgresql": { "15.15": "aurora-postgresql15", "16.11": "aurora-postgresql16", "17.7": "aurora-postgresql17" },
  postgres: { "15.15": "postgres15", "16.11": "postgres16", "17.7": "postgres17" },
  mysql: { "8.4": "mysql8.4" },
  mariadb: { "11.4": "mariadb11.4" },
  neptune: { "1.4.7.1": "neptune1.4" },
  redis: { "7.1": "redis7" },
} as const satisfies Record<string, Record<string, string>>;

export type Engine = keyof typeof ENGINE_VERSIONS;

/**
 * Dot-separated parts that name one release of an engine exactly, as AWS
 * reports it (PostgreSQL 15.15, MySQL 8.4.7, Neptune 1.4.7.1). Fewer parts
 * name a series (MySQL 8.4). ElastiCache reports Redis 6 and later only as
 * major.minor and applies patch releases inside it, so a Redis version is
 * always a series.
 */
const EXACT_PARTS: Readonly<Record<Engine, number | undefined>> = {
  "aurora-postgresql": 2, postgres: 2, mysql: 3, mariadb: 3, neptune: 4, redis: undefined,
};

/**
 * True when `version` names one release rather than a series: under the
 * engine-version policy (docs/versions.md) only a reviewed change moves it,
 * so automatic minor upgrades are off.
 */
export function pinsExactly(engine: Engine, version: string): boolean {
  return version.split(".").length === EXACT_PARTS[engine];
}

/** Versions supported for an engine, for validation messages. */
export function versionsOf(engine: Engine): string[] {
  return Object.keys(ENGINE_VERSIONS[engine]);
}

/** Parameter-group family of a supported engine version. */
export function familyOf(engine: Engine, version: string): string {
  const family = (ENGINE_VERSIONS[engine] as Record<string, string>)[version];
  if (!family) throw new Error(`${engine} ${version} is not a supported version`);
  return family;
}
