import { inProtectedEnvironment } from "../../engine/checks";
import { fail, pass } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { block, show } from "../../engine/values";
import { STATEFUL_RESOURCE_TYPES } from "../../stateful-types";

/** Production and staging refuse to plan the destruction of anything that holds data. */
export const TerraformPreventDestroyInProd: ResourceRule = {
  id: "Terraform.PreventDestroyInProd",
  scope: "resource",
  description: `In production and staging, every stateful resource sets lifecycle.prevent_destroy = true. Stateful types: ${STATEFUL_RESOURCE_TYPES.join(", ")}.`,
  why: "A rename, a changed ForceNew argument or a removed config entry plans a destroy that reads like any other diff; prevent_destroy makes Terraform refuse the whole plan, so losing data takes a deliberate, reviewed change of its own.",
  resourceTypes: [...STATEFUL_RESOURCE_TYPES],
  check: (resource, stack) => inProtectedEnvironment(stack, () => {
    const value = block(resource.attributes.lifecycle)?.prevent_destroy;
    // Terraform reads lifecycle before evaluating anything, so only a literal true protects.
    return value === true ? pass() : fail(`lifecycle.prevent_destroy is ${show(value)}`);
  }),
};
