import { describe, expect, it } from "vitest";
import { type Engine, ENGINE_VERSIONS, pinsExactly } from "../../config/engine-versions";
import { resources, stack, stackNames } from "../support/synth";

/**
 * The engine-version policy of docs/versions.md, on every database and cache
 * of every deployment: the version is one the table supports; automatic minor
 * upgrades are off where config pins a release exactly (only a reviewed change
 * moves it, so no plan tries a downgrade RDS refuses) and on where it names a
 * series (AWS moves only inside it, and the provider shows the series
 * unchanged); upgrades wait for the maintenance window; majors never happen by
 * themselves.
 */
interface Versioned {
  readonly where: string;
  readonly engine: Engine;
  readonly version: string;
  /** auto_minor_version_upgrade of everything that runs this version, as booleans. */
  readonly autoMinor: readonly boolean[];
  readonly attributes: Record<string, unknown>;
}

/** Stores whose engine runs on members (Aurora, Neptune) carry the flag on their instances. */
const MEMBERS: Record<string, string> = { aws_rds_cluster: "aws_rds_cluster_instance", aws_neptune_cluster: "aws_neptune_cluster_instance" };
const STORES = ["aws_rds_cluster", "aws_db_instance", "aws_neptune_cluster", "aws_elasticache_replication_group"];
const asBoolean = (value: unknown) => value === true || value === "true";

function versioned(name: string): Versioned[] {
  const s = stack(name);
  return STORES.flatMap((type) => Object.entries(resources(s, type)).map(([id, r]) => {
    const members = MEMBERS[type]
      ? Object.values(resources(s, MEMBERS[type])).filter((m) => m.cluster_identifier === `\${${type}.${id}.cluster_identifier}`)
      : [r];
    return {
      where: `${name} ${type}.${id}`, engine: r.engine as Engine, version: r.engine_version as string,
      autoMinor: members.map((m) => asBoolean(m.auto_minor_version_upgrade)), attributes: r,
    };
  }));
}

const all = stackNames().flatMap(versioned);

describe("engine-version policy", () => {
  it("covers every database and cache of every deployment", () => {
    expect(new Set(all.map((v) => v.engine))).toEqual(new Set(["aurora-postgresql", "postgres", "mysql", "neptune", "redis"]));
    // Any other type with an engine version (a new kind of store) must be added here first.
    const versionedTypes = stackNames().flatMap((name) => Object.entries(stack(name).resource ?? {})
      .filter(([, byId]) => Object.values(byId).some((r) => "engine_version" in r || "auto_minor_version_upgrade" in r))
      .map(([type]) => type));
    const covered = [...STORES, ...Object.values(MEMBERS)];
    expect(versionedTypes.filter((type) => !covered.includes(type))).toEqual([]);
  });

  it.each(all.map((v) => [v.where, v] as const))("%s", (_where, v) => {
    expect(Object.keys(ENGINE_VERSIONS[v.engine])).toContain(v.version);
    expect(v.autoMinor.length).toBeGreaterThan(0);
    expect(v.autoMinor).toEqual(v.autoMinor.map(() => !pinsExactly(v.engine, v.version)));
    expect(v.attributes.apply_immediately).toBe(false);
    if (v.engine !== "redis") expect(v.attributes.allow_major_version_upgrade ?? false).toBe(false);
  });

  it("pins every Aurora, PostgreSQL and Neptune release exactly; only MySQL 8.4 (webhooks) and Redis name a series", () => {
    const series = all.filter((v) => !pinsExactly(v.engine, v.version)).map((v) => `${v.engine} ${v.version}`);
    expect([...new Set(series)].sort()).toEqual(["mysql 8.4", "redis 7.1"]);
    expect(all.filter((v) => ["aurora-postgresql", "postgres", "neptune"].includes(v.engine)).every((v) => v.autoMinor.every((on) => !on))).toBe(true);
  });
});

describe("pinsExactly", () => {
  it.each([
    ["aurora-postgresql", "16.11", true], ["postgres", "15.15", true], ["postgres", "15", false],
    ["mysql", "8.4.7", true], ["mysql", "8.4", false], ["mariadb", "11.4", false],
    ["neptune", "1.4.7.1", true], ["neptune", "1.4", false], ["redis", "7.1", false],
  ] as const)("%s %s: %s", (engine, version, exact) => {
    expect(pinsExactly(engine, version)).toBe(exact);
  });
});
