import type { DeploymentInput } from "../types";
import { data } from "./data";
import { functions } from "./functions";
import { edge } from "./edge";
import { messaging } from "./messaging";
import { network } from "./network";
import { observability } from "./observability";

/**
 * StackFlow ITSM (seed 000): API Gateway -> Lambda in VPC, Aurora, Neptune,
 * Redis, SQS FIFO. Production runs in account 373544523367, us-east-1.
 * One line per deployment; each layer's values live in this folder's
 * `<layer>.ts`.
 */
export const stackflow: readonly DeploymentInput[] = [
  { system: "stackflow", environment: "prod", region: "us-east-1", account: "stackflow-prod", network: network("prod"), data: data("prod"), messaging: messaging(), compute: functions("prod"), edge: edge("prod"), observability: observability() },
  { system: "stackflow", environment: "dev", region: "us-east-1", account: "stackflow-dev", network: network("dev"), data: data("dev"), messaging: messaging(), compute: functions("dev"), edge: edge("dev"), observability: observability() },
];
