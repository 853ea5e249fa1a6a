import { Testing, TerraformStack } from "cdktf";
import { describe, expect, it } from "vitest";
import { DEPLOYMENT_INPUTS } from "../config";
import { resolveDeployments } from "../config/resolve";
import type { DeploymentInput } from "../config/systems/types";
import { skipTokenTraces } from "../lib/token-traces";
import { buildStacks } from "../stacks/build";
import { testApp } from "./support/modules";
import { resources, stack, stackNames, type StackJson } from "./support/synth";

/**
 * EC2 replaces a security group whose description changes, and the
 * replacement fails while the group is in use. So a store's port or a
 * workload's description (config text) must never reach a group's name or
 * description: every deployment is synthesized again with every store on
 * another port and every workload described differently, and no group may
 * change anything but its tags.
 */
const STORE_KINDS = ["aurora", "rds", "neptune", "redis"] as const;

/** Every store on a port of its own (no default is above 20000), every workload described anew. */
function edited(input: DeploymentInput, index: number): DeploymentInput {
  const data = input.data && Object.fromEntries(Object.entries(input.data).map(([kind, stores]) => [kind,
    (STORE_KINDS as readonly string[]).includes(kind) && Array.isArray(stores)
      ? stores.map((s, i) => ({ ...s, port: 20000 + index * 10 + i }))
      : stores]));
  const workloads = input.network?.workloads?.map((w) => ({ ...w, description: `${w.description}, edited in review` }));
  return { ...input, network: { ...input.network, workloads }, data } as DeploymentInput;
}

/** Synthesizes the edited deployments, without per-token stack traces as every synth of ours (lib/token-traces.ts). */
function synthAll(inputs: readonly DeploymentInput[]): Record<string, StackJson> {
  const restoreTraces = skipTokenTraces();
  try {
    const app = testApp();
    buildStacks(app, resolveDeployments(inputs));
    return Object.fromEntries(app.node.children.map((s) => [s.node.id, JSON.parse(Testing.synth(s as TerraformStack)) as StackJson]));
  } finally {
    restoreTraces();
  }
}

const groups = (s: StackJson) => Object.entries(resources(s, "aws_security_group"));

describe("security groups survive config edits", () => {
  const after = synthAll(DEPLOYMENT_INPUTS.map(edited));
  const withGroups = stackNames().filter((name) => groups(stack(name)).length > 0);

  it("edits something real: ports and descriptions reach the tags", () => {
    const tagsBefore = withGroups.flatMap((name) => groups(stack(name)).map(([, g]) => JSON.stringify(g.tags)));
    const tagsAfter = withGroups.flatMap((name) => groups(after[name]).map(([, g]) => JSON.stringify(g.tags)));
    const changed = tagsAfter.filter((tags, i) => tags !== tagsBefore[i]);
    expect(changed.some((tags) => tags.includes('"port":"2'))).toBe(true);
    expect(changed.some((tags) => tags.includes("edited in review"))).toBe(true);
  });

  it.each(withGroups)("%s: same groups, same names and descriptions", (name) => {
    const view = (s: StackJson) => Object.fromEntries(groups(s).map(([id, g]) => [id, { name: g.name, description: g.description }]));
    expect(view(after[name])).toEqual(view(stack(name)));
  });

  it("ignores the description after creation on every group, so no earlier text ever forces a replacement", () => {
    for (const name of stackNames()) {
      for (const [id, g] of groups(stack(name))) expect([name, id, g.lifecycle]).toEqual([name, id, { ignore_changes: ["description"] }]);
    }
  });
});
