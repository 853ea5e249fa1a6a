import { reasonProblems } from "../suppression-rules";
import { typeMatches, type Pack, type PackEntry } from "./pack";
import { StackContext } from "./stack-context";
import type { SynthesizedStack } from "./stack-json";
import { declaredSuppressions, STACK_ADDRESS } from "./suppressions";
import type { LocatedOutcome, Outcome, ResourceRule, ResourceView, Severity } from "./types";

/** A rule's verdict on one element that needs attention. */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly stack: string;
  readonly address: string;
  /** `non_compliant`, or `error` when the rule itself threw (never suppressible). */
  readonly status: "non_compliant" | "error";
  readonly reason: string;
  readonly why: string;
  /** The suppression reason, when one exempts this finding. */
  readonly suppressedBecause?: string;
}

/** A check that could not be decided before plan (an unresolved reference). */
export interface UnknownResult {
  readonly ruleId: string;
  readonly stack: string;
  readonly address: string;
  readonly reason: string;
}

/** A suppression that is itself wrong: no reason, a placeholder reason, an unknown rule. */
export interface SuppressionProblem {
  readonly stack: string;
  readonly address: string;
  readonly rule: string;
  readonly problem: string;
}

/** A valid suppression and how many findings it exempted in this run. */
export interface SuppressionUse {
  readonly stack: string;
  readonly address: string;
  readonly rule: string;
  readonly reason: string;
  readonly used: number;
}

/** Everything one run of a pack found. */
export interface CheckResult {
  readonly pack: string;
  readonly stacks: number;
  readonly resources: number;
  readonly rules: number;
  /** Rule-by-element evaluations that applied (compliant, failing or unknown). */
  readonly evaluations: number;
  /** Unsuppressed non-compliant findings and rule errors: each one fails the check. */
  readonly failures: readonly Finding[];
  readonly suppressed: readonly Finding[];
  readonly unknown: readonly UnknownResult[];
  /** Invalid suppressions: each one fails the check. */
  readonly suppressionProblems: readonly SuppressionProblem[];
  readonly suppressions: readonly SuppressionUse[];
  /** True when there is nothing to fix. */
  readonly ok: boolean;
}

/**
 * Runs every rule of a pack over every stack. Rules are independent and
 * pure, so the order of stacks and rules never changes the result; output
 * is sorted so reports diff cleanly.
 */
export function runPack(pack: Pack, stacks: readonly SynthesizedStack[]): CheckResult {
  const ruleIds = new Set(pack.entries.map((e) => e.rule.id));
  const findings: Finding[] = [];
  const unknowns: UnknownResult[] = [];
  const problems: SuppressionProblem[] = [];
  const uses: (SuppressionUse & { used: number })[] = [];
  let resources = 0;
  let evaluations = 0;

  for (const stack of stacks) {
    const context = new StackContext(stack, stacks);
    resources += context.all().length;

    const valid = new Map<string, SuppressionUse & { used: number }>();
    for (const s of declaredSuppressions(context)) {
      const rule = typeof s.rule === "string" ? s.rule : JSON.stringify(s.rule);
      const issues = [...(ruleIds.has(rule) ? [] : [`unknown rule id ${rule} (not in pack ${pack.name})`]), ...reasonProblems(s.reason)];
      if (issues.length > 0) {
        problems.push(...issues.map((problem) => ({ stack: s.stack, address: s.address, rule, problem })));
        continue;
      }
      const use = { stack: s.stack, address: s.address, rule, reason: String(s.reason).trim(), used: 0 };
      valid.set(`${s.address}|${rule}`, use);
      uses.push(use);
    }
    const ownAddresses = new Set([...context.all().map((r) => r.address), ...Object.keys(stack.json.output ?? {}).map((n) => `output.${n}`)]);
    const suppressionFor = (address: string, ruleId: string) =>
      valid.get(`${ownAddresses.has(address) ? address : STACK_ADDRESS}|${ruleId}`);

    const record = (entry: PackEntry, located: { address: string; outcome: Guarded }) => {
      const { outcome, address } = located;
      if (outcome.status === "not_applicable") return;
      evaluations++;
      if (outcome.status === "compliant") return;
      if (outcome.status === "unknown") {
        unknowns.push({ ruleId: entry.rule.id, stack: context.name, address, reason: outcome.reason });
        return;
      }
      // A rule error is a bug in the rule, not in the resource: nothing may suppress it.
      const suppression = outcome.status === "non_compliant" ? suppressionFor(address, entry.rule.id) : undefined;
      if (suppression) suppression.used++;
      findings.push({
        ruleId: entry.rule.id,
        severity: entry.severity,
        stack: context.name,
        address,
        status: outcome.status === "non_compliant" ? "non_compliant" : "error",
        reason: outcome.reason,
        why: entry.rule.why,
        suppressedBecause: suppression?.reason,
      });
    };

    for (const entry of pack.entries) {
      const rule = entry.rule;
      if (rule.scope === "stack") {
        for (const located of guardStack(() => rule.check(context))) record(entry, located);
      } else {
        for (const resource of context.all()) {
          if (!applies(rule, resource)) continue;
          record(entry, { address: resource.address, outcome: guard(() => rule.check(resource, context)) });
        }
      }
    }
  }

  const order = (a: { stack: string; address: string; ruleId?: string; rule?: string }, b: typeof a) =>
    a.stack.localeCompare(b.stack) || a.address.localeCompare(b.address) || (a.ruleId ?? a.rule ?? "").localeCompare(b.ruleId ?? b.rule ?? "");
  const failures = findings.filter((f) => !f.suppressedBecause).sort(order);
  return {
    pack: pack.name,
    stacks: stacks.length,
    resources,
    rules: pack.entries.length,
    evaluations,
    failures,
    suppressed: findings.filter((f) => f.suppressedBecause).sort(order),
    unknown: unknowns.sort(order),
    suppressionProblems: problems.sort(order),
    suppressions: uses.sort(order),
    ok: failures.length === 0 && problems.length === 0,
  };
}

function applies(rule: ResourceRule, resource: ResourceView): boolean {
  const key = resource.mode === "data" ? `data.${resource.type}` : resource.type;
  return rule.resourceTypes.some((pattern) => typeMatches(pattern, key));
}

/** Outcome of a rule that threw or returned garbage: a violation, never a pass. */
interface RuleError {
  readonly status: "error";
  readonly reason: string;
}
type Guarded = Outcome | RuleError;

const STATUSES = new Set(["compliant", "non_compliant", "not_applicable", "unknown"]);

function guard(check: () => Outcome): Guarded {
  try {
    const outcome = check();
    if (!outcome || !STATUSES.has(outcome.status)) return { status: "error", reason: `rule returned ${JSON.stringify(outcome)}` };
    return outcome;
  } catch (error) {
    return { status: "error", reason: `rule threw: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function guardStack(check: () => readonly LocatedOutcome[]): { address: string; outcome: Guarded }[] {
  try {
    return check().map((located) => ({ address: located.address, outcome: guard(() => located.outcome) }));
  } catch (error) {
    return [{ address: STACK_ADDRESS, outcome: { status: "error", reason: `rule threw: ${error instanceof Error ? error.message : String(error)}` } }];
  }
}
