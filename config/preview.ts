import { data } from "./systems/serverless-saas/data";
import { messaging } from "./systems/serverless-saas/messaging";
import type { DeploymentInput } from "./systems/types";

/**
 * The preview environment of a pull request (The Stack's "Preview
 * Environments for PRs"): serverless-saas, the one system chosen for
 * previews (serverless, so a preview costs little and starts fast), on the
 * dev preset (no NAT, single-AZ, no deletion protection) in the
 * integration-test account, as `serverless-saas-pr-<n>`: every name, state
 * key and secret carries `pr-<n>`, so previews of several pull requests and
 * the dev deployment live side by side. The preview workflow synthesizes it
 * with `npm run preview -- synth <n>`; it is never part of DEPLOYMENT_INPUTS.
 */
export function previewDeployment(pullRequest: number): DeploymentInput {
  const stage = `pr-${pullRequest}`;
  return {
    system: "serverless-saas",
    environment: "dev",
    preview: pullRequest,
    region: "eu-west-1",
    account: "saas-integration-test",
    network: { cidr: previewCidr(pullRequest), nat: "none" },
    data: data(stage),
    messaging: messaging(stage),
  };
}

/**
 * A /20 of 10.42.0.0/16 per pull request (16 slots, by number modulo 16),
 * clear of every configured VPC: previews are never peered, the slots only
 * keep the cross-deployment overlap check meaningful when several previews
 * are synthesized together (pull requests 16 apart share a slot).
 */
export const previewCidr = (pullRequest: number): string => `10.42.${(pullRequest % 16) * 16}.0/20`;
