import { SUPPRESSIONS_KEY } from "../suppress";
import type { StackContext } from "./stack-context";
import { isRecord } from "./values";

/** Address under which suppressions on the stack itself are recorded. */
export const STACK_ADDRESS = "(stack)";

/** A suppression as found in a stack's JSON, not yet validated. */
export interface DeclaredSuppression {
  readonly stack: string;
  /** Element address, or `(stack)` for the stack's own `//` object. */
  readonly address: string;
  readonly rule: unknown;
  readonly reason: unknown;
}

/** Every suppression declared in a stack: on resources, data sources, outputs and the stack itself. */
export function declaredSuppressions(stack: StackContext): DeclaredSuppression[] {
  const found: DeclaredSuppression[] = [];
  const collect = (address: string, body: unknown) => {
    const comment = isRecord(body) ? body["//"] : undefined;
    const entries = isRecord(comment) ? comment[SUPPRESSIONS_KEY] : undefined;
    if (entries === undefined) return;
    for (const entry of Array.isArray(entries) ? entries : [entries]) {
      const record = isRecord(entry) ? entry : {};
      found.push({ stack: stack.name, address, rule: record.rule, reason: record.reason });
    }
  };
  collect(STACK_ADDRESS, stack.json);
  for (const resource of stack.all()) collect(resource.address, resource.attributes);
  for (const [name, output] of Object.entries(stack.json.output ?? {})) collect(`output.${name}`, output);
  return found;
}
