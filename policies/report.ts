import type { CheckResult } from "./engine/run";

/** A readable report of a check run: failures first (rule, stack, address, why), then suppressions. */
export function formatReport(result: CheckResult, elapsedMs: number): string {
  const lines: string[] = [];
  const order = { high: 0, medium: 1, low: 2 } as const;
  const failures = [...result.failures].sort((a, b) => order[a.severity] - order[b.severity]);
  for (const f of failures) {
    lines.push(`FAIL [${f.severity}] ${f.ruleId}  ${f.stack}  ${f.address}`, `     ${f.status === "error" ? "rule error: " : ""}${f.reason}`, `     why: ${f.why}`);
  }
  for (const p of result.suppressionProblems) {
    lines.push(`FAIL [suppression] ${p.rule}  ${p.stack}  ${p.address}`, `     ${p.problem}`);
  }
  if (result.suppressions.length > 0) {
    lines.push("", `Suppressions (${result.suppressions.length}):`);
    for (const s of result.suppressions) lines.push(`  ${s.rule}  ${s.stack}  ${s.address}  (${s.used} finding${s.used === 1 ? "" : "s"})`, `     because: ${s.reason}`);
  }
  lines.push(
    "",
    `Pack ${result.pack}: ${result.rules} rules over ${result.stacks} stacks, ${result.resources} resources, ${result.evaluations} evaluations in ${elapsedMs.toFixed(0)} ms`,
    `${result.failures.length} failing, ${result.suppressed.length} suppressed, ${result.unknown.length} unknown until plan, ${result.suppressionProblems.length} invalid suppressions`,
    result.ok ? "OK" : "FAILED",
  );
  return lines.join("\n");
}
