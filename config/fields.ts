import { z } from "zod";
import { MIN_WINDOW_MINUTES, parseDailyWindow, parseWeeklyWindow } from "../lib/windows";
import { LOG_RETENTION_DAYS } from "./presets";

/**
 * The shared field vocabulary of every layer's config schema: ids, names,
 * ports, windows, retention and the wording of "what is allowed". A layer
 * file composes these so one kind of value is checked, and explained, the
 * same way everywhere.
 */

/** `must be one of: a, b, c`: the allowed-values wording of every enum. */
export const oneOf = (values: readonly (string | number)[]): string => `must be one of: ${values.join(", ")}`;

/** A zod enum whose error lists the allowed values. */
export const enumOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: oneOf(values) });

/** A whole number in [min, max], with the range in every message (never zod's default wording). */
export function intBetween(min: number, max: number, unit = ""): z.ZodNumber {
  const allowed = `must be a whole number between ${min} and ${max}${unit ? ` ${unit}` : ""}`;
  return z.number({ error: allowed }).int({ error: allowed }).min(min, { error: allowed }).max(max, { error: allowed });
}

/** A TCP port in [min, 65535]. */
export const port = (min = 1): z.ZodNumber => intBetween(min, 65535);

/** Construct id of a thing a layer defines: PascalCase, part of its Terraform addresses, so never renamed casually. */
export const constructId = z.string().regex(/^[A-Z][A-Za-z0-9]{0,31}$/, {
  error: "must be 1-32 PascalCase letters and digits (it becomes part of Terraform addresses)",
});

/** Name of a workload (a security group of the network layer that later layers attach to what they run). */
export const workloadName = z.string().regex(/^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){1,30}$/, {
  error: "must be 2-31 lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen",
});

/** RDS, Neptune and ElastiCache identifiers share these rules. */
export const storeIdentifier = z.string().regex(/^[a-z](?!.*--)[a-z0-9-]{0,38}[a-z0-9]$/, {
  error: "must be 2-40 lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen",
});

/** Automated backup retention of a database (RDS, Aurora and Neptune accept 1-35 days). */
export const backupRetentionDays = intBetween(1, 35, "days");

/** CloudWatch Logs `retention_in_days`: only AWS's fixed values. */
export const logRetentionDays = z.number().refine((d) => (LOG_RETENTION_DAYS as readonly number[]).includes(d), {
  error: `${oneOf(LOG_RETENTION_DAYS)} (CloudWatch Logs retention values)`,
});

/** A daily UTC window, `hh:mm-hh:mm`, at least {@link MIN_WINDOW_MINUTES} long. */
export const dailyWindow = z.string()
  .refine((w) => parseDailyWindow(w) !== undefined, { error: "must be hh:mm-hh:mm in UTC, e.g. 03:00-04:00" })
  .refine((w) => (parseDailyWindow(w)?.length ?? MIN_WINDOW_MINUTES) >= MIN_WINDOW_MINUTES, { error: `must last at least ${MIN_WINDOW_MINUTES} minutes` });

/** A weekly UTC window, `ddd:hh:mm-ddd:hh:mm`, at least {@link MIN_WINDOW_MINUTES} long. */
export const weeklyWindow = z.string()
  .refine((w) => parseWeeklyWindow(w) !== undefined, { error: "must be ddd:hh:mm-ddd:hh:mm in UTC, e.g. sun:04:00-sun:05:00" })
  .refine((w) => (parseWeeklyWindow(w)?.length ?? MIN_WINDOW_MINUTES) >= MIN_WINDOW_MINUTES, { error: `must last at least ${MIN_WINDOW_MINUTES} minutes` });

/** A Secrets Manager secret name. */
export const secretName = z.string().regex(/^[A-Za-z0-9/_+=.@-]{1,512}$/, { error: "must be a Secrets Manager name (letters, digits and /_+=.@-)" });

/** Why a risk is accepted: a sentence a reviewer can judge, not a checkbox. */
export const riskReason = z.string().regex(/^(?=.*[a-z].*[a-z].*[a-z]).{20,500}$/s, { error: "must give the reason in 20-500 characters (it is shown in review)" });

/** Ids of things other layers define, resolved through the reference registry (config/refs.ts). */
export const uses = z.array(z.string()).default([]);

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: "a string", number: "a number", int: "a whole number", boolean: "true or false", array: "a list", object: "an object",
};

/** What a wrongly typed value is, in the words of a message: `NaN`, `a list`, `a string`. */
function kindOf(value: unknown): string {
  if (typeof value === "number" && Number.isNaN(value)) return "NaN";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return TYPE_WORDS[typeof value] ?? typeof value;
}

/**
 * zod's wording for the issues a field does not word itself: a missing or
 * wrongly typed value says what is allowed, a number out of range says the
 * range. Passed to every parse (config/resolve.ts).
 */
export const fieldMessages: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === "invalid_type") {
    const expected = TYPE_WORDS[issue.expected] ?? issue.expected;
    return issue.input === undefined ? `is required (${expected})` : `must be ${expected}, not ${kindOf(issue.input)}`;
  }
  if ((issue.code === "too_small" || issue.code === "too_big") && issue.origin === "number") {
    const bound = issue.code === "too_small" ? `at least ${String(issue.minimum)}` : `at most ${String(issue.maximum)}`;
    return `must be ${bound}`;
  }
  if ((issue.code === "too_small" || issue.code === "too_big") && (issue.origin === "string" || issue.origin === "array")) {
    const unit = issue.origin === "string" ? "characters" : "entries";
    return issue.code === "too_small" ? `must have at least ${String(issue.minimum)} ${unit}` : `must have at most ${String(issue.maximum)} ${unit}`;
  }
  return undefined;
};
