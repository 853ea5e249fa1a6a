/**
 * The Stack's domain in each environment: the app (`app.<domain>`, the CORS
 * origin of the media buckets) and the SES sending domain live under it.
 * `stage` is the environment, or `pr-<n>` for a preview (config/preview.ts).
 */
export const appDomain = (stage: string): string => (stage === "prod" ? "thestack.dev" : `${stage}.thestack.dev`);
