/**
 * Lambda runtimes, dated (docs/versions.md, "Lambda runtimes"; checked
 * 2026-11-25 against the Lambda runtimes table as quoted in
 * ../shared/facts B.2). A function may be created only on a supported
 * runtime; the deprecated ones are listed so a config naming one is told
 * why and since when, instead of meeting Lambda's refusal at apply.
 */
export const LAMBDA_RUNTIMES = ["nodejs22.x", "nodejs24.x", "python3.12", "python3.13", "python3.14", "provided.al2023"] as const;

/** A runtime a new function may use. */
export type LambdaRuntime = (typeof LAMBDA_RUNTIMES)[number];

/** Deprecated runtimes and the date Lambda deprecated them (new functions are blocked after it). */
export const DEPRECATED_LAMBDA_RUNTIMES: Readonly<Record<string, string>> = {
  "nodejs18.x": "2025-09-01",
  "nodejs20.x": "2026-04-30",
  "python3.9": "2025-12-15",
  "python3.10": "2026-10-31",
  "provided.al2": "2026-07-31",
};

/** Deprecation dates of the supported runtimes: after these, the function must move on. */
export const LAMBDA_RUNTIME_DEPRECATIONS: Readonly<Record<LambdaRuntime, string>> = {
  "nodejs22.x": "2027-04-30",
  "nodejs24.x": "2028-04-30",
  "python3.12": "2028-10-31",
  "python3.13": "2029-06-30",
  "python3.14": "2029-06-30",
  "provided.al2023": "2029-06-30",
};
