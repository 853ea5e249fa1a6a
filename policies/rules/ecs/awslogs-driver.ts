import { fail, pass, unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { isRecord } from "../../engine/values";
import { containersOf, nameOf } from "./container-definitions";

/** Log drivers that deliver to CloudWatch Logs (FireLens routes through a sidecar). */
const DRIVERS = ["awslogs", "awsfirelens"];

/** Every container ships its logs. */
export const EcsAwsLogsDriver: ResourceRule = {
  id: "ECS.AwsLogsDriver",
  scope: "resource",
  description: "Every container in an aws_ecs_task_definition has logConfiguration.logDriver awslogs (or awsfirelens).",
  why: "Fargate keeps no container output: a task that stops without a log driver takes the reason with it.",
  resourceTypes: ["aws_ecs_task_definition"],
  check(task) {
    const containers = containersOf(task);
    if (!containers.known) return unknown("container_definitions is computed");
    const missing = containers.list.filter((c) => !(isRecord(c.logConfiguration) && DRIVERS.includes(String(c.logConfiguration.logDriver))));
    return missing.length === 0 ? pass() : fail(`no awslogs driver: ${missing.map(nameOf).join(", ")}`);
  },
};
