/** One diagnostic from Terraform's `-no-color` output. */
export interface Diagnostic {
  readonly severity: "Error" | "Warning";
  readonly summary: string;
  /** Everything after the summary line: source snippet, expression values, detail. */
  readonly body: string;
}

/**
 * Splits Terraform's output into diagnostics. With `-no-color` Terraform
 * prints each one as `Error: <summary>` at the start of a line followed by
 * its snippet and detail (format.DiagnosticPlain); the boxed form of a
 * colour terminal (`│ Error: ...`) is read too, its left rule removed.
 */
export function diagnostics(output: string): Diagnostic[] {
  const lines = output.split("\n").map((l) => l.replace(/^[│╷╵] ?/, ""));
  const found: Diagnostic[] = [];
  let current: { severity: Diagnostic["severity"]; summary: string; body: string[] } | undefined;
  for (const line of lines) {
    const start = /^(Error|Warning): (.*)$/.exec(line);
    if (start) {
      if (current) found.push({ ...current, body: current.body.join("\n") });
      current = { severity: start[1] as Diagnostic["severity"], summary: start[2].trim(), body: [] };
    } else if (current) {
      current.body.push(line);
    }
  }
  if (current) found.push({ ...current, body: current.body.join("\n") });
  return found;
}

/** What the matcher needs to know about the stacks: their declared dependencies and outputs. */
export interface StackOutputs {
  readonly dependencies: readonly string[];
  readonly outputs: readonly string[];
}

/**
 * The producer stack an error waits for, when the error is nothing but a
 * missing upstream output of a producer not applied (yet) as synthesized:
 *
 * - `Unable to find remote state` raised by `data.terraform_remote_state.<P>`
 *   where P is a stack this one depends on: P was never applied;
 * - `Unsupported attribute` with `This object does not have an attribute
 *   named "<X>"`, where the object is `data.terraform_remote_state.<P>.outputs`
 *   (its value line, or the expression `...<P>.outputs.<X>` in the source
 *   line), P is a stack this one depends on and P's synthesized JSON
 *   declares output X: the output exists in code but not in P's state.
 *
 * Anything else, including the same error on a resource attribute or on an
 * output P does not declare at all (a typo, or a removed output), returns
 * undefined: it is a real error.
 */
export function waitsFor(d: Diagnostic, stack: Pick<StackOutputs, "dependencies">, stacks: ReadonlyMap<string, StackOutputs>): string | undefined {
  const producer = (name: string | undefined) => (name && stack.dependencies.includes(name) && stacks.has(name) ? name : undefined);
  if (d.summary === "Unable to find remote state") {
    return producer(/^\s*with data\.terraform_remote_state\.([A-Za-z0-9_-]+),?\s*$/m.exec(d.body)?.[1]);
  }
  if (d.summary !== "Unsupported attribute") return undefined;
  const missing = /This object does not have an attribute named "([^"]+)"\./.exec(d.body)?.[1];
  if (!missing) return undefined;
  const owner = /│?\s*data\.terraform_remote_state\.([A-Za-z0-9_-]+)\.outputs is /.exec(d.body)?.[1]
    ?? new RegExp(`data\\.terraform_remote_state\\.([A-Za-z0-9_-]+)\\.outputs\\.${escape(missing)}\\b`).exec(d.body)?.[1];
  const name = producer(owner);
  return name && stacks.get(name)!.outputs.includes(missing) ? name : undefined;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
