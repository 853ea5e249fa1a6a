import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";

/** A synthesized `cdk.tf.json`, typed loosely: tests assert on its values. */
export interface StackJson {
  readonly terraform: { backend: Record<string, Record<string, unknown>>; required_providers: Record<string, { source: string; version: string }>; required_version?: string };
  readonly provider: Record<string, Record<string, unknown>[]>;
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
  readonly data?: Record<string, Record<string, Record<string, unknown>>>;
  readonly output?: Record<string, { value: unknown; sensitive?: boolean; description?: string }>;
  /** Terraform `moved` blocks, as cdktf's `moveTo`/`moveFromId`/`moveToId` write them. */
  readonly moved?: readonly { readonly from: string; readonly to: string }[];
}

/** cdktf's manifest.json. */
export interface Manifest {
  readonly stacks: Record<string, { name: string; dependencies: string[]; synthesizedStackPath: string }>;
}

const cache = new Map<string, unknown>();

/** Freezes a parsed JSON value all the way down. */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * The synthesized JSON, parsed once per worker and shared by every test file
 * (vitest `isolate: false`): frozen, so a test that sorts or edits it in
 * place fails at once instead of changing what other files read.
 */
function readJson<T>(relative: string, dir: "synthDir" | "examplesDir" = "synthDir"): T {
  const path = join(inject(dir), relative);
  if (!cache.has(path)) cache.set(path, deepFreeze(JSON.parse(readFileSync(path, "utf8"))));
  return cache.get(path) as T;
}

export const manifest = (): Manifest => readJson<Manifest>("manifest.json");
export const stackNames = (): string[] => Object.keys(manifest().stacks).sort();
export const stack = (name: string): StackJson => readJson<StackJson>(`stacks/${name}/cdk.tf.json`);
/** A stack of the example deployments (test/examples/). */
export const exampleStack = (name: string): StackJson => readJson<StackJson>(`stacks/${name}/cdk.tf.json`, "examplesDir");

/** Resources of one type in a stack, by logical id (empty when none). */
export function resources(s: StackJson, type: string): Record<string, Record<string, unknown>> {
  return s.resource?.[type] ?? {};
}

/** The only resource of a type; fails when there are none or several. */
export function only(s: StackJson, type: string): Record<string, unknown> {
  const all = Object.values(resources(s, type));
  if (all.length !== 1) throw new Error(`expected exactly one ${type}, found ${all.length}`);
  return all[0];
}

/** The `${type.id.attr}` reference to a resource's attribute. */
export function ref(s: StackJson, type: string, match: (r: Record<string, unknown>) => boolean, attribute: string): string {
  const entry = Object.entries(resources(s, type)).find(([, r]) => match(r));
  if (!entry) throw new Error(`no ${type} matches`);
  return `\${${type}.${entry[0]}.${attribute}}`;
}

/** `${type.id.attribute}` of the only resource of a type; fails when there are none or several. */
export function onlyRef(s: StackJson, type: string, attribute: string): string {
  const ids = Object.keys(resources(s, type));
  if (ids.length !== 1) throw new Error(`expected exactly one ${type}, found ${ids.length}`);
  return `\${${type}.${ids[0]}.${attribute}}`;
}

/** Sorted `type.name` addresses of a stack's resources. */
export function addresses(s: Pick<StackJson, "resource">): string[] {
  return Object.entries(s.resource ?? {}).flatMap(([type, byId]) => Object.keys(byId).map((id) => `${type}.${id}`)).sort();
}

/** Parses a policy JSON string as synthesized. */
export const policy = (text: unknown): { Statement: Record<string, unknown>[] } => JSON.parse(text as string);

/** A stack's outputs as `name -> value`, to assert a contract's values whole. */
export const outputValues = (s: StackJson): Record<string, unknown> => Object.fromEntries(Object.entries(s.output ?? {}).map(([name, o]) => [name, o.value]));

/** Value of a `Name` tag. */
export const nameTag = (r: Record<string, unknown>): string | undefined => (r.tags as Record<string, string> | undefined)?.Name;

/** The resources of a type that match. */
export function matching(s: StackJson, type: string, match: (r: Record<string, unknown>) => boolean): Record<string, unknown>[] {
  return Object.values(resources(s, type)).filter(match);
}

/** The one resource of a type whose attribute has the value; fails otherwise. */
export function byAttr(s: StackJson, type: string, attribute: string, value: unknown): Record<string, unknown> {
  const found = matching(s, type, (r) => r[attribute] === value);
  if (found.length !== 1) throw new Error(`expected one ${type} with ${attribute}=${String(value)}, found ${found.length}`);
  return found[0];
}

/** `${type.id.attribute}` of the one resource of a type whose attribute has the value. */
export function refBy(s: StackJson, type: string, attribute: string, value: unknown, out: string): string {
  return ref(s, type, (r) => r[attribute] === value, out);
}

/** `${data.terraform_remote_state.<producer>.outputs.<output>}`: how a consumer reads a contract output (stacks/contracts.ts). */
export const upstream = (producer: string, output: string): string => `\${data.terraform_remote_state.${producer}.outputs.${output}}`;

/** A consumer's read of one entry of a map output of a contract (cdktf writes `.key` where the key is an identifier, else `["key"]`). */
export const upstreamEntry = (producer: string, output: string, key: string): string =>
  `\${data.terraform_remote_state.${producer}.outputs.${output}${/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `.${key}` : `["${key}"]`}}`;
