/**
 * A resource-level diff of two synths (base and head): per stack, the
 * resources added, removed, moved (Terraform `moved` blocks in the head)
 * and changed, attribute by attribute, with the changes that force a
 * replacement (replacement.ts) and whether the replaced or removed resource
 * holds state (policies/stateful-types.ts). What a reviewer reads above the
 * plans; the plan stays the authority.
 */
import type { SynthesizedStack, StackJson } from "../../policies/engine/stack-json";
import { STATEFUL_RESOURCE_TYPES } from "../../policies/stateful-types";
import { FORCES_REPLACEMENT } from "./replacement";

export interface AttributeChange {
  /** `engine_version`, `tags.Name`, `rule[0].port`. */
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface ResourceChange {
  readonly address: string;
  readonly changes: readonly AttributeChange[];
  /** Top-level arguments among the changes that force a new resource. */
  readonly replacedBy: readonly string[];
  readonly stateful: boolean;
}

export interface StackDiff {
  readonly stack: string;
  readonly status: "added" | "removed" | "changed";
  readonly added: readonly string[];
  /** Removed addresses; `stateful` ones lose data on apply. */
  readonly removed: readonly { readonly address: string; readonly stateful: boolean }[];
  readonly moved: readonly { readonly from: string; readonly to: string }[];
  readonly changed: readonly ResourceChange[];
}

const STATEFUL = new Set<string>(STATEFUL_RESOURCE_TYPES);
const isStateful = (address: string): boolean => STATEFUL.has(address.split(".")[0]);

/** Stacks that differ, by name; identical stacks are left out. */
export function diffSynths(base: readonly SynthesizedStack[], head: readonly SynthesizedStack[]): StackDiff[] {
  const before = new Map(base.map((s) => [s.name, s.json]));
  const after = new Map(head.map((s) => [s.name, s.json]));
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  return names.flatMap((name) => {
    const diff = diffStack(name, before.get(name), after.get(name));
    const empty = diff.status === "changed" && !diff.added.length && !diff.removed.length && !diff.moved.length && !diff.changed.length;
    return empty ? [] : [diff];
  });
}

function diffStack(stack: string, base: StackJson | undefined, head: StackJson | undefined): StackDiff {
  const was = resourcesOf(base);
  const now = resourcesOf(head);
  const moved = ((head as { moved?: { from: string; to: string }[] } | undefined)?.moved ?? [])
    .filter((m) => was.has(m.from) && now.has(m.to) && !now.has(m.from))
    .map((m) => ({ from: m.from, to: m.to }));
  const movedFrom = new Map(moved.map((m) => [m.from, m.to]));
  const movedTo = new Set(moved.map((m) => m.to));
  const added = [...now.keys()].filter((a) => !was.has(a) && !movedTo.has(a)).sort();
  const removed = [...was.keys()].filter((a) => !now.has(a) && !movedFrom.has(a)).sort().map((address) => ({ address, stateful: isStateful(address) }));
  const changed: ResourceChange[] = [];
  for (const [address, old] of [...was].sort(([a], [b]) => a.localeCompare(b))) {
    const target = now.has(address) ? address : movedFrom.get(address);
    if (!target) continue;
    const changes = compare(old, now.get(target)!, "");
    if (!changes.length) continue;
    const forcing = new Set(FORCES_REPLACEMENT[target.split(".")[0]] ?? []);
    const replacedBy = [...new Set(changes.map((c) => c.path.split(/[.[]/)[0]).filter((top) => forcing.has(top)))].sort();
    changed.push({ address: target, changes, replacedBy, stateful: isStateful(target) });
  }
  const status = !base ? "added" : !head ? "removed" : "changed";
  return { stack, status, added, removed, moved, changed };
}

/** `type.name` -> attributes (without cdktf's `//` metadata). */
function resourcesOf(json: StackJson | undefined): Map<string, unknown> {
  const map = new Map<string, unknown>();
  for (const [type, byName] of Object.entries(json?.resource ?? {})) {
    for (const [name, attributes] of Object.entries(byName)) {
      const { "//": _metadata, ...rest } = attributes;
      map.set(`${type}.${name}`, rest);
    }
  }
  return map;
}

/** Leaf-level differences between two JSON values. */
function compare(before: unknown, after: unknown, path: string): AttributeChange[] {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, i) => compare(before[i], after[i], `${path}[${i}]`)).flat();
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => compare(before[k], after[k], path ? `${path}.${k}` : k));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, before, after }];
}
