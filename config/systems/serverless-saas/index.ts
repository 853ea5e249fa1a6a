import type { DeploymentInput } from "../types";
import { data } from "./data";
import { functions } from "./functions";
import { edge } from "./edge";
import { messaging } from "./messaging";
import { network } from "./network";

/**
 * "The Stack" serverless SaaS (seed 003), one deployment per account of its
 * organization: production multi-tenant and integration test.
 * One line per deployment; each layer's values live in this folder's
 * `<layer>.ts`.
 */
export const serverlessSaas: readonly DeploymentInput[] = [
  { system: "serverless-saas", environment: "prod", region: "eu-west-1", account: "saas-prod-multi-tenant", network: network("prod"), data: data("prod"), messaging: messaging("prod"), compute: functions("prod"), edge: edge("prod") },
  { system: "serverless-saas", environment: "dev", region: "eu-west-1", account: "saas-integration-test", network: network("dev"), data: data("dev"), messaging: messaging("dev"), compute: functions("dev"), edge: edge("dev") },
];
