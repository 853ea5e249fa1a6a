import { byAttr, ref, resources, type StackJson } from "../../support/synth";

/** The function resource named `name` in a compute stack. */
export const fn = (s: StackJson, name: string): Record<string, unknown> => byAttr(s, "aws_lambda_function", "function_name", name);

/** `${aws_lambda_function.X.<attribute>}` of the function named `name`. */
export const fnRef = (s: StackJson, name: string, attribute: string): string => ref(s, "aws_lambda_function", (f) => f.function_name === name, attribute);

/** The logical id of the function named `name` (its construct id is the name without punctuation). */
const fnId = (s: StackJson, name: string): string => fnRef(s, name, "x").slice("${aws_lambda_function.".length, -".x}".length);

/** `${aws_lambda_alias.X.<attribute>}` of the function's alias. */
export const aliasRef = (s: StackJson, name: string, attribute: string): string =>
  ref(s, "aws_lambda_alias", (a) => a.function_name === fnRef(s, name, "function_name"), attribute);

/** Resources of a type that belong to one function's construct (by their metadata path). */
export function ofFunction(s: StackJson, name: string, type: string): Record<string, unknown>[] {
  const prefix = fnId(s, name).replace(/_Function_[0-9A-F]+$/, "_");
  return Object.entries(resources(s, type)).filter(([id]) => id.startsWith(prefix)).map(([, r]) => r);
}

/** The seed's figures of a function as synthesized: runtime, architecture, memory, timeout. */
export const figures = (f: Record<string, unknown>) => ({ runtime: f.runtime, architectures: f.architectures, memory_size: f.memory_size, timeout: f.timeout });
