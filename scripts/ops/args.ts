import { OpsError } from "./errors";

/** Parsed command line: positional words and `--flag` / `--flag value` / `--flag=value` options. */
export interface ParsedArgs {
  readonly positional: readonly string[];
  readonly flags: ReadonlyMap<string, string | true>;
}

/**
 * Parses `argv`. Flags listed in `valueFlags` take a value (`--stack x` or
 * `--stack=x`); any other flag is a boolean. Unknown flags are rejected so a
 * typo such as `--dryrun` never silently runs the real thing.
 */
export function parseArgs(argv: readonly string[], valueFlags: readonly string[], booleanFlags: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (!word.startsWith("--")) {
      positional.push(word);
      continue;
    }
    const [name, inline] = splitOnce(word.slice(2), "=");
    if (valueFlags.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith("--")) throw new OpsError(`--${name} needs a value`);
      flags.set(name, value);
    } else if (booleanFlags.includes(name) && inline === undefined) {
      flags.set(name, true);
    } else {
      throw new OpsError(`Unknown option --${name}. Options here: ${[...valueFlags.map((f) => `--${f} <value>`), ...booleanFlags.map((f) => `--${f}`)].join(", ") || "none"}`);
    }
  }
  return { positional, flags };
}

/** The value of a value flag, or undefined when absent. */
export function flagValue(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags.get(name);
  return typeof value === "string" ? value : undefined;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
