import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { addresses, type StackJson } from "./synth";

/** The parts of a synthesized stack that address rules read. */
export type AddressedStack = Pick<StackJson, "resource" | "output" | "moved">;

/** Sorted resource addresses and output names, by stack name: the committed snapshot's format. */
export type AddressSnapshot = Readonly<Record<string, { readonly resources: readonly string[]; readonly outputs: readonly string[] }>>;

/** How to create or deliberately update the snapshot; every failure message ends with it. */
export const UPDATE_HINT = "If the change is deliberate, run `UPDATE_ADDRESSES=1 npm test` and commit test/__snapshots__/addresses.json with it.";

/** The snapshot of synthesized stacks, stacks sorted by name. */
export function snapshotOf(stacks: Readonly<Record<string, AddressedStack>>): AddressSnapshot {
  return Object.fromEntries(Object.keys(stacks).sort().map((name) => [name, {
    resources: addresses(stacks[name]),
    outputs: Object.keys(stacks[name].output ?? {}).sort(),
  }]));
}

/** The snapshot as written to disk: indented JSON, one address per line, so a diff reads like a plan summary. */
const formatSnapshot = (snapshot: AddressSnapshot): string => JSON.stringify(snapshot, null, 2) + "\n";

/** Reads the committed snapshot; undefined when the file does not exist. */
export function readSnapshot(path: string): AddressSnapshot | undefined {
  return existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) as AddressSnapshot : undefined;
}

/** Writes the snapshot file (only under UPDATE_ADDRESSES=1). */
export function writeSnapshot(path: string, snapshot: AddressSnapshot): void {
  writeFileSync(path, formatSnapshot(snapshot));
}

/**
 * Addresses of the snapshot that a plan would destroy: gone from their stack
 * without a `moved` block whose `from` names them (a vanished stack loses all
 * of them), plus `moved` blocks pointing at an address the stack does not
 * have, which would move state onto nothing. Terraform reads `moved` blocks
 * per state, hence per stack.
 */
export function unmovedRemovals(snapshot: AddressSnapshot, stacks: Readonly<Record<string, AddressedStack>>): string[] {
  const problems: string[] = [];
  for (const [name, before] of Object.entries(snapshot)) {
    const stack = stacks[name];
    if (!stack) {
      problems.push(`${name}: the stack is gone with its ${before.resources.length} resources`);
      continue;
    }
    const now = new Set(addresses(stack));
    const movedFrom = new Set((stack.moved ?? []).map((m) => m.from));
    for (const address of before.resources) {
      if (!now.has(address) && !movedFrom.has(address)) {
        problems.push(`${name}: ${address} is gone and no moved block has it as \`from\` (rename with moveFromId/moveToId/moveTo)`);
      }
    }
  }
  for (const [name, stack] of Object.entries(stacks)) {
    const now = new Set(addresses(stack));
    for (const m of stack.moved ?? []) {
      if (!now.has(m.to)) problems.push(`${name}: moved block ${m.from} -> ${m.to} points at an address the stack does not have`);
    }
  }
  return problems;
}

/** Every difference between two snapshots, one `+`/`-` line per stack, address or output. */
export function snapshotDifferences(before: AddressSnapshot, after: AddressSnapshot): string[] {
  const lines: string[] = [];
  for (const name of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    const was = before[name];
    const is = after[name];
    if (!was || !is) {
      lines.push(`${is ? "+" : "-"} stack ${name}`);
      continue;
    }
    for (const kind of ["resources", "outputs"] as const) {
      const label = kind === "resources" ? "resource" : "output";
      for (const gone of was[kind].filter((a) => !is[kind].includes(a))) lines.push(`- ${name}: ${label} ${gone}`);
      for (const added of is[kind].filter((a) => !was[kind].includes(a))) lines.push(`+ ${name}: ${label} ${added}`);
    }
  }
  return lines;
}
