import { fail, pass } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { block, flag } from "../../engine/values";

/** A rolling deployment that never gets healthy rolls back by itself. */
export const EcsServiceCircuitBreaker: ResourceRule = {
  id: "ECS.ServiceCircuitBreaker",
  scope: "resource",
  description: "aws_ecs_service sets deployment_circuit_breaker with enable = true and rollback = true.",
  why: "Without the breaker a deployment whose tasks keep failing their health checks retries for hours while the old tasks drain; with it ECS stops and returns to the last working task definition.",
  resourceTypes: ["aws_ecs_service"],
  check(service) {
    const breaker = block(service.attributes.deployment_circuit_breaker);
    if (!breaker) return fail("no deployment_circuit_breaker");
    return flag(breaker.enable) === true && flag(breaker.rollback) === true ? pass() : fail(`deployment_circuit_breaker is enable = ${String(breaker.enable)}, rollback = ${String(breaker.rollback)}`);
  },
};
