/**
 * A synth diff as Markdown: the warnings first (stateful resources replaced
 * or removed), then per stack the resources added, removed, moved and
 * changed with their attribute changes. The pull-request comment shows it
 * above the plans.
 */
import type { StackDiff } from "./diff-model";

/** Long values (policy documents) cut to keep the comment readable. */
const show = (value: unknown): string => {
  const text = value === undefined ? "(unset)" : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

/** Lines that must stop a reviewer: data lost on apply. */
export function warnings(diffs: readonly StackDiff[]): string[] {
  return diffs.flatMap((d) => [
    ...d.changed.filter((c) => c.stateful && c.replacedBy.length).map((c) => `${d.stack}: ${c.address} is REPLACED (${c.replacedBy.join(", ")} changed): its data is lost unless migrated`),
    ...d.removed.filter((r) => r.stateful).map((r) => `${d.stack}: ${r.address} is REMOVED: its data is lost (add a moved block if it was renamed)`),
  ]);
}

export function diffMarkdown(diffs: readonly StackDiff[]): string {
  if (!diffs.length) return "No resource changes.\n";
  const lines: string[] = [];
  const warned = warnings(diffs);
  if (warned.length) lines.push("**Stateful resources replaced or removed:**", "", ...warned.map((w) => `- :warning: ${w}`), "");
  for (const d of diffs) {
    const counts = `+${d.added.length} -${d.removed.length} ~${d.changed.length} moved ${d.moved.length}`;
    lines.push(`### ${d.stack}${d.status === "changed" ? "" : ` (stack ${d.status})`}: ${counts}`, "");
    lines.push(...d.added.map((a) => `- \`+\` ${a}`));
    lines.push(...d.removed.map((r) => `- \`-\` ${r.address}${r.stateful ? " (stateful)" : ""}`));
    lines.push(...d.moved.map((m) => `- \`>\` ${m.from} moved to ${m.to}`));
    for (const c of d.changed) {
      const replaced = c.replacedBy.length ? ` **replaced** (${c.replacedBy.join(", ")})${c.stateful ? " (stateful)" : ""}` : "";
      lines.push(`- \`~\` ${c.address}${replaced}`);
      lines.push(...c.changes.map((a) => `  - \`${a.path}\`: ${show(a.before)} -> ${show(a.after)}`));
    }
    lines.push("");
  }
  return lines.join("\n");
}
