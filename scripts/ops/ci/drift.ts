import type { StackInfo } from "../workspace";
import { type GitHubApi, listAll, repoRequest } from "./github-api";
import { capBytes, cutToBytes, fence } from "./markdown";
import type { PlannedStack } from "./report";

/** Label every drift issue carries; the workflow lists open issues by it. */
export const DRIFT_LABEL = "drift";

/** What the scheduled plans found for one deployment. */
export interface DeploymentDrift {
  readonly deployment: string;
  /** Applied stacks whose plan is not empty: the infrastructure differs from main. */
  readonly drifted: readonly PlannedStack[];
  /** Stacks whose plan failed: their drift is unknown. */
  readonly failed: readonly PlannedStack[];
  /** Stacks planned without drift. */
  readonly clean: readonly string[];
}

/**
 * Sorts scheduled plan results by deployment (a state stack shared by two
 * deployments counts for both). Drift is a plan with changes on a stack
 * that was applied before; a stack never applied (its plan creates
 * everything, or it waits for a producer never applied) and a stack
 * without plan credentials (skipped) say nothing about drift.
 */
export function driftByDeployment(planned: readonly PlannedStack[], infos: ReadonlyMap<string, Pick<StackInfo, "deployments">>, deployments: readonly string[]): DeploymentDrift[] {
  return deployments.map((deployment) => {
    const own = planned.filter((p) => (infos.get(p.result.stack)?.deployments ?? [p.result.deployment]).includes(deployment));
    return {
      deployment,
      drifted: own.filter((p) => p.result.status === "changes" && p.result.applied !== false),
      failed: own.filter((p) => p.result.status === "failed"),
      clean: own.filter((p) => p.result.status === "no-changes").map((p) => p.result.stack),
    };
  });
}

/** Hidden first line of a deployment's drift issue. */
export const driftMarker = (deployment: string): string => `<!-- drift:${deployment} -->`;

/** The body of a deployment's drift issue: what drifted, what could not be checked, and each drifted plan. */
export function renderDriftIssue(drift: DeploymentDrift, runUrl?: string, budget = 60_000): string {
  const head = [
    driftMarker(drift.deployment),
    `The scheduled plan${runUrl ? ` ([run](${runUrl}))` : ""} of \`${drift.deployment}\` is not empty: the infrastructure differs from \`main\`.`,
    "Either someone changed it outside Terraform (bring it back with the apply workflow, or adopt the change in code) or a merged change was not applied yet (run the apply workflow). docs/delivery.md \"Drift detection\".",
    "",
    "| stack | plan |",
    "|---|---|",
    ...drift.drifted.map((p) => `| \`${p.result.stack}\` | ${p.result.summary} |`),
    ...(drift.failed.length > 0 ? ["", `Not checked (plan failed): ${drift.failed.map((p) => `\`${p.result.stack}\``).join(", ")}.`] : []),
    "",
  ].join("\n");
  const share = Math.floor((budget - Buffer.byteLength(head) - 2_000) / Math.max(1, drift.drifted.length));
  const plans = drift.drifted.map((p) => `<details><summary><code>${p.result.stack}</code></summary>\n\n${fence(cutToBytes(p.text, share, p.result.stack))}\n</details>`);
  return capBytes(`${head}\n${plans.join("\n")}`, budget);
}

interface Issue {
  readonly number: number;
  readonly body?: string | null;
  readonly pull_request?: unknown;
}

/** What happened to one deployment's issue. */
export type IssueAction = { readonly deployment: string; readonly action: "created" | "updated" | "closed" | "none"; readonly number?: number };

/**
 * Keeps one open issue per drifted deployment: opens it (label
 * {@link DRIFT_LABEL}, found again by its marker) or updates its body, and
 * closes it with a comment once every stack of the deployment plans clean.
 * A deployment with failed plans and no drift keeps its issue as it is:
 * its state is unknown.
 */
export async function syncDriftIssues(api: GitHubApi, drifts: readonly DeploymentDrift[], runUrl?: string): Promise<IssueAction[]> {
  const open = (await listAll<Issue>(api, "/issues", `state=open&labels=${DRIFT_LABEL}`)).filter((i) => !i.pull_request);
  const actions: IssueAction[] = [];
  for (const drift of drifts) {
    const existing = open.find((i) => (i.body ?? "").includes(driftMarker(drift.deployment)));
    if (drift.drifted.length > 0) {
      const body = renderDriftIssue(drift, runUrl);
      if (existing) {
        await repoRequest(api, "PATCH", `/issues/${existing.number}`, { body });
        actions.push({ deployment: drift.deployment, action: "updated", number: existing.number });
      } else {
        const created = await repoRequest<Issue>(api, "POST", "/issues", { title: `Drift: ${drift.deployment}`, body, labels: [DRIFT_LABEL] });
        actions.push({ deployment: drift.deployment, action: "created", number: created.number });
      }
    } else if (existing && drift.failed.length === 0) {
      await repoRequest(api, "POST", `/issues/${existing.number}/comments`, { body: `No drift any more: every stack of \`${drift.deployment}\` plans clean${runUrl ? ` ([run](${runUrl}))` : ""}.` });
      await repoRequest(api, "PATCH", `/issues/${existing.number}`, { state: "closed", state_reason: "completed" });
      actions.push({ deployment: drift.deployment, action: "closed", number: existing.number });
    } else {
      actions.push({ deployment: drift.deployment, action: "none", ...(existing ? { number: existing.number } : {}) });
    }
  }
  return actions;
}
