import { type StackManifest, upstreamOf } from "../../../lib/apply-order";
import type { ChangeSet } from "./changed";
import { renderCosts, type StackCost } from "./cost";
import { ALLOW_DESTROY_LABEL, type GateFinding } from "./gate";
import { bytes, capBytes, cutToBytes, fence } from "./markdown";
import type { PlanResult, PlanStatus } from "./plan";

/** Hidden first line of the pull-request comment; the workflow finds its own comment by it. */
export const COMMENT_MARKER = "<!-- cdktf-plan-report -->";

/** GitHub rejects comment bodies over 65,536 characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;

/**
 * What the report aims at: below the limit with room to spare, measured in
 * UTF-8 bytes (never fewer than characters, however GitHub counts them).
 */
export const DEFAULT_BUDGET = 60_000;

/** A planned stack: its recorded result and rendered plan (or error) text. */
export interface PlannedStack {
  readonly result: PlanResult;
  readonly text: string;
}

/** Everything the report is made from. */
export interface ReportInput {
  readonly planned: readonly PlannedStack[];
  /** Stack names per dependency wave, as planned. */
  readonly waves: readonly (readonly string[])[];
  readonly changes: ChangeSet;
  readonly manifest: StackManifest;
  /** Stacks each stack reads outputs from (remote state). @default every upstream stack in the manifest */
  readonly reads?: ReadonlyMap<string, readonly string[]>;
  readonly terraformVersion: string;
  readonly commit?: string;
  readonly runUrl?: string;
  /** Set when no plan ran at all (e.g. a fork's pull request gets no AWS credentials). */
  readonly notPlannedReason?: string;
  /** Size budget in UTF-8 bytes. @default DEFAULT_BUDGET */
  readonly budget?: number;
  /** The plan gate: gated stacks destroying stateful resources, and who approved it (the label), if anyone. */
  readonly gate?: { readonly findings: readonly GateFinding[]; readonly approver?: string };
  /** Infracost estimates of the planned stacks (absent when Infracost did not run). */
  readonly costs?: readonly StackCost[];
}

const ICON: Record<PlanStatus, string> = { changes: "📝", "no-changes": "✅", provisional: "⏳", failed: "❌", skipped: "⏭️" };
const ATTENTION: readonly PlanStatus[] = ["changes", "provisional", "failed"];

/**
 * Renders the plan report posted as the one pull-request comment and the
 * job summary: a table of every planned stack in wave order, why any plan is
 * provisional, removed and unchanged stacks, then one collapsible section per
 * stack with its plan. Plan texts share what is left of the budget (short
 * ones whole, long ones cut with a pointer to the artifact), so the body
 * always stays under GitHub's comment limit.
 */
export function renderReport(input: ReportInput): string {
  const budget = input.budget ?? DEFAULT_BUDGET;
  const waveOf = new Map(input.waves.flatMap((wave, i) => wave.map((s) => [s, i + 1] as const)));
  const planned = [...input.planned].sort((a, b) => (waveOf.get(a.result.stack) ?? 0) - (waveOf.get(b.result.stack) ?? 0) || a.result.stack.localeCompare(b.result.stack));
  const head = [COMMENT_MARKER, headline(input, planned), context(input), ...gateSection(input.gate), "", ...table(planned, waveOf), ...renderCosts(input.costs ?? []), ...notes(input, planned), ...otherStacks(input.changes)].join("\n");
  if (planned.length === 0) return capBytes(head, budget);

  const sections = planned.map((p) => ({ p, open: `<details><summary>${ICON[p.result.status]} <code>${p.result.stack}</code>: ${escapeHtml(p.result.summary)}</summary>\n\n`, close: "\n</details>\n" }));
  const frame = `${head}\n\n#### Plans\n\n`;
  const fixed = bytes(frame) + sections.reduce((n, s) => n + bytes(s.open) + bytes(s.close) + 16, 0);
  const shares = shareOut(Math.max(0, budget - fixed), planned.map((p) => bytes(p.text)));
  const body = sections.map((s, i) => `${s.open}${fence(cutToBytes(s.p.text, shares[i], s.p.result.stack))}${s.close}`).join("\n");
  return capBytes(`${frame}${body}`, budget);
}

function headline(input: ReportInput, planned: readonly PlannedStack[]): string {
  const total = Object.keys(input.manifest.stacks).length;
  if (input.notPlannedReason) return `### Terraform plan: not run (${input.changes.changed.length} of ${total} stacks changed)`;
  if (input.changes.changed.length === 0) return `### Terraform plan: no stack changed (${total} stacks compared)`;
  const count = (s: PlanStatus) => planned.filter((p) => p.result.status === s).length;
  const label: Record<PlanStatus, string> = { changes: "with changes", "no-changes": "without changes", provisional: "provisional", failed: "failed", skipped: "skipped" };
  const parts = (Object.keys(label) as PlanStatus[]).filter((s) => count(s) > 0).map((s) => `${count(s)} ${label[s]}`);
  return `### Terraform plan: ${planned.length} of ${total} stacks planned (${parts.join(", ")})`;
}

/**
 * The plan gate's verdict, right under the headline: which stateful
 * resources staging, prod or state stacks would lose, and what lets it pass.
 */
export function gateSection(gate: ReportInput["gate"]): string[] {
  if (!gate || gate.findings.length === 0) return [];
  const count = gate.findings.reduce((n, f) => n + f.changes.length, 0);
  const lines = gate.approver
    ? ["", "> [!WARNING]", `> **Plan gate: approved by @${gate.approver}** (label \`${ALLOW_DESTROY_LABEL}\`): this change destroys or replaces ${count} stateful resource${count === 1 ? "" : "s"}.`]
    : ["", "> [!CAUTION]", `> **Plan gate: this change destroys or replaces ${count} stateful resource${count === 1 ? "" : "s"}** in staging, prod or state stacks, so this check fails. If that is intended, a reviewer other than the author adds the label \`${ALLOW_DESTROY_LABEL}\` (docs/delivery.md "Plan gate").`];
  for (const f of gate.findings) {
    for (const c of f.changes) lines.push(`> - \`${f.stack}\`: \`${c.address}\` (${c.type}) will be ${c.action === "replace" ? "**replaced** (destroyed, then created empty)" : "**destroyed**"}${c.previousAddress ? `, moved from \`${c.previousAddress}\`` : ""}`);
  }
  return lines;
}

function context(input: ReportInput): string {
  const parts = [input.commit ? `commit \`${input.commit.slice(0, 12)}\`` : undefined, `Terraform ${input.terraformVersion}`, input.runUrl ? `[workflow run](${input.runUrl})` : undefined];
  return parts.filter(Boolean).join(" · ");
}

function table(planned: readonly PlannedStack[], waveOf: ReadonlyMap<string, number>): string[] {
  if (planned.length === 0) return [];
  return ["| | wave | stack | plan |", "|---|---|---|---|", ...planned.map((p) => `| ${ICON[p.result.status]} | ${waveOf.get(p.result.stack) ?? ""} | \`${p.result.stack}\` | ${escapeCell(p.result.status === "changes" || p.result.status === "no-changes" ? p.result.summary : `${p.result.status}: ${p.result.summary}`)} |`)];
}

function notes(input: ReportInput, planned: readonly PlannedStack[]): string[] {
  const lines: string[] = [];
  if (input.notPlannedReason) lines.push("", `> [!WARNING]`, `> Plans were not run: ${input.notPlannedReason}`, `> Changed stacks: ${input.changes.changed.map((s) => `\`${s}\``).join(", ") || "none"}`);
  const explained = planned.filter((p) => p.result.status !== "changes" && p.result.status !== "no-changes" && p.result.reason);
  if (explained.some((p) => p.result.status === "provisional")) {
    lines.push("", "> [!NOTE]", "> ⏳ **Provisional** plans are not failures: they cannot be computed until the stacks they read from have been applied (apply runs in dependency order and plans each stack again right before applying it).");
  }
  for (const p of explained) lines.push(`- ${ICON[p.result.status]} \`${p.result.stack}\`: ${p.result.reason}`);
  const byStack = new Map(planned.map((p) => [p.result.stack, p.result.status] as const));
  for (const p of planned) {
    if (p.result.status !== "changes" && p.result.status !== "no-changes") continue;
    const reads = input.reads?.get(p.result.stack) ?? upstreamOf(input.manifest, p.result.stack);
    const pending = reads.filter((u) => ATTENTION.includes(byStack.get(u) ?? "no-changes"));
    if (pending.length > 0) lines.push(`- ⚠️ \`${p.result.stack}\` was planned with the outputs ${pending.map((u) => `\`${u}\``).join(", ")} ${pending.length === 1 ? "has" : "have"} now, and ${pending.length === 1 ? "that stack is" : "those are"} not applied as planned here yet; the apply workflow plans it again after them.`);
  }
  return lines;
}

function otherStacks(changes: ChangeSet): string[] {
  const lines: string[] = [];
  if (changes.removed.length > 0) {
    lines.push("", `**Removed stacks** (${changes.removed.length}): ${changes.removed.map((s) => `\`${s}\``).join(", ")}. Removing code destroys nothing: run \`npm run ops -- destroy <deployment> --stack <name>\` before merging, or their resources stay unmanaged.`);
  }
  if (changes.unchanged.length > 0) {
    lines.push("", `<details><summary>${changes.unchanged.length} stacks unchanged, not planned</summary>\n\n${changes.unchanged.map((s) => `\`${s}\``).join(", ")}\n</details>`);
  }
  return lines;
}

/** Splits `total` among items wanting `wants`: small ones get all they want, the rest share equally. */
export function shareOut(total: number, wants: readonly number[]): number[] {
  const shares = new Array<number>(wants.length).fill(0);
  let left = total;
  const order = wants.map((w, i) => [w, i] as const).sort((a, b) => a[0] - b[0]);
  order.forEach(([want, i], k) => {
    const fair = Math.floor(left / (order.length - k));
    shares[i] = Math.min(want, fair);
    left -= shares[i];
  });
  return shares;
}

function escapeCell(text: string): string {
  return escapeHtml(text).replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
