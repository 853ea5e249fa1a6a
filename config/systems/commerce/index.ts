import type { DeploymentInput } from "../types";
import { containers } from "./containers";
import { data } from "./data";
import { edge } from "./edge";
import { messaging } from "./messaging";
import { network } from "./network";

/**
 * E-commerce platform (seed 004). The seed keeps dev and staging in one
 * account (AWS_ACCOUNT_ID) and prod in another (AWS_ACCOUNT_PROD_ID).
 * One line per deployment; each layer's values live in this folder's
 * `<layer>.ts`.
 */
export const commerce: readonly DeploymentInput[] = [
  { system: "commerce", environment: "prod", region: "us-west-2", account: "commerce-prod", network: network("prod"), data: data("prod"), messaging: messaging("prod"), compute: containers("prod"), edge: edge("prod") },
  { system: "commerce", environment: "staging", region: "us-west-2", account: "commerce-nonprod", network: network("staging"), data: data("staging"), messaging: messaging("staging"), compute: containers("staging"), edge: edge("staging") },
  { system: "commerce", environment: "dev", region: "us-west-2", account: "commerce-nonprod", network: network("dev"), data: data("dev"), messaging: messaging("dev"), compute: containers("dev"), edge: edge("dev") },
];
