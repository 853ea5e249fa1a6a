import type { Environment } from "../../presets";

/**
 * The Stack's domain in each environment: the app (`app.<domain>`, the CORS
 * origin of the media buckets) and the SES sending domain live under it.
 */
export const appDomain = (env: Environment): string => (env === "prod" ? "thestack.dev" : `${env}.thestack.dev`);
