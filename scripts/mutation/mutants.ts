import ts from "typescript";

/** The three areas the kill rate is reported for (issue 20). */
export type Area = "config" | "security" | "wiring";

/** One careless edit: a range of a source file replaced by other text. */
export interface Mutant {
  /** Stable across unrelated edits of the file: file, operator, what changed, and which occurrence of that. */
  readonly id: string;
  readonly area: Area;
  /** Repository-relative path. */
  readonly file: string;
  readonly line: number;
  readonly operator: "string" | "number" | "boolean" | "drop-element" | "drop-property";
  readonly original: string;
  readonly replacement: string;
  readonly start: number;
  readonly end: number;
}

/** Calls whose string arguments are messages for people, not values that reach the output. */
const MESSAGE_CALLEE = /(^|\.)(problem|fail|invalid|describe|log|warn|error)$|Error$/;

/** Whether a node sits in a type, an import or export clause, or a message: edits there never reach the JSON. */
function outsideValues(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isTypeNode(n) || ts.isImportDeclaration(n) || ts.isExportDeclaration(n) || ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n)) return true;
    if ((ts.isCallExpression(n) || ts.isNewExpression(n)) && MESSAGE_CALLEE.test(n.expression.getText())) return true;
    if (ts.isThrowStatement(n)) return true;
  }
  return false;
}

/**
 * Whether a property is the description of a Terraform output (a contract
 * declaration `{ kind, description }` or `new TerraformOutput(..., { description })`):
 * text for people reading `terraform output`, in no resource, value or plan
 * action, so editing or dropping it is equivalent by construction.
 */
function outputDescription(property: ts.Node): boolean {
  if (!ts.isPropertyAssignment(property) || property.name.getText() !== "description") return false;
  const object = property.parent;
  const declaresKind = object.properties.some((p) => p.name?.getText() === "kind");
  const outputProps = ts.isNewExpression(object.parent) && object.parent.expression.getText() === "TerraformOutput";
  return declaresKind || outputProps;
}

/** Whether a node lies inside an IAM-style policy statement (an object literal with `Effect` or `Statement`). */
function insideStatement(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    if (ts.isObjectLiteralExpression(n) && n.properties.some((p) => p.name !== undefined && ["Effect", "Statement"].includes(p.name.getText().replace(/"/g, "")))) return true;
  }
  return false;
}

/**
 * Every mutant of one source file. Operators, each modelling an edit that
 * survived by hand in issue 20: a string value changed (in security
 * documents widened to `*`), a number off by one, a flag flipped, one array
 * element dropped (an action, a subnet, a consumer), one property dropped (a
 * condition, a setting). `statementsOnly` keeps only mutants inside policy
 * statements (bucket, queue and topic policies of modules that also build
 * other resources).
 */
export function mutantsOf(file: string, text: string, area: Area, statementsOnly = false): Mutant[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const found: Omit<Mutant, "id">[] = [];
  const add = (node: ts.Node, operator: Mutant["operator"], replacement: string, start = node.getStart(source), end = node.getEnd()): void => {
    if (outsideValues(node) || (statementsOnly && !insideStatement(node))) return;
    found.push({ area, file, line: source.getLineAndCharacterOfPosition(start).line + 1, operator, original: text.slice(start, end), replacement, start, end });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const parent = node.parent;
      const isKey = (ts.isPropertyAssignment(parent) && parent.name === node) || ts.isElementAccessExpression(parent) || ts.isLiteralTypeNode(parent);
      if (!isKey && node.text !== "use strict" && !outputDescription(node.parent)) add(node, "string", JSON.stringify(area === "security" ? (node.text === "*" ? "s3:*" : "*") : `${node.text}x`));
    } else if (ts.isTemplateExpression(node) && node.head.text !== "") {
      // The literal head of a template (`arn:aws:iam::${account}:root`): the ARN's fixed part.
      add(node.head, "string", `\`x${node.head.getText(source).slice(1)}`);
    } else if (ts.isNumericLiteral(node)) {
      add(node, "number", String(Number(node.text) + 1));
    } else if (node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword) {
      add(node, "boolean", node.kind === ts.SyntaxKind.TrueKeyword ? "false" : "true");
    } else if (ts.isArrayLiteralExpression(node) && node.elements.length > 0) {
      node.elements.forEach((element, i) => {
        const end = i + 1 < node.elements.length ? node.elements[i + 1].getStart(source) : element.getEnd();
        const start = i + 1 < node.elements.length || i === 0 ? element.getStart(source) : node.elements[i - 1].getEnd();
        add(element, "drop-element", "", start, end);
      });
    } else if (ts.isObjectLiteralExpression(node)) {
      node.properties.forEach((property, i) => {
        const end = i + 1 < node.properties.length ? node.properties[i + 1].getStart(source) : property.getEnd();
        const start = i + 1 < node.properties.length || i === 0 ? property.getStart(source) : node.properties[i - 1].getEnd();
        if (!outputDescription(property)) add(property, "drop-property", "", start, end);
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const seen = new Map<string, number>();
  return found.map((m) => {
    const key = `${m.file} ${m.operator} ${m.original.replace(/\s+/g, " ").slice(0, 80)} -> ${m.replacement}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return { ...m, id: `${key} #${n}` };
  });
}

/** The source with one mutant applied. */
export const applyMutant = (text: string, m: Mutant): string => text.slice(0, m.start) + m.replacement + text.slice(m.end);
