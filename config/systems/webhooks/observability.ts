import type { Environment } from "../../presets";
import type { ObservabilityInput } from "../types";

/**
 * Seed 001 sends alarms to PagerDuty. Prod reads the integration URL from a
 * Secrets Manager secret the on-call team owns (`webhooks/prod/pagerduty-integration-url`,
 * its value the URL alone), so rotating the integration key needs no
 * pipeline change; dev notifies the topic and never pages (the default).
 */
export function observability(env: Environment): ObservabilityInput {
  return env === "prod" ? { pagerDuty: { source: "secret" } } : {};
}
