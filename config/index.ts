import type { DeploymentInput } from "./resolve";
import { axonflow } from "./systems/axonflow";
import { commerce } from "./systems/commerce";
import { serverlessSaas } from "./systems/serverless-saas";
import { stackflow } from "./systems/stackflow";
import { webhooks } from "./systems/webhooks";

/** Every deployment this repository synthesizes, as written (unvalidated). */
export const DEPLOYMENT_INPUTS: readonly DeploymentInput[] = [
  ...stackflow,
  ...webhooks,
  ...axonflow,
  ...serverlessSaas,
  ...commerce,
];
