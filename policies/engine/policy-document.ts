import { referencesIn } from "./references";
import type { StackContext } from "./stack-context";
import { blocks, isRecord, isUnresolved, list } from "./values";

/** One IAM statement, normalized: every list is a list, conditions as `operator -> key -> values`. */
export interface Statement {
  readonly sid?: string;
  readonly effect: "Allow" | "Deny";
  /** Principal as written: `"*"` or `{ AWS | Service | Federated: string[] }`; undefined in identity policies. */
  readonly principal?: "*" | Readonly<Record<string, readonly string[]>>;
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
  readonly resources: readonly string[];
  readonly notResources: readonly string[];
  readonly conditions: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
}

/** A parsed policy, or why it could not be read before plan. */
export type ParsedPolicy =
  | { readonly known: true; readonly statements: readonly Statement[] }
  | { readonly known: false; readonly reason: string };

/**
 * Reads a policy attribute. Policies here are literal JSON strings whose
 * string values may hold `${...}` interpolations (kept as text, so an
 * interpolated ARN is never mistaken for `*`). A policy that is one whole
 * expression is read from the `aws_iam_policy_document` data source it
 * names when that is in the stack; otherwise it is unknown.
 * Returns undefined when the attribute is not set.
 */
export function parsePolicy(value: unknown, stack?: StackContext): ParsedPolicy | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (isRecord(value)) return fromJson(value);
  if (typeof value !== "string") return { known: false, reason: "policy is not a JSON string" };
  const trimmed = value.trim();
  if (trimmed.startsWith("${") && trimmed.endsWith("}") && !trimmed.startsWith("{")) {
    const document = referencesIn(trimmed).find((r) => r.kind === "data" && r.type === "aws_iam_policy_document");
    const source = document && stack?.get(`data.aws_iam_policy_document.${document.name}`);
    if (source) return fromDataSource(source.attributes);
    return { known: false, reason: `policy is computed at plan time (${trimmed.slice(0, 60)})` };
  }
  try {
    return fromJson(JSON.parse(trimmed));
  } catch {
    return { known: false, reason: "policy is not literal JSON (an expression builds part of it)" };
  }
}

function fromJson(document: unknown): ParsedPolicy {
  if (!isRecord(document)) return { known: false, reason: "policy JSON is not an object" };
  const raw = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  return {
    known: true,
    statements: raw.filter(isRecord).map((s) => ({
      sid: typeof s.Sid === "string" ? s.Sid : undefined,
      effect: s.Effect === "Deny" ? "Deny" : "Allow",
      principal: principalOf(s.Principal),
      actions: strings(s.Action),
      notActions: strings(s.NotAction),
      resources: strings(s.Resource),
      notResources: strings(s.NotResource),
      conditions: conditionsOf(s.Condition),
    })),
  };
}

/** Statements of an `aws_iam_policy_document` data source (its HCL-shaped blocks). */
function fromDataSource(attributes: Readonly<Record<string, unknown>>): ParsedPolicy {
  if (attributes.source_policy_documents || attributes.override_policy_documents) {
    return { known: false, reason: "policy document merges other documents" };
  }
  return {
    known: true,
    statements: blocks(attributes.statement).map((s) => {
      const principals = blocks(s.principals);
      const principal: Record<string, string[]> = {};
      for (const p of principals) principal[String(p.type)] = [...(principal[String(p.type)] ?? []), ...strings(p.identifiers)];
      const conditions: Record<string, Record<string, string[]>> = {};
      for (const c of blocks(s.condition)) {
        conditions[String(c.test)] = { ...(conditions[String(c.test)] ?? {}), [String(c.variable)]: strings(c.values) };
      }
      return {
        sid: typeof s.sid === "string" ? s.sid : undefined,
        effect: s.effect === "Deny" ? "Deny" : "Allow",
        principal: principals.length === 0 ? undefined : principal["*"]?.includes("*") ? "*" : principal,
        actions: strings(s.actions),
        notActions: strings(s.not_actions),
        resources: strings(s.resources),
        notResources: strings(s.not_resources),
        conditions,
      } satisfies Statement;
    }),
  };
}

function principalOf(value: unknown): Statement["principal"] {
  if (value === undefined) return undefined;
  if (value === "*") return "*";
  if (!isRecord(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, strings(v)]));
}

function conditionsOf(value: unknown): Statement["conditions"] {
  if (!isRecord(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([operator, keys]) => [
    operator,
    isRecord(keys) ? Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, strings(v)])) : {},
  ]));
}

function strings(value: unknown): string[] {
  const items = list(value);
  if (items === "unknown") return [String(value)];
  return items.map((item) => String(item));
}

/** True when an IAM pattern (`s3:*`, `*`, `iam:Pass*`) matches `action` (case-insensitive, as IAM does). */
export function actionMatches(pattern: string, action: string): boolean {
  // An interpolated action is unknown until plan; it never matches a concrete one.
  if (isUnresolved(pattern as unknown)) return false;
  const regex = new RegExp(`^${pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`, "i");
  return regex.test(action);
}

/** True when a principal is everyone (`"*"` or `{"AWS": "*"}`). */
export function isPublicPrincipal(principal: Statement["principal"]): boolean {
  if (principal === "*") return true;
  return principal !== undefined && (principal.AWS ?? []).includes("*");
}
