import { fail, pass } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { blocks } from "../../engine/values";

/** Clusters collect Container Insights metrics. */
export const EcsContainerInsights: ResourceRule = {
  id: "ECS.ContainerInsights",
  scope: "resource",
  description: "aws_ecs_cluster has setting containerInsights = enabled (or enhanced).",
  why: "Without Container Insights there are no per-task CPU, memory or restart metrics, which the autoscaling and alarms of the seeds depend on.",
  resourceTypes: ["aws_ecs_cluster"],
  check(cluster) {
    const setting = blocks(cluster.attributes.setting).find((s) => s.name === "containerInsights");
    return setting && ["enabled", "enhanced"].includes(String(setting.value)) ? pass() : fail(`containerInsights is ${String(setting?.value ?? "unset")}`);
  },
};
