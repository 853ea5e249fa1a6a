/**
 * Finds the references inside Terraform expressions embedded in JSON
 * strings (`"${aws_kms_key.Logs.arn}"`, `"arn:${data.aws_partition.P.partition}:..."`,
 * `"${element(aws_subnet.A.*.id, 0)}"`). Only what Terraform itself would
 * resolve is returned: resources, data sources, variables, locals and
 * modules; functions, `count`/`each`/`self`/`path`/`terraform` and
 * for-expression symbols are not references to other blocks.
 */

/** One reference, e.g. `aws_kms_key.Logs` (kind resource) or `var.region`. */
export interface Reference {
  readonly kind: "resource" | "data" | "var" | "local" | "module";
  /** Resource or data source type; undefined for var/local/module. */
  readonly type?: string;
  readonly name: string;
  /** Attribute path after the block, e.g. `["outputs", "vpc_id"]` or `["arn"]`. */
  readonly attributes: readonly string[];
  /** The traversal as written, e.g. `aws_kms_key.Logs.arn`. */
  readonly text: string;
}

/** Roots that name something other than a block of the configuration. */
const CONTEXT_ROOTS = new Set(["count", "each", "self", "path", "terraform"]);

/** Bodies of the `${...}` templates in a string (escaped `$${` skipped). */
export function templatesIn(text: string): string[] {
  const bodies: string[] = [];
  let index = 0;
  while ((index = text.indexOf("${", index)) !== -1) {
    if (index > 0 && text[index - 1] === "$") {
      index += 2;
      continue;
    }
    const end = closingBrace(text, index + 2);
    bodies.push(text.slice(index + 2, end));
    index = end + 1;
  }
  return bodies;
}

/** References in every string inside a JSON value; `//` comment objects are skipped. */
export function referencesIn(value: unknown): Reference[] {
  if (typeof value === "string") return templatesIn(value).flatMap(expressionReferences);
  if (Array.isArray(value)) return value.flatMap(referencesIn);
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([key, v]) => (key === "//" ? [] : referencesIn(v)));
  }
  return [];
}

/** Parses a bare traversal such as a `depends_on` entry (`aws_kms_key.Logs`). */
export function traversalReference(text: string): Reference | undefined {
  return expressionReferences(text)[0];
}

/** References in one expression body (the text between `${` and `}`). */
export function expressionReferences(expression: string): Reference[] {
  const { code, nested } = stripStrings(expression);
  const found = nested.flatMap(expressionReferences);
  // A traversal starts at an identifier not preceded by `.`, a word character or `-`.
  const traversal = /(?<![\w.\-])([A-Za-z_][\w-]*)((?:\s*\.\s*(?:[A-Za-z_][\w-]*|\*|\d+)|\s*\[[^\]]*\])*)/g;
  for (const match of code.matchAll(traversal)) {
    const root = match[1];
    const steps = [...match[2].matchAll(/\.\s*([A-Za-z_][\w-]*|\*|\d+)/g)].map((m) => m[1]);
    const reference = toReference(root, steps, `${root}${match[2].replace(/\s+/g, "")}`);
    if (reference) found.push(reference);
  }
  return found;
}

function toReference(root: string, steps: string[], text: string): Reference | undefined {
  if (CONTEXT_ROOTS.has(root) || steps.length === 0) return undefined;
  if (root === "var" || root === "local" || root === "module") {
    return { kind: root, name: steps[0], attributes: steps.slice(1), text };
  }
  if (root === "data") {
    if (steps.length < 2) return undefined;
    return { kind: "data", type: steps[0], name: steps[1], attributes: steps.slice(2), text };
  }
  // Resource types always carry a provider prefix (`aws_`, `random_`); anything
  // else with a dot is a for-expression symbol or an object attribute.
  if (!root.includes("_") || /^\d/.test(steps[0])) return undefined;
  return { kind: "resource", type: root, name: steps[0], attributes: steps.slice(1), text };
}

/**
 * Replaces string literals in an expression by `""`, returning the template
 * bodies nested inside them, which hold references of their own.
 */
function stripStrings(expression: string): { code: string; nested: string[] } {
  let code = "";
  const nested: string[] = [];
  let index = 0;
  while (index < expression.length) {
    const char = expression[index];
    if (char !== '"') {
      code += char;
      index++;
      continue;
    }
    index++;
    while (index < expression.length && expression[index] !== '"') {
      if (expression[index] === "\\") index += 2;
      else if (expression.startsWith("${", index) && expression[index - 1] !== "$") {
        const end = closingBrace(expression, index + 2);
        nested.push(expression.slice(index + 2, end));
        index = end + 1;
      } else index++;
    }
    index++;
    code += '""';
  }
  return { code, nested };
}

/** Index of the `}` closing a template whose body starts at `start` (end of text if none). */
function closingBrace(text: string, start: number): number {
  let depth = 1;
  for (let index = start; index < text.length; index++) {
    const char = text[index];
    if (char === '"') index = closingQuote(text, index);
    else if (char === "{") depth++;
    else if (char === "}" && --depth === 0) return index;
  }
  return text.length;
}

function closingQuote(text: string, open: number): number {
  for (let index = open + 1; index < text.length; index++) {
    if (text[index] === "\\") index++;
    else if (text.startsWith("${", index)) index = closingBrace(text, index + 2);
    else if (text[index] === '"') return index;
  }
  return text.length;
}
