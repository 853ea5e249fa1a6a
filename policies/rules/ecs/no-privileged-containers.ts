import { fail, pass, unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { flag } from "../../engine/values";
import { containersOf, nameOf } from "./container-definitions";

/** No container runs privileged. */
export const EcsNoPrivilegedContainers: ResourceRule = {
  id: "ECS.NoPrivilegedContainers",
  scope: "resource",
  description: "No container in an aws_ecs_task_definition sets privileged = true.",
  why: "A privileged container is root on the host: one compromised process escapes to every task on the instance.",
  resourceTypes: ["aws_ecs_task_definition"],
  check(task) {
    const containers = containersOf(task);
    if (!containers.known) return unknown("container_definitions is computed");
    const privileged = containers.list.filter((c) => flag(c.privileged) === true);
    return privileged.length === 0 ? pass() : fail(`privileged: ${privileged.map(nameOf).join(", ")}`);
  },
};
